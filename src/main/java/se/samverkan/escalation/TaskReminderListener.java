package se.samverkan.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samverkan.notification.TaskNotifier;

/**
 * First step of a stalled task: a reminder to the task's function (every member) and to its
 * assignee, if claimed, by mail. Referenced from every user task as a {@code timeout} task
 * listener {@code ${taskReminder}}; the model sets when.
 */
@Component("taskReminder")
public class TaskReminderListener implements TaskListener {

  /** Task-local variable: how many reminders the task has had. */
  public static final String REMINDERS = "paminnelser";

  private static final Logger log = LoggerFactory.getLogger(TaskReminderListener.class);

  private final TaskNotifier notifier;

  public TaskReminderListener(TaskNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateTask task) {
    Object previous = task.getVariableLocal(REMINDERS);
    int count = previous instanceof Number n ? n.intValue() + 1 : 1;
    task.setVariableLocal(REMINDERS, count);
    log.info("Påminnelse {} för uppgiften '{}' ({}), förfallodatum {}", count, task.getName(), task.getId(),
        task.getDueDate());
    notifier.reminder(task, count);
  }
}
