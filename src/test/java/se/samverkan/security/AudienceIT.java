package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.FormData;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.JointSituationPictureProcess;
import se.samverkan.agreement.AgreementPeriods;
import se.samverkan.agreement.MunicipalSituationPictureProcess;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.signing.SignatureCollector;

/**
 * Who may see what (docs/security.md "Who may see what"), end to end: a whole samverkansprocess driven
 * through REST by the demo users, each municipality's lägesbild carrying a marker of its own; then,
 * as every demo user and through every door the REST API has to a case's data, another
 * municipality's marker never shows, while the user's own picture and what the LPO shares by
 * design (the police's picture, the joint analysis, the medborgardialog) do. The kommunpolis sees
 * every municipality's picture; länsstyrelsen and the process owner see no case data at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceIT {

  static final String LPO = "sodra-lappland";
  static final String KOMMUNPOLIS = "kommunpolis.sodra-lappland";
  static final String LPOCHEF = "lpochef.sodra-lappland";
  static final Map<String, String> MUNICIPALITIES = new LinkedHashMap<>();
  static {
    MUNICIPALITIES.put("lycksele", "Lycksele");
    MUNICIPALITIES.put("mala", "Malå");
    MUNICIPALITIES.put("sorsele", "Sorsele");
    MUNICIPALITIES.put("storuman", "Storuman");
    MUNICIPALITIES.put("vilhelmina", "Vilhelmina");
    MUNICIPALITIES.put("asele", "Åsele");
    MUNICIPALITIES.put("dorotea", "Dorotea");
  }
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  /** The webapp each user logs in to: länsstyrelsen has Cockpit only. */
  private static final Map<String, String> COCKPIT_USERS = Map.of("lansstyrelsen", "cockpit");

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired HistoryService history;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String period = se.samverkan.agreement.AgreementScenario.uniquePeriod();
  private final String businessKey = AgreementPeriods.businessKey(LPO, period);
  private final Map<String, String> markers = new LinkedHashMap<>();
  private final String policeMarker = "polisbild-" + run;
  private final String analysisMarker = "analys-" + run;
  private final String dialogMarker = "dialog-mala-" + run;
  /** Every process instance of the case: the samverkansprocess and all it started or called. */
  private final List<String> instances = new ArrayList<>();

  @BeforeAll
  void driveAWholeCycleThroughRest() {
    MUNICIPALITIES.keySet().forEach(k -> markers.put(k, "lagesbild-" + k + "-" + run));
    ResponseEntity<Map<String, Object>> started = RestClient.as(rest, KOMMUNPOLIS).postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", Map.of(
            AgreementProcess.LPO, Map.of("value", LPO), AgreementProcess.PERIOD, Map.of("value", period))));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);

    MUNICIPALITIES.forEach((kommun, name) -> submit("samordnare." + kommun,
        MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, municipalPicture(name, markers.get(kommun)),
        "Källorna: skolkuratorns anteckningar och socialtjänstens mottagning [" + markers.get(kommun) + "]"));
    submit(KOMMUNPOLIS, JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE, Map.of(
        "polisBrottsstatistik", text("Anmälda skadegörelsebrott i LPO Södra Lappland ökade med 18 % 2026, mest i Lycksele "
            + "och Storuman; stölder oförändrade. [" + policeMarker + "]"),
        "polisHandelser", text("Ordningsstörningar vid resecentrum i Lycksele fredagar 21–01 och vid Konsum i Storuman."),
        "polisOtrygghet", text("Unga samlas med mopeder vid skolorna kvällstid; vuxna upplever otrygghet."),
        "kontroll", json(FormData.values("samverkan-lagesbild-polis", "kontroll"))));
    submit(KOMMUNPOLIS, JointSituationPictureProcess.TASK_JOINT_ANALYSIS, Map.of(
        "problem", json(List.of(
            Map.of("beskrivning", "Otrygghet vid resecentrum kvällstid [" + analysisMarker + "]",
                "orsaker", "Få vuxna ute, dålig belysning, samlingsplats utan verksamhet", "prioritet", 1, "berorda", "Lycksele"),
            Map.of("beskrivning", "Skadegörelse i skolmiljö", "orsaker", "Sysslolöshet efter skoltid", "prioritet", 2,
                "berorda", "alla kommuner"))),
        "analysSammanfattning", text("Två prioriterade problem för hela lokalpolisområdet."),
        "dialogKommuner", json(List.of("mala")),
        "kontroll", json(FormData.values("samverkan-gemensam-analys", "kontroll"))));
    submit("samordnare.mala", AgreementProcess.TASK_CITIZEN_DIALOG, Map.of(
        "dialogFormat", text("trygghetsvandring"),
        "dialogDatum", text("2027-03-10"),
        "dialogDeltagare", Map.of("value", 23, "type", "Integer"),
        "dialogResultat", text("Invånarna i Malå vill ha belysning längs älvpromenaden. [" + dialogMarker + "]"),
        "kontroll", json(FormData.values("samverkan-medborgardialog", "kontroll"))));
    submit(KOMMUNPOLIS, AgreementProcess.TASK_DRAFT_AGREEMENT, Map.of(
        "overenskommelseGemensamt", text("Vi prioriterar tryggheten vid resecentrum och i skolmiljön."),
        "kommunensAtgarder", json(MUNICIPALITIES.keySet().stream()
            .map(k -> Map.of("kommun", k, "atgarder", "Vuxenvandringar och bättre belysning i " + MUNICIPALITIES.get(k))).toList()),
        "kontroll", json(FormData.values("samverkan-overenskommelse", "kontroll"))));
    Map<String, Object> sign = Map.of("beslut", text(SignatureCollector.SIGN),
        "kontroll", json(FormData.values("samverkan-underteckna", "kontroll")));
    submit(LPOCHEF, AgreementProcess.TASK_SIGN_POLICE, sign);
    MUNICIPALITIES.keySet().forEach(k -> submit("kommunledning." + k, AgreementProcess.TASK_SIGN_MUNICIPALITY, sign));

    String agreement = history.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
        .processInstanceBusinessKey(businessKey).singleResult().getId();
    instances.add(agreement);
    String joint = history.createHistoricProcessInstanceQuery().superProcessInstanceId(agreement).singleResult().getId();
    instances.add(joint);
    history.createHistoricProcessInstanceQuery().superProcessInstanceId(joint).list()
        .forEach(p -> instances.add(p.getId()));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .variableValueEquals(PromiseProcess.AGREEMENT_INSTANCE, agreement).list().stream()
        .map(HistoricProcessInstance::getId).forEach(instances::add);
    assertThat(instances).as("samverkansprocess, gemensam-lagesbild, 7 × kommunens-lagesbild, 7 × medborgarlofte")
        .hasSize(2 + 2 * MUNICIPALITIES.size());
  }

  @Test
  void shouldShowNoMunicipalityAnotherMunicipalitysPictureThroughAnyDoor() {
    for (String kommun : MUNICIPALITIES.keySet()) {
      for (String function : List.of("samordnare", "kommunledning", "socialtjanst")) {
        String user = function + "." + kommun;
        String seen = everythingVisibleTo(user);
        MUNICIPALITIES.keySet().stream().filter(other -> !other.equals(kommun))
            .forEach(other -> assertThat(seen).as(user + " must not see " + other + "'s lägesbild")
                .doesNotContain(markers.get(other)));
      }
    }
  }

  @Test
  void shouldShowTheMunicipalitiesTheirOwnPictureAndWhatTheLpoSharesByDesign() {
    for (String kommun : MUNICIPALITIES.keySet()) {
      String samordnare = everythingVisibleTo("samordnare." + kommun);
      // their own task in kommunens-lagesbild and their medborgarlöfte carry their own picture and the joint analysis
      assertThat(samordnare).as("samordnare." + kommun).contains(markers.get(kommun), analysisMarker);
      String kommunledning = everythingVisibleTo("kommunledning." + kommun);
      // the signing task opens the samverkansprocess: the police's picture, the analysis and the dialog are shared
      assertThat(kommunledning).as("kommunledning." + kommun).contains(policeMarker, analysisMarker, dialogMarker);
    }
    assertThat(everythingVisibleTo("samordnare.mala")).contains(policeMarker, dialogMarker);
  }

  @Test
  void shouldShowThePolicePicturesOfEveryMunicipality() {
    String kommunpolis = everythingVisibleTo(KOMMUNPOLIS);
    markers.values().forEach(marker -> assertThat(kommunpolis).as("kommunpolis").contains(marker));
    assertThat(kommunpolis).contains(policeMarker, analysisMarker, dialogMarker);
    assertThat(everythingVisibleTo(LPOCHEF)).as("lpochef, who signed").contains(policeMarker, analysisMarker);
  }

  @Test
  void shouldShowLansstyrelsenAndTheProcessOwnerNoCaseDataButLansstyrelsenTheDutiesMet() {
    for (String user : List.of("lansstyrelsen", "processagare")) {
      String seen = everythingVisibleTo(user);
      assertThat(seen).as(user).doesNotContain(policeMarker, analysisMarker, dialogMarker, run, businessKey);
      for (String door : doors()) {
        for (String instance : instances) {
          ResponseEntity<String> response = RestClient.as(rest, user).get(String.format(door, instance), String.class);
          assertThat(response.getStatusCode().is2xxSuccessful() ? response.getBody() : "[]").as(user + " " + door)
              .isEqualTo("[]");
        }
      }
    }
    ResponseEntity<Map<String, Object>> duties = RestClient.as(rest, "lansstyrelsen")
        .get("/samverkan/lagkrav/mala", new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(duties.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(duties.getBody().toString()).contains("samordningsfunktion").doesNotContain(run);
    assertThat(RestClient.as(rest, "processagare").get("/samverkan/lagkrav/mala", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> own = RestClient.as(rest, "samordnare.mala").get("/samverkan/lagkrav/mala", String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).doesNotContain(run);
  }

  /**
   * The list doors of the REST API to a case's data, each with {@code %s} for the instance id. Values
   * are asked for serialized ({@code deserializeValues=false}): the REST API shows a Json variable
   * (most of the pictures and summaries) deserialized as an empty bean, which would hide a leak.
   */
  private static List<String> doors() {
    return List.of(
        "/variable-instance?processInstanceIdIn=%s&deserializeValues=false",
        "/history/variable-instance?processInstanceId=%s&deserializeValues=false",
        "/history/detail?processInstanceId=%s&deserializeValues=false",
        "/history/task?processInstanceId=%s",
        "/history/activity-instance?processInstanceId=%s",
        "/process-instance?processInstanceIds=%s",
        "/execution?processInstanceId=%s",
        "/history/process-instance?processInstanceId=%s",
        "/task?processInstanceId=%s");
  }

  /**
   * Everything of the case the user can read, through both REST applications: every door of
   * /engine-rest and the same doors of the webapps' engine API (Tasklist's and Cockpit's session), for
   * every instance; the variables and comments of each task the user can see; and, for whoever has
   * Cockpit, its own plugin API's list of the instances of each process.
   */
  private String everythingVisibleTo(String user) {
    RestClient client = RestClient.as(rest, user);
    StringBuilder seen = new StringBuilder();
    WebappSession webapp = WebappSession.logIn(port, user, COCKPIT_USERS.getOrDefault(user, "tasklist"));
    for (String instance : instances) {
      for (String door : doors()) {
        WebappSession.Answer answer = webapp.get(String.format(door, instance));
        assertThat(answer.status() < 500).as(user + " webapp " + door + " " + answer.status()).isTrue();
        if (answer.status() < 300) {
          seen.append(answer.text()).append('\n');
        }
      }
    }
    if (cockpitUsers().contains(user)) {
      for (String definition : definitionsOfTheCase()) {
        WebappSession.Answer answer = webapp.postApi("/cockpit/plugin/base/default/process-instance",
            Map.of("processDefinitionId", definition));
        assertThat(answer.status() < 500).as(user + " Cockpit plugin " + answer.status()).isTrue();
        if (answer.status() < 300) {
          seen.append(answer.text()).append('\n');
        }
      }
    }
    for (String instance : instances) {
      for (String door : doors()) {
        ResponseEntity<String> response = client.get(String.format(door, instance), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful() || response.getStatusCode().is4xxClientError())
            .as(user + " " + door + " " + response.getStatusCode()).isTrue();
        if (response.getStatusCode().is2xxSuccessful()) {
          seen.append(response.getBody()).append('\n');
        }
      }
      List<Map<String, Object>> tasks = client.get("/history/task?processInstanceId=" + instance, LIST).getBody();
      for (Map<String, Object> task : tasks == null ? List.<Map<String, Object>>of() : tasks) {
        for (String door : List.of("/task/%s/variables?deserializeValues=false", "/task/%s/comment",
            "/task/%s/attachment")) {
          ResponseEntity<String> answer = client.get(String.format(door, task.get("id")), String.class);
          if (answer.getStatusCode().is2xxSuccessful()) {
            seen.append(answer.getBody()).append('\n');
          }
        }
      }
    }
    return seen.toString();
  }

  private static List<String> cockpitUsers() {
    return List.of("lpochef.sodra-lappland", "processagare", "lansstyrelsen");
  }

  private List<String> definitionsOfTheCase() {
    return instances.stream().map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult().getProcessDefinitionId()).distinct().toList();
  }

  private void submit(String user, String taskDefinitionKey, Map<String, Object> variables) {
    submit(user, taskDefinitionKey, variables, null);
  }

  /** Completes the user's one task of the step with its form's variables, after a comment on it if one is given. */
  private void submit(String user, String taskDefinitionKey, Map<String, Object> variables, String comment) {
    RestClient client = RestClient.as(rest, user);
    List<Map<String, Object>> tasks = client.get("/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskDefinitionKey, LIST).getBody();
    assertThat(tasks).as(user + " sees exactly one task " + taskDefinitionKey).hasSize(1);
    if (comment != null) {
      ResponseEntity<Map<String, Object>> commented = client.postForMap(
          "/task/" + tasks.get(0).get("id") + "/comment/create", Map.of("message", comment));
      assertThat(commented.getStatusCode()).as(user + " comments " + commented.getBody()).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<Map<String, Object>> completed = client.postForMap(
        "/task/" + tasks.get(0).get("id") + "/submit-form", Map.of("variables", variables));
    assertThat(completed.getStatusCode()).as(user + " " + taskDefinitionKey + " " + completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> municipalPicture(String name, String marker) {
    return Map.of(
        "trygghet", text("Trygghetsmätningen hösten 2026 i " + name + ": 71 % känner sig trygga i centrum kvällstid, "
            + "kvinnor 58 %. [" + marker + "]"),
        "signaler", text("Elevhälsan på högstadieskolan ser oro för nätdroger i årskurs 8; socialtjänsten har fått "
            + "tre orosanmälningar om samma grupp (källa: skolkurator och socialtjänstens mottagning, " + marker + ")."),
        "brottslighet", text("Skadegörelse på busskurer längs Storgatan, främst fredagar 21–24."),
        "tidigareDialoger", text("Trygghetsvandring med bostadsbolaget i maj; belysningen vid gångtunneln är åtgärdad."),
        "kontroll", json(FormData.values("samverkan-lagesbild-kommun", "kontroll")));
  }

  private static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static Map<String, Object> json(Object value) {
    try {
      return Map.of("value", JSON.writeValueAsString(value), "type", "Json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
