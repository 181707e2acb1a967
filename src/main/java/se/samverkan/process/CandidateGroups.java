package se.samverkan.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The functions a task is for: the group ids of its candidate links, in the order the engine keeps
 * them, without duplicates. Candidate users and the assignee are persons, not functions, and are left
 * out. The one place that reads them, from a listener's task or by task id.
 */
public final class CandidateGroups {

  private CandidateGroups() {}

  /** In a task listener or delegate. */
  public static List<String> of(DelegateTask task) {
    return of(List.copyOf(task.getCandidates()));
  }

  /** Outside the task's own transaction (reconciliation, handover). */
  public static List<String> of(TaskService taskService, String taskId) {
    return of(taskService.getIdentityLinksForTask(taskId));
  }

  public static List<String> of(Collection<? extends IdentityLink> links) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && !groups.contains(link.getGroupId())) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
