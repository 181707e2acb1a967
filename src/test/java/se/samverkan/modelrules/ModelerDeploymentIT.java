package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

/** The call Camunda Modeler's "Deploy" makes: multipart POST /engine-rest/deployment/create with HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

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
