package se.samverkan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** The test process test-processes/escalation-test.bpmn: a step with due date and escalation path. */
public final class EscalationTestProcess {

  public static final String RESOURCE = "test-processes/escalation-test.bpmn";
  /** Its form, deployed with it (the engine refuses a model whose form is not in the deployment). */
  public static final String FORM = "test-processes/escalation-test.form";
  public static final String PROCESS_KEY = "escalation-test";
  public static final String TASK = "Task_CompileSituationPicture";
  public static final String TASK_NAME = "Sammanställ lägesbild (test)";
  public static final String FUNCTION = "funktion";
  public static final String REMINDER_LISTENER = "Reminder";
  public static final String ESCALATION_LISTENER = "Escalation";
  public static final String SECOND_ESCALATION_LISTENER = "SecondEscalation";

  private EscalationTestProcess() {}

  /** The model's BPMN text, to change as a process owner would in Modeler. */
  public static String model() {
    return resource(RESOURCE);
  }

  /** Deploys {@code model} (a version of this process) with its form; returns the new version. */
  public static ProcessDefinition deployVersion(RepositoryService repository, String deploymentName, String model) {
    String id = repository.createDeployment().name(deploymentName)
        .addString("escalation-test.bpmn", model)
        .addString("escalation-test.form", resource(FORM)).deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
  }

  private static String resource(String path) {
    try (InputStream in = EscalationTestProcess.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
