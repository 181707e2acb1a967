package se.samverkan.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Added to every user task by {@link se.samverkan.engine.EveryUserTaskPlugin}: tells the function
 * about the new task.
 */
public class NewTaskListener implements TaskListener {

  private final TaskNotifier notifier;

  public NewTaskListener(TaskNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateTask task) {
    notifier.newTask(task);
  }
}
