package se.samverkan.lessons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/**
 * Every follow-up records its lessons learned (what worked, what did not, which format of
 * medborgardialog) in the instance's {@code lardomar}, so that {@link SharedLessons} can show them
 * to the other municipalities of the LPO. The {@code complete} task listener {@code ${lessonRecorder}}.
 */
@Component("lessonRecorder")
public class LessonRecorder implements TaskListener {

  public static final String VARIABLE = "lardomar";
  public static final String WORKED = "lardomFungerade";
  public static final String DID_NOT_WORK = "lardomFungeradeInte";
  public static final String DIALOG_FORMAT = "lardomDialogformat";
  /** The municipality field of a lesson recorded by an LPO-wide step. */
  public static final String WHOLE_LPO = "";

  private final Organisation organisation;

  public LessonRecorder(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    String kommun = JsonVariables.string(task, "kommun");
    String lpo = JsonVariables.string(task, "lpo");
    ObjectNode lesson = JsonNodeFactory.instance.objectNode();
    lesson.put("lpo", lpo);
    lesson.put("kommun", kommun.isBlank() ? WHOLE_LPO : kommun);
    lesson.put("kalla", kommun.isBlank()
        ? "Hela " + organisation.lpo(lpo).map(l -> l.name()).orElse(lpo)
        : organisation.municipality(kommun).map(Municipality::name).orElse(kommun));
    // the model's name of the step, not the task's name for its case (CaseTaskNames): the source says the case
    String step = task.getExecution().getCurrentActivityName();
    lesson.put("steg", step == null || step.isBlank() ? task.getName() : step);
    lesson.put("datum", JsonVariables.now());
    lesson.put("fungerade", JsonVariables.string(task, WORKED));
    lesson.put("fungeradeInte", JsonVariables.string(task, DID_NOT_WORK));
    lesson.put("dialogformat", JsonVariables.string(task, DIALOG_FORMAT));
    DelegateExecution root = task.getExecution().getProcessInstance();
    ArrayNode lessons = JsonVariables.array(root, VARIABLE);
    lessons.add(lesson);
    JsonVariables.write(root, VARIABLE, lessons);
  }
}
