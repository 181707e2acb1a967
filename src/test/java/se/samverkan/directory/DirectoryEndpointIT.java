package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.RestClient;

/**
 * The directory endpoints in the shared integration-test context, where no directory source is
 * configured: only administrators may sync or read the changes, and a sync without sources
 * touches nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryEndpointIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldRefuseASamordnareAnotherMunicipalityAndAnonymous() {
    for (String user : new String[] {"samordnare.lycksele", "kommunpolis.sodra-lappland", "lansstyrelsen"}) {
      ResponseEntity<Map> sync = RestClient.as(rest, user).post("/samverkan/katalog/synkronisera", null, Map.class);
      assertThat(sync.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(String.valueOf(sync.getBody().get("message"))).contains("Bara administratörer");
      assertThat(RestClient.as(rest, user).get("/samverkan/katalog/andringar", Map.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(RestClient.anonymous(rest).post("/samverkan/katalog/synkronisera", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldTouchNothingWithoutASourceAndAnswerTheAdministratorInSwedish() {
    int users = count("samverkan_directory_user");
    int changes = count("samverkan_directory_change");
    String lock = jdbc.queryForObject("select coalesce(holder, '-') from samverkan_directory_lock where id = 1", String.class);

    ResponseEntity<Map> sync = RestClient.as(rest, "admin").post("/samverkan/katalog/synkronisera", null, Map.class);

    assertThat(sync.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sync.getBody()).containsEntry("synkroniserad", false).containsEntry("avstamningKord", false);
    assertThat(String.valueOf(sync.getBody().get("meddelande"))).contains("Ingen katalogkälla (LDAP eller SCIM) är konfigurerad");
    assertThat(count("samverkan_directory_user")).isEqualTo(users);
    assertThat(count("samverkan_directory_change")).isEqualTo(changes);
    assertThat(jdbc.queryForObject("select coalesce(holder, '-') from samverkan_directory_lock where id = 1", String.class))
        .isEqualTo(lock);

    ResponseEntity<Map> latest = RestClient.as(rest, "admin").get("/samverkan/katalog/andringar?antal=5", Map.class);
    assertThat(latest.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(latest.getBody()).containsKeys("kallor", "andringar");
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
