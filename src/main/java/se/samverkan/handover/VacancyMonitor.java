package se.samverkan.handover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * A function nobody holds is escalated to its escalation target: an {@code overlamning} with the
 * task "Funktionen X saknar bemanning", and the target becomes a candidate of the function's open
 * tasks (marked with the task-local variable {@link #VACANCY_CANDIDATE}). When someone holds the
 * function again the vacancy task ends and exactly what the vacancy added is removed.
 */
public class VacancyMonitor {

  /** Task-local variable: the candidate group a vacancy added to the task (and will remove). */
  public static final String VACANCY_CANDIDATE = "vakansKandidat";

  private static final Logger log = LoggerFactory.getLogger(VacancyMonitor.class);

  private final Organisation organisation;
  private final FunctionMembers members;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final OpenWorkReport report;
  private final AuthorizationService authorizationService;

  public VacancyMonitor(Organisation organisation, FunctionMembers members, TaskService taskService,
      RuntimeService runtimeService, OpenWorkReport report, AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
    this.organisation = organisation;
    this.members = members;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.report = report;
  }

  /** Returns the functions that are vacant now. */
  public List<String> check() {
    List<String> vacant = new ArrayList<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      Optional<OrganisationFunction> target = organisation.escalationTargetOf(function.groupId());
      if (members.activeHolders(function.groupId()).isEmpty()) {
        vacant.add(function.groupId());
        target.ifPresent(t -> escalate(function, t));
      } else {
        resolve(function, target);
      }
    }
    return vacant;
  }

  private void escalate(OrganisationFunction function, OrganisationFunction target) {
    String key = Overlamning.vacancyKey(function.groupId());
    if (vacancyOpen(key) == 0) {
      runtimeService.startProcessInstanceByKey(Overlamning.PROCESS_KEY, key, Variables.createVariables()
          .putValue(Overlamning.REASON, Overlamning.REASON_VACANT)
          .putValue(Overlamning.FUNCTION, function.groupId())
          .putValue(Overlamning.FUNCTION_NAME, function.name())
          .putValue(Overlamning.ESCALATION_TARGET, target.groupId())
          .putValue(Overlamning.OPEN_WORK, report.describe(function.groupId())));
      log.warn("Funktionen {} saknar bemanning: eskalerad till {}", function.groupId(), target.groupId());
    }
    for (Task task : report.openTasks(function.groupId())) {
      if (!candidateGroups(task.getId()).contains(target.groupId())) {
        taskService.addCandidateGroup(task.getId(), target.groupId());
        taskService.setVariableLocal(task.getId(), VACANCY_CANDIDATE, target.groupId());
      }
    }
  }

  private void resolve(OrganisationFunction function, Optional<OrganisationFunction> target) {
    String key = Overlamning.vacancyKey(function.groupId());
    if (vacancyOpen(key) > 0) {
      runtimeService.createMessageCorrelation(Overlamning.MESSAGE_FUNCTION_STAFFED)
          .processInstanceBusinessKey(key).correlateAll();
      log.info("Funktionen {} har en innehavare igen: vakansen avslutad", function.groupId());
    }
    if (target.isEmpty()) {
      return;
    }
    for (Task task : taskService.createTaskQuery().taskCandidateGroup(function.groupId()).includeAssignedTasks()
        .taskVariableValueEquals(VACANCY_CANDIDATE, target.get().groupId()).list()) {
      taskService.deleteCandidateGroup(task.getId(), target.get().groupId());
      taskService.removeVariableLocal(task.getId(), VACANCY_CANDIDATE);
      // the engine grants a candidate group access to the task but does not revoke it on removal
      authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(target.get().groupId()).resourceType(Resources.TASK).resourceId(task.getId()).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  private long vacancyOpen(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(key).count();
  }

  private List<String> candidateGroups(String taskId) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }
}
