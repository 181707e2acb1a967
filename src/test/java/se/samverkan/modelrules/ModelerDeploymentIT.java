package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The rules at a REST deployment (multipart POST /engine-rest/deployment/create with HTTP Basic);
 * {@link ModelerRoundTripIT} replays Camunda Modeler's own requests field for field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;

  @TempDir Path folder;

  @AfterEach
  void removeTestDeployments() {
    repositoryService.createDeploymentQuery().deploymentName("modeler-test").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void shouldLetTheProcessOwnerDeployFromModeler() {
    ResponseEntity<Map<String, Object>> response = deployAs("processagare",
        TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild"), true);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsKey("deployedProcessDefinitions");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(TestModels.PROCESS_KEY).count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseDeploymentsByEveryoneButTheProcessOwner() {
    for (String user : new String[] {"samordnare.lycksele", "kommunpolis.sodra-lappland", "lansstyrelsen"}) {
      ResponseEntity<Map<String, Object>> response = deployAs(user,
          TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild"), true);

      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(TestModels.PROCESS_KEY).count())
        .isZero();
  }

  @Test
  void shouldRefuseAModelThatBreaksTheRulesWithAMessageTheOwnerUnderstands() {
    ResponseEntity<Map<String, Object>> response = deployAs("processagare",
        TestModels.userTask(null, null, "test-lagesbild"), true);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("Processen \"Regeltest\" (" + TestModels.PROCESS_KEY + ")")
        .contains("uppgiften \"Skriv rapport\" (" + TestModels.TASK_ID + ")")
        .contains("saknar kandidatgrupp");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(TestModels.PROCESS_KEY).count())
        .isZero();
  }

  @Test
  void shouldRefuseTheMembershipExploitOfIssue14AndMakeNobodyAnAdministrator() {
    ResponseEntity<Map<String, Object>> response = deployAs("processagare", TestModels.membershipExploit(), false);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("Processen \"Kodtest\" (" + TestModels.CODE_PROCESS_KEY + "), elementet \"Kör\" (Task_Code)")
        .contains("identityService.createMembership")
        .contains("når motorns tjänst 'identityService'")
        .contains("Regel:");
    assertNothingDeployed();
    assertThat(identityService.createUserQuery().userId("processagare").memberOfGroup("camunda-admin").count())
        .isZero();
  }

  @Test
  void shouldRefuseTheCommandExploitOfIssue14AndRunNoCommand() {
    Path marker = folder.resolve("kommando-kordes");
    ResponseEntity<Map<String, Object>> response = deployAs("processagare",
        TestModels.commandExploit(marker.toString()), false);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("Task_Code")
        .contains("anropar 'getClass' (Java-reflektion")
        .contains("anropar 'forName'")
        .contains("anropar 'exec'");
    assertNothingDeployed();
    assertThat(marker).doesNotExist();
  }

  @Test
  void shouldRefuseScriptsClassesEmbeddedFormsAndEngineApiWithEveryReasonAtOnce() {
    String model = TestModels.serviceTask("", "camunda:class=\"com.example.Evil\"", """
        <bpmn:extensionElements>
          <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener>
          <camunda:executionListener event="end" expression="${execution.processEngineServices.identityService}" />
          <camunda:executionListener event="end" delegateExpression="${runtimeService}" />
        </bpmn:extensionElements>""");
    ResponseEntity<Map<String, Object>> response = deployAs("processagare", model, false);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message"))
        .contains("anger Java-klassen 'com.example.Evil'")
        .contains("skript (javascript) är inte tillåtna")
        .contains("läser 'processEngineServices'")
        .contains("når motorns tjänst 'runtimeService'");
    assertNothingDeployed();
  }

  @Test
  void shouldRefuseACaseAndADecisionThatIsNotFeelFromTheProcessOwner() {
    for (String resource : new String[] {"test-models/arende.cmmn", "test-models/juel-beslut.dmn"}) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("deployment-name", "modeler-test");
      parts.add("data", new ClassPathResource(resource));
      ResponseEntity<Map<String, Object>> response = post("processagare", parts);

      assertThat(response.getStatusCode()).as(resource).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) response.getBody().get("message")).as(resource).contains("Regel:");
    }
    assertThat(repositoryService.createCaseDefinitionQuery().count()).isZero();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_Prioritet").count())
        .isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName("modeler-test").count()).isZero();
  }

  @Test
  void shouldGiveTheApplicationsExpressionsOnlyThePublishedBeans() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

    assertThat(evaluate(configuration, "${organisation.municipality('lycksele').get().name()}")).isEqualTo("Lycksele");
    assertThat(evaluate(configuration, "${formValidation}")).isNotNull();
    for (String expression : new String[] {"${identityService}", "${functionMembers}", "${dataSource}",
        "${''.getClass()}", "${organisation.allFunctions()}"}) {
      assertThat(catchThrowable(() -> evaluate(configuration, expression))).as(expression)
          .isInstanceOf(ProcessEngineException.class);
    }
  }

  private static Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
    return configuration.getCommandExecutorTxRequired().execute(
        context -> configuration.getExpressionManager().createExpression(expression).getValue(null));
  }

  private void assertNothingDeployed() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(TestModels.CODE_PROCESS_KEY)
        .count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName("modeler-test").count()).isZero();
  }

  private ResponseEntity<Map<String, Object>> post(String user, MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth(user, "demo");
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        new ParameterizedTypeReference<>() {});
  }

  private ResponseEntity<Map<String, Object>> deployAs(String user, String model, boolean withForm) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "modeler-test");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "false");
    parts.add("data", file(model.getBytes(java.nio.charset.StandardCharsets.UTF_8), TestModels.PROCESS_KEY + ".bpmn"));
    if (withForm) {
      parts.add("test-lagesbild.form", new ClassPathResource("test-processes/test-lagesbild.form"));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth(user, "demo");
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        new ParameterizedTypeReference<>() {});
  }

  private static Resource file(byte[] content, String name) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }
}
