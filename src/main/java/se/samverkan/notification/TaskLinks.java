package se.samverkan.notification;

/** Direct links into Tasklist, from the configured base URL (samverkan.mail.tasklist-url). */
public class TaskLinks {

  private final String tasklistUrl;

  public TaskLinks(String tasklistUrl) {
    this.tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl : tasklistUrl + "/";
  }

  public String task(String taskId) {
    return tasklistUrl + "#/?task=" + taskId;
  }

  public String tasklist() {
    return tasklistUrl;
  }
}
