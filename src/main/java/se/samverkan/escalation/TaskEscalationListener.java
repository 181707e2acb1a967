package se.samverkan.escalation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samverkan.handover.VacancyMonitor;
import se.samverkan.notification.TaskNotifier;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;
import se.samverkan.tasklist.TasklistFilters;

/**
 * A stalled task is escalated: the escalation target of each of its functions becomes a
 * candidate too, and its priority rises so that it shows in the "Eskalerade" filter. Referenced
 * from every user task as a {@code timeout} task listener {@code ${taskEscalation}}; a second
 * timeout on the same task escalates one level further (to the escalation target of the target).
 * The function, the assignee and the new candidates are told by mail.
 */
@Component("taskEscalation")
public class TaskEscalationListener implements TaskListener {

  /** Task-local variable: the escalation level reached (1, 2, …). */
  public static final String LEVEL = "eskaleringsniva";

  private static final Logger log = LoggerFactory.getLogger(TaskEscalationListener.class);

  private final Organisation organisation;
  private final TaskNotifier notifier;

  public TaskEscalationListener(Organisation organisation, TaskNotifier notifier) {
    this.organisation = organisation;
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateTask task) {
    Object previous = task.getVariableLocal(LEVEL);
    int level = previous instanceof Number n ? n.intValue() + 1 : 1;
    Set<String> candidates = new LinkedHashSet<>(CandidateGroups.of(task));
    Set<String> targets = new LinkedHashSet<>();
    candidates.forEach(group -> organisation.escalationTargetOf(group)
        .map(OrganisationFunction::groupId)
        .ifPresent(targets::add));
    targets.stream().filter(target -> !candidates.contains(target)).forEach(task::addCandidateGroup);
    if (targets.contains(task.getVariableLocal(VacancyMonitor.VACANCY_CANDIDATE))) {
      // the escalation needs this candidate too: it must outlast the vacancy that added it first
      task.removeVariablesLocal(java.util.List.of(VacancyMonitor.VACANCY_CANDIDATE, VacancyMonitor.VACANCY_FUNCTION));
    }
    task.setPriority(Math.max(task.getPriority(), TasklistFilters.ESCALATED_PRIORITY + 5 * level));
    task.setVariableLocal(LEVEL, level);
    log.info("Uppgiften '{}' ({}) eskalerad, nivå {}, till {}", task.getName(), task.getId(), level,
        targets.isEmpty() ? "(ingen eskaleringsmottagare, prioritet höjd)" : targets);
    notifier.escalated(task, level, targets);
  }
}
