package se.samverkan;

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
}
