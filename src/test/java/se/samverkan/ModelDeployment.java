package se.samverkan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import se.samverkan.model.ModelFiles;

/** Deploys every model and form of the product in one deployment, as the application does. */
public final class ModelDeployment {

  private ModelDeployment() {}

  public static String deployAll(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("samverkan-test");
    for (Path file : ModelFiles.all()) {
      try (InputStream in = Files.newInputStream(file)) {
        deployment.addInputStream(file.getFileName().toString(), new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return deployment.deploy().getId();
  }

  public static void undeploy(ProcessEngine engine, String deploymentId) {
    if (deploymentId != null) {
      releaseAgreementPeriods(engine, deploymentId);
      engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
    }
  }

  /**
   * The LPO periods the deployment's samverkansprocesses claimed (a table of Samverkan's own, which
   * the cascading delete does not know): gone with their instances, so the next test starts fresh.
   */
  private static void releaseAgreementPeriods(ProcessEngine engine, String deploymentId) {
    java.util.List<String> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).list().stream().map(d -> d.getId()).toList();
    if (definitions.isEmpty()) {
      return;
    }
    java.util.List<String> instances = definitions.stream().flatMap(definition -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionId(definition).list().stream()).map(i -> i.getId()).toList();
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDataSource());
    instances.forEach(id -> jdbc.update("delete from samverkan_agreement_period where process_instance_id = ?", id));
  }
}
