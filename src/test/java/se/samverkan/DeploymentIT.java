package se.samverkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkan.model.ModelFiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentIT {

  @Autowired RepositoryService repositoryService;

  @Test
  void shouldDeployEveryModelAndFormOfTheProduct() {
    Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .map(Deployment::getId)
        .flatMap(id -> repositoryService.getDeploymentResources(id).stream())
        .map(Resource::getName)
        .map(name -> Path.of(name).getFileName().toString())
        .collect(Collectors.toSet());
    List<String> files = ModelFiles.all().stream().map(p -> p.getFileName().toString()).toList();

    assertThat(files).as("files in processes/ and forms/").isNotEmpty()
        .anyMatch(name -> name.endsWith(".form"));
    assertThat(deployed).containsAll(files);
  }
}
