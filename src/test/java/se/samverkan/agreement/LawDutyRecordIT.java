package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;

/** The municipality's record of lag (2023:196) over REST, for its own functions and the county board. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LawDutyRecordIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void shouldShowTheMunicipalityWhichDutiesItHasMetAndWhen() {
    AgreementScenario.start(engine, AgreementScenario.uniquePeriod()).contributeSituationPictures().analyse(List.of());

    ResponseEntity<Map<String, Object>> record = RestClient.as(rest, "samordnare.sorsele")
        .get("/samverkan/lagkrav/sorsele", new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(record.getBody()).containsEntry("kommunNamn", "Sorsele");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> duties = (List<Map<String, Object>>) record.getBody().get("lagkrav");
    assertThat(duties).extracting(d -> d.get("krav"))
        .containsExactly("lagesbild", "atgardsplan", "uppfoljning", "samordningsfunktion");
    assertThat(duties.get(0)).containsEntry("uppfyllt", true).containsKey("datum")
        .containsEntry("steg", "Gemensam analys och orsaksanalys (kommunpolis med samordnarna)");
    assertThat(duties.get(3)).containsEntry("uppfyllt", true);
    assertThat(RestClient.as(rest, "lansstyrelsen").get("/samverkan/lagkrav/sorsele", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRefuseAnotherMunicipalityAndAnonymousCallers() {
    ResponseEntity<Map<String, Object>> refused = RestClient.as(rest, "samordnare.lycksele")
        .get("/samverkan/lagkrav/sorsele", new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("message")).contains("Du har ingen funktion som får läsa lagkraven för Sorsele");
    assertThat(RestClient.anonymous(rest).get("/samverkan/lagkrav/sorsele", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(RestClient.as(rest, "lansstyrelsen").get("/samverkan/lagkrav/umea", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
