package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;
import se.samverkan.process.JsonVariables;

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

  /** Returns the functions that are vacant now; everything in the caller's context (process tests). */
  public List<String> check() {
    return check(Runnable::run);
  }

  /**
   * Returns the functions that are vacant now. The escalation or resolution of each function runs
   * as a unit of its own ({@code unit}: FunctionReconciliation gives it a transaction); one that
   * fails is logged with the function's id and tried again at the next run, the others go on.
   */
  public List<String> check(Consumer<Runnable> unit) {
    // A handful of queries for the whole organisation, not several per function (thousands of them).
    Map<String, List<User>> holders = members.activeHoldersByGroup();
    Set<String> openVacancies = openVacancyKeys();
    Map<String, List<AddedCandidate>> added = addedCandidatesByFunction();
    Set<String> resolvedTasks = new HashSet<>();
    List<String> vacant = new ArrayList<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      Optional<OrganisationFunction> target = organisation.escalationTargetOf(function.groupId());
      List<AddedCandidate> addedForFunction = added.getOrDefault(function.groupId(), List.of());
      Runnable work;
      if (holders.getOrDefault(function.groupId(), List.of()).isEmpty()) {
        vacant.add(function.groupId());
        if (target.isEmpty()) {
          continue;
        }
        work = () -> escalate(function, target.get(), openVacancies);
      } else if (openVacancies.contains(Overlamning.vacancyKey(function.groupId())) || !addedForFunction.isEmpty()) {
        work = () -> resolve(function, target, openVacancies, addedForFunction, resolvedTasks);
      } else {
        continue;
      }
      try {
        unit.accept(work);
      } catch (RuntimeException e) {
        log.error("Vakanskontrollen för funktionen {} misslyckades; försöks igen vid nästa avstämning", function.groupId(), e);
      }
    }
    return vacant;
  }

  private void escalate(OrganisationFunction function, OrganisationFunction target, Set<String> openVacancies) {
    String key = Overlamning.vacancyKey(function.groupId());
    if (!openVacancies.contains(key)) {
      runtimeService.startProcessInstanceByKey(Overlamning.PROCESS_KEY, key, Variables.createVariables()
          .putValue(Overlamning.REASON, Overlamning.REASON_VACANT)
          .putValue(Overlamning.FUNCTION, function.groupId())
          .putValue(Overlamning.FUNCTION_NAME, function.name())
          .putValue(Overlamning.ESCALATION_TARGET, target.groupId())
          .putValueTyped(Overlamning.OPEN_WORK, JsonVariables.longText(report.describe(function.groupId()))));
      openVacancies.add(key);
      log.warn("Funktionen {} saknar bemanning: eskalerad till {}", function.groupId(), target.groupId());
    }
    for (Task task : report.openTasks(function.groupId())) {
      if (!candidateGroups(task.getId()).contains(target.groupId())) {
        taskService.addCandidateGroup(task.getId(), target.groupId());
        taskService.setVariableLocal(task.getId(), VACANCY_CANDIDATE, target.groupId());
      }
    }
  }

  private void resolve(OrganisationFunction function, Optional<OrganisationFunction> target, Set<String> openVacancies,
      List<AddedCandidate> added, Set<String> resolvedTasks) {
    String key = Overlamning.vacancyKey(function.groupId());
    if (openVacancies.contains(key)) {
      runtimeService.createMessageCorrelation(Overlamning.MESSAGE_FUNCTION_STAFFED)
          .processInstanceBusinessKey(key).correlateAll();
      openVacancies.remove(key);
      log.info("Funktionen {} har en innehavare igen: vakansen avslutad", function.groupId());
    }
    if (target.isEmpty()) {
      return;
    }
    String targetGroup = target.get().groupId();
    for (AddedCandidate candidate : added) {
      if (!candidate.group().equals(targetGroup) || !resolvedTasks.add(candidate.taskId())) {
        continue;
      }
      taskService.deleteCandidateGroup(candidate.taskId(), targetGroup);
      taskService.removeVariableLocal(candidate.taskId(), VACANCY_CANDIDATE);
      // the engine grants a candidate group access to the task but does not revoke it on removal
      authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(targetGroup).resourceType(Resources.TASK).resourceId(candidate.taskId()).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  /** A candidate group a vacancy added to a task. */
  private record AddedCandidate(String taskId, String group) {}

  /**
   * The candidates vacancies added, by each candidate group the task had besides them: one query
   * for the marks, then the identity links of the marked tasks only (open vacancies are few).
   */
  private Map<String, List<AddedCandidate>> addedCandidatesByFunction() {
    Map<String, List<AddedCandidate>> byFunction = new HashMap<>();
    for (VariableInstance mark : runtimeService.createVariableInstanceQuery().variableName(VACANCY_CANDIDATE).list()) {
      if (mark.getTaskId() == null || !(mark.getValue() instanceof String group)) {
        continue;
      }
      AddedCandidate candidate = new AddedCandidate(mark.getTaskId(), group);
      for (String function : candidateGroups(mark.getTaskId())) {
        byFunction.computeIfAbsent(function, f -> new ArrayList<>()).add(candidate);
      }
    }
    return byFunction;
  }

  /** The business keys of the open vacancy handovers. */
  private Set<String> openVacancyKeys() {
    String prefix = Overlamning.vacancyKey("");
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKeyLike(prefix + "%").list().stream()
        .map(ProcessInstance::getBusinessKey)
        .filter(key -> key != null && key.startsWith(prefix))
        .collect(Collectors.toCollection(HashSet::new));
  }

  private List<String> candidateGroups(String taskId) {
    return CandidateGroups.of(taskService, taskId);
  }
}
