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
      engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
    }
  }
}
