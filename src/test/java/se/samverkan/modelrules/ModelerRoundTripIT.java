package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.RestClient;
import se.samverkan.agreement.MunicipalSituationPictureProcess;
import se.samverkan.modelrules.CamundaModeler.Answer;
import se.samverkan.modelrules.CamundaModeler.ModelFile;

/**
 * The process owner's round trip with Camunda Modeler 5.x ({@link CamundaModeler}: its requests,
 * field for field): a changed model from processes/ with its form becomes the new version with
 * everything the engine adds; a broken one is refused with every reason at once, in the field
 * Modeler shows, and leaves nothing behind; nobody but processagare deploys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerRoundTripIT {

  private static final String PROCESS_OWNER = "processagare";
  private static final String PASSWORD = "demo";
  private static final ModelFile MUNICIPAL_FORM =
      ModelFile.of(Path.of("forms", "samverkan-lagesbild-kommun.form"));
  private static final String CHANGED_TASK_NAME = "Bidra med kommunens lägesbild (samordnare, ny version)";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DataSource dataSource;

  @AfterEach
  void removeWhatModelerDeployed() {
    repositoryService.createDeploymentQuery().deploymentSource("Camunda Modeler").list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void shouldMakeAChangedModelWithItsFormTheLatestVersionWithEverythingTheEngineAdds() {
    ProcessDefinition before = latest(MunicipalSituationPictureProcess.KEY);

    Answer answer = processOwner().deploy("kommunens-lagesbild", changedMunicipalModel(), List.of(MUNICIPAL_FORM));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    ProcessDefinition deployed = latest(MunicipalSituationPictureProcess.KEY);
    assertThat(deployed.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(deployed.getDeploymentId()).isEqualTo(answer.json().get("id"));
    assertThat(answer.json().get("source")).isEqualTo("Camunda Modeler");
    assertThat(repositoryService.getDeploymentResourceNames(deployed.getDeploymentId()))
        .containsExactlyInAnyOrder("kommunens-lagesbild.bpmn", "samverkan-lagesbild-kommun.form");

    String instance = runtimeService.startProcessInstanceById(deployed.getId(), "modeler-rundresa",
        Map.of("kommun", "lycksele")).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getName()).isEqualTo(CHANGED_TASK_NAME + " – Lycksele");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("samordnare-lycksele"));
    List<Job> timers = managementService.createJobQuery().processInstanceId(instance).timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).as("the reminder and the escalation of the new task").hasSize(2);
    assertThat(timers.get(0).getDuedate()).isBefore(timers.get(1).getDuedate());

    ResponseEntity<Map<String, Object>> submit = RestClient.as(rest, "samordnare.lycksele")
        .postForMap("/task/" + task.getId() + "/submit-form", Map.of("variables", Map.of()));
    assertThat(submit.getStatusCode().value()).as("the engine's form validation of the new version").isEqualTo(400);
    assertThat((String) submit.getBody().get("message")).contains(CHANGED_TASK_NAME).contains("kan inte slutföras");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void shouldRefuseABrokenModelWithEveryReasonAtOnceInSwedishInTheMessageModelerShows() {
    Answer answer = processOwner().deploy("trasig-modell", brokenModel(), List.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message())
        .as("what Modeler writes into its log")
        .startsWith("Modellen driftsattes inte, och ingenting av driftsättningen sparades")
        .contains("Rätta de 5 punkterna i Modeler och driftsätt igen:")
        .contains("Processen \"Trasig modell\" (" + BROKEN_KEY + ") saknar historiktid. Regel:")
        .contains("uppgiften \"Granska underlaget\" (Task_Review): uppgiften är tilldelad personen 'anna.svensson'. Regel:")
        .contains("uppgiften \"Granska underlaget\" (Task_Review): formuläret 'saknat-formular' finns inte i "
            + "driftsättningen. Regel:")
        .contains("uppgiften \"Granska underlaget\" (Task_Review): uppgiften saknar förfallodatum. Regel:")
        .contains("elementet \"Räkna poäng\" (Task_Score)")
        .contains("skriptuppgifter är inte tillåtna (javascript)")
        .contains("(trasig-modell.bpmn, rad 11, kolumn ")
        .doesNotContain("ENGINE-", "Could not parse", "Errors:", "| resource", "| line");
    assertThat(answer.message().lines()).as("the first line and one line per reason").hasSize(6)
        .allSatisfy(line -> assertThat(line).containsAnyOf("Regel:", "Modellen driftsattes inte"));
    assertThat(answer.json()).containsKey("details").containsEntry("type", "ParseException");
  }

  @Test
  void shouldLeaveNoRowBehindWhenAModelIsRefusedAloneOrBesideAValidOne() {
    Rows before = rows();
    // other tests of the shared context may have deployed the test model's key themselves
    long validModelVersions = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(TestModels.PROCESS_KEY).count();
    long filesBefore = filesNamedAsTheRefused();

    Answer alone = processOwner().deploy("trasig-modell", brokenModel(), List.of());
    Answer beside = processOwner().deploy("trasig-modell", brokenModel(),
        List.of(ModelFile.of(TestModels.PROCESS_KEY + ".bpmn",
            TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")),
            ModelFile.of(Path.of("src/test/resources/test-processes/test-lagesbild.form"))));
    Answer withADecision = processOwner().deploy("trasig-modell", brokenModel(),
        List.of(ModelFile.of(Path.of("src/test/resources/test-models/juel-beslut.dmn"))));

    assertThat(alone.status()).as(alone.body()).isEqualTo(400);
    assertThat(beside.status()).as(beside.body()).isEqualTo(400);
    assertThat(beside.message()).contains(BROKEN_KEY).doesNotContain(TestModels.PROCESS_KEY + ")");
    assertThat(withADecision.status()).as(withADecision.body()).isEqualTo(400);
    assertThat(withADecision.message()).as("the reasons of both files at once")
        .contains("Rätta de 7 punkterna")
        .contains("saknar historiktid", "skriptuppgifter är inte tillåtna", "(trasig-modell.bpmn, rad ")
        .contains("uttrycksspråket 'juel' är inte tillåtet", "(juel-beslut.dmn, rad ");
    assertThat(rows()).isEqualTo(before);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(TestModels.PROCESS_KEY).count())
        .as("the valid model of the refused deployment").isEqualTo(validModelVersions);
    assertThat(filesNamedAsTheRefused()).isEqualTo(filesBefore);
  }

  @Test
  void shouldRefuseTheDeploymentOfAFunctionUserWhoseConnectionCheckSucceeds() {
    Rows before = rows();
    CamundaModeler coordinator = CamundaModeler.withBasic(port, "samordnare.lycksele", PASSWORD);

    assertThat(coordinator.checkConnection().status()).as("Modeler lets the user press Deploy").isEqualTo(200);
    Answer answer = coordinator.deploy("kommunens-lagesbild", changedMunicipalModel(), List.of(MUNICIPAL_FORM));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.message()).contains("processagare");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void shouldAskForCredentialsAndAcceptOnlyTheRightPasswordOverHttpBasic() {
    assertThat(CamundaModeler.withoutCredentials(port).checkConnection().status())
        .as("Modeler shows the user name and password fields on a 401").isEqualTo(401);
    assertThat(CamundaModeler.withBasic(port, PROCESS_OWNER, "fel-losenord").checkConnection().status())
        .isEqualTo(401);
    assertThat(CamundaModeler.withBearer(port, "processagare").checkConnection().status())
        .as("Samverkan takes no bearer tokens").isEqualTo(401);
    assertThat(processOwner().checkConnection().status()).isEqualTo(200);
    assertThat(processOwner().version().json()).containsKey("version");
  }

  @Test
  void shouldCreateNoNewVersionWhenTheSameModelIsDeployedAgain() {
    CamundaModeler modeler = processOwner();
    Answer first = modeler.deploy("kommunens-lagesbild", changedMunicipalModel(), List.of(MUNICIPAL_FORM));
    ProcessDefinition deployed = latest(MunicipalSituationPictureProcess.KEY);
    Rows afterFirst = rows();

    Answer again = modeler.deploy("kommunens-lagesbild", changedMunicipalModel(), List.of(MUNICIPAL_FORM));
    Answer changedOnly = modeler.deployChangedOnlyAsModeler46("kommunens-lagesbild", changedMunicipalModel(),
        List.of(MUNICIPAL_FORM));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(changedOnly.status()).as(changedOnly.body()).isEqualTo(200);
    assertThat(latest(MunicipalSituationPictureProcess.KEY).getId()).isEqualTo(deployed.getId());
    assertThat(rows()).isEqualTo(afterFirst);
  }

  @Test
  void shouldRefuseAChangedModelThatDeployChangedOnlyWouldSeparateFromItsForm() {
    Answer first = processOwner().deploy("kommunens-lagesbild", changedMunicipalModel(), List.of(MUNICIPAL_FORM));
    ProcessDefinition deployed = latest(MunicipalSituationPictureProcess.KEY);
    String changedAgain = new String(changedMunicipalModel().contents(), StandardCharsets.UTF_8)
        .replace("camunda:dueDate=\"P15D\"", "camunda:dueDate=\"P12D\"");

    Answer answer = processOwner().deployChangedOnlyAsModeler46("kommunens-lagesbild",
        ModelFile.of("kommunens-lagesbild.bpmn", changedAgain), List.of(MUNICIPAL_FORM));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.message()).contains("formuläret 'samverkan-lagesbild-kommun' finns inte i driftsättningen");
    assertThat(latest(MunicipalSituationPictureProcess.KEY).getId()).isEqualTo(deployed.getId());
  }

  // ---------------------------------------------------------------------------------------------

  private CamundaModeler processOwner() {
    return CamundaModeler.withBasic(port, PROCESS_OWNER, PASSWORD);
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  /** processes/kommunens-lagesbild.bpmn as a process owner changes it: the task renamed. */
  private static ModelFile changedMunicipalModel() {
    String model = new String(ModelFile.of(Path.of("processes", "kommunens-lagesbild.bpmn")).contents(),
        StandardCharsets.UTF_8);
    String changed = model.replace("name=\"Bidra med kommunens lägesbild (samordnare)\"",
        "name=\"" + CHANGED_TASK_NAME + "\"");
    assertThat(changed).isNotEqualTo(model);
    return ModelFile.of("kommunens-lagesbild.bpmn", changed);
  }

  private static final String BROKEN_KEY = "trasig-modell";

  /**
   * A model with five broken rules: no history time to live; a task assigned to a person, with a
   * form that is not in the deployment and no due date; a script task.
   */
  private static ModelFile brokenModel() {
    return ModelFile.of(BROKEN_KEY + ".bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_Trasig" targetNamespace="http://samverkan.se/test"
                          exporter="Camunda Modeler" exporterVersion="5.30.0">
          <bpmn:process id="%s" name="Trasig modell" isExecutable="true">
            <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_ToReview</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Event_Start" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" name="Granska underlaget" camunda:assignee="anna.svensson"
                camunda:candidateGroups="samordnare-${kommun}" camunda:formRef="saknat-formular"
                camunda:formRefBinding="deployment">
              %s
              <bpmn:incoming>Flow_ToReview</bpmn:incoming><bpmn:outgoing>Flow_ToScore</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToScore" sourceRef="Task_Review" targetRef="Task_Score" />
            <bpmn:scriptTask id="Task_Score" name="Räkna poäng" scriptFormat="javascript">
              <bpmn:incoming>Flow_ToScore</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
              <bpmn:script>execution.setVariable('poang', 1)</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Score" targetRef="Event_End" />
            <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(BROKEN_KEY, TestModels.TIMEOUT_LISTENERS));
  }

  /** The rows a deployment writes: the deployment, its definitions, its files. */
  record Rows(long deployments, long processDefinitions, long files) {}

  private Rows rows() {
    JdbcTemplate jdbc = jdbc();
    return new Rows(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class),
        jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF", Long.class),
        jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY", Long.class));
  }

  /** Stored files with the names of this test's refused deployments (other tests may deploy some of the same). */
  private long filesNamedAsTheRefused() {
    return jdbc().queryForObject("select count(*) from ACT_GE_BYTEARRAY where NAME_ in (?, ?, ?)",
        Long.class, BROKEN_KEY + ".bpmn", TestModels.PROCESS_KEY + ".bpmn", "test-lagesbild.form");
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }
}
