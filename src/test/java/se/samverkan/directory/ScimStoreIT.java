package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.directory.LdapDirectoryReader.Snapshot;
import se.samverkan.directory.ScimStore.ScimUser;

/**
 * The SCIM store's SQL on the shared integration-test context's database (PostgreSQL with
 * -Ppostgres, as in production): filters, paging, idempotent member adds, the snapshot the sync
 * applies. And the door of that context, which has no SCIM source: every /scim call is 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimStoreIT {

  private static final String SOURCE = "itest-store";
  private static final DirectorySettings.Source SETTINGS = new DirectorySettings.Source(DirectorySettings.Kind.SCIM,
      "Test", Map.of("skola-lycksele", "Samverkan Skola"), null, null, List.of("lycksele"), List.of(), List.of(),
      new DirectorySettings.Scim("x".repeat(40)));

  @Autowired ScimStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from samverkan_scim_member where group_id in (select id from samverkan_scim_group where source = ?)", SOURCE);
    jdbc.update("delete from samverkan_scim_group where source = ?", SOURCE);
    jdbc.update("delete from samverkan_scim_user where source = ?", SOURCE);
  }

  @Test
  void shouldFindPageAndSnapshotWhatAProviderPushed() {
    for (int i = 1; i <= 5; i++) {
      store.createUser(SOURCE, new ScimUser(null, "Store.User" + i, "ext-" + i, i != 3, "Förnamn" + i, "Efternamn", null,
          "user" + i + "@lycksele.example", null, null));
    }
    ScimStore.Page<ScimUser> byName = store.users(SOURCE,
        ScimFilter.parse("userName eq \"store.user2\"", ScimFilter.USER, ScimResources.USER_SCHEMA), 1, 100);
    assertThat(byName.total()).isEqualTo(1);
    assertThat(byName.resources().get(0).userName()).isEqualTo("Store.User2");
    ScimStore.Page<ScimUser> inactive = store.users(SOURCE,
        ScimFilter.parse("active eq false", ScimFilter.USER, ScimResources.USER_SCHEMA), 1, 100);
    assertThat(inactive.resources()).extracting(ScimUser::userName).containsExactly("Store.User3");
    ScimStore.Page<ScimUser> second = store.users(SOURCE, ScimFilter.parse(null, ScimFilter.USER, ScimResources.USER_SCHEMA), 3, 2);
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.resources()).hasSize(2);

    // by name, not by the page's order: users created within the same clock tick are ordered by their random ids
    Map<String, String> idByName = store.users(SOURCE, ScimFilter.parse(null, ScimFilter.USER, ScimResources.USER_SCHEMA),
        1, 100).resources().stream().collect(Collectors.toMap(ScimUser::userName, ScimUser::id));
    List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> idByName.get("Store.User" + i)).toList();
    String group = store.createGroup(SOURCE, "Samverkan Skola", null, ids.subList(0, 3)).id();
    store.addMembers(group, ids);
    store.addMembers(group, ids);
    assertThat(store.memberIds(group)).hasSize(5);
    assertThat(store.groups(SOURCE, ScimFilter.parse("members eq \"" + ids.get(4) + "\"", ScimFilter.GROUP,
        ScimResources.GROUP_SCHEMA), 1, 10, true).resources()).singleElement()
        .satisfies(g -> assertThat(g.members()).hasSize(5));
    store.saveGroup(SOURCE, group, "SAMVERKAN SKOLA", null, ids.subList(0, 2));
    assertThat(store.memberIds(group)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));

    Snapshot snapshot = store.snapshot(SOURCE, SETTINGS);
    assertThat(snapshot.users()).hasSize(5);
    assertThat(snapshot.users().get("Store.User3").state()).isEqualTo(AccountState.DISABLED);
    assertThat(snapshot.users().get("Store.User1").email()).isEqualTo("user1@lycksele.example");
    assertThat(snapshot.holders().get("skola-lycksele")).as("the group's name in any case")
        .containsExactlyInAnyOrder("Store.User1", "Store.User2");

    assertThat(store.deleteUser(SOURCE, ids.get(0))).isTrue();
    assertThat(store.memberIds(group)).containsExactly(ids.get(1));
    assertThatThrownBy(() -> store.createUser(SOURCE, new ScimUser(null, "store.user2", null, true, null, null, null, null,
        null, null))).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void shouldKeepTheDoorShutWhereNoScimSourceIsConfigured() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth("x".repeat(40));
    for (String path : List.of("/scim/v2/itest-store/Users", "/scim/v2/demo/Users", "/scim/v2/lycksele/ServiceProviderConfig")) {
      ResponseEntity<String> answer = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getBody()).contains(ScimResources.ERROR_SCHEMA);
    }
    ResponseEntity<String> post = rest.exchange("/scim/v2/itest-store/Users", HttpMethod.POST,
        new HttpEntity<>("{\"userName\":\"mallory\"}", headers), String.class);
    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("select count(*) from samverkan_scim_user where user_name = 'mallory'", Integer.class)).isZero();
  }
}
