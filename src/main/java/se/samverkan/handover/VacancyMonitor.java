package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * A function nobody holds is escalated to whoever sees its work ({@link VacancyTarget}: the first
 * held function up its escalation chain, else the administrators): an {@code overlamning} with the
 * task "Funktionen X saknar bemanning", and the target becomes a candidate of the function's open
 * tasks (marked with the task-local variables {@link #VACANCY_CANDIDATE} and
 * {@link #VACANCY_FUNCTION}). When the target changes (it becomes vacant too, or a function below it
 * is held again), the vacancy task and the marked candidates move with it. When someone holds the
 * function again the vacancy task ends and exactly what the vacancy added is removed.
 */
public class VacancyMonitor {

  /** Task-local variable: the candidate group a vacancy added to the task (and will remove). */
  public static final String VACANCY_CANDIDATE = "vakansKandidat";
  /** Task-local variable: the vacant function whose vacancy added {@link #VACANCY_CANDIDATE}. */
  public static final String VACANCY_FUNCTION = "vakansFunktion";

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
    Map<String, String> openVacancies = openVacancies();
    Set<String> vacancyInstances = new HashSet<>(openVacancies.values());
    Map<String, Mark> marks = marksByTask();
    Set<String> markedFunctions = marks.values().stream().map(Mark::function).collect(Collectors.toSet());
    List<String> vacant = new ArrayList<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      Runnable work;
      if (holders.getOrDefault(function.groupId(), List.of()).isEmpty()) {
        vacant.add(function.groupId());
        VacancyTarget target = VacancyTarget.of(function, organisation, holders);
        work = () -> escalate(function, target, openVacancies, vacancyInstances, marks);
      } else if (openVacancies.containsKey(Overlamning.vacancyKey(function.groupId()))
          || markedFunctions.contains(function.groupId())) {
        work = () -> resolve(function, openVacancies, marks);
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

  private void escalate(OrganisationFunction function, VacancyTarget target, Map<String, String> openVacancies,
      Set<String> vacancyInstances, Map<String, Mark> marks) {
    String key = Overlamning.vacancyKey(function.groupId());
    String vacancy = openVacancies.get(key);
    if (vacancy == null) {
      vacancy = runtimeService.startProcessInstanceByKey(Overlamning.PROCESS_KEY, key, Variables.createVariables()
          .putValue(Overlamning.REASON, Overlamning.REASON_VACANT)
          .putValue(Overlamning.FUNCTION, function.groupId())
          .putValue(Overlamning.FUNCTION_NAME, function.name())
          .putValue(Overlamning.ESCALATION_TARGET, target.groupId())
          .putValue(Overlamning.ESCALATION_TARGET_NAME, target.description())
          .putValueTyped(Overlamning.OPEN_WORK, JsonVariables.longText(report.describe(function.groupId()))))
          .getId();
      openVacancies.put(key, vacancy);
      vacancyInstances.add(vacancy);
      log.warn("Funktionen {} saknar bemanning: eskalerad till {}", function.groupId(), target.description());
    } else {
      moveVacancy(function, vacancy, target);
    }
    for (Task task : report.openTasks(function.groupId())) {
      if (vacancyInstances.contains(task.getProcessInstanceId())) {
        continue; // another function's vacancy task: it moves with that function's own target
      }
      Mark mark = marks.get(task.getId());
      if (mark != null && !mark.function().equals(function.groupId())) {
        continue; // the function is there as another vacancy's target, or the task is another vacancy's
      }
      if (mark != null) {
        if (mark.group().equals(target.groupId())) {
          continue;
        }
        removeAddedCandidate(task.getId(), mark.group());
        marks.remove(task.getId());
      }
      if (!candidateGroups(task.getId()).contains(target.groupId())) {
        taskService.addCandidateGroup(task.getId(), target.groupId());
        taskService.setVariablesLocal(task.getId(), Map.of(VACANCY_CANDIDATE, target.groupId(),
            VACANCY_FUNCTION, function.groupId()));
        marks.put(task.getId(), new Mark(task.getId(), target.groupId(), function.groupId()));
      }
    }
  }

  /** The vacancy task goes to the new target when the chain above the function changed. */
  private void moveVacancy(OrganisationFunction function, String vacancy, VacancyTarget target) {
    Object current = runtimeService.getVariable(vacancy, Overlamning.ESCALATION_TARGET);
    if (target.groupId().equals(current)) {
      return;
    }
    runtimeService.setVariables(vacancy, Map.of(Overlamning.ESCALATION_TARGET, target.groupId(),
        Overlamning.ESCALATION_TARGET_NAME, target.description()));
    for (Task task : taskService.createTaskQuery().processInstanceId(vacancy).list()) {
      if (current instanceof String previous && !previous.equals(target.groupId())) {
        removeAddedCandidate(task.getId(), previous);
      }
      if (!candidateGroups(task.getId()).contains(target.groupId())) {
        taskService.addCandidateGroup(task.getId(), target.groupId());
      }
    }
    log.warn("Funktionen {} saknar bemanning: vakansen flyttad från {} till {}", function.groupId(), current,
        target.description());
  }

  private void resolve(OrganisationFunction function, Map<String, String> openVacancies, Map<String, Mark> marks) {
    String key = Overlamning.vacancyKey(function.groupId());
    if (openVacancies.containsKey(key)) {
      runtimeService.createMessageCorrelation(Overlamning.MESSAGE_FUNCTION_STAFFED)
          .processInstanceBusinessKey(key).correlateAll();
      openVacancies.remove(key);
      log.info("Funktionen {} har en innehavare igen: vakansen avslutad", function.groupId());
    }
    for (Mark mark : List.copyOf(marks.values())) {
      if (mark.function().equals(function.groupId())) {
        removeAddedCandidate(mark.taskId(), mark.group());
        taskService.removeVariablesLocal(mark.taskId(), List.of(VACANCY_CANDIDATE, VACANCY_FUNCTION));
        marks.remove(mark.taskId());
      }
    }
  }

  /** Removes a candidate group a vacancy added, and the grant the engine gave it with the link. */
  private void removeAddedCandidate(String taskId, String group) {
    taskService.deleteCandidateGroup(taskId, group);
    // the engine grants a candidate group access to the task but does not revoke it on removal
    authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.TASK).resourceId(taskId).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  /** A candidate group the vacancy of {@code function} added to a task. */
  private record Mark(String taskId, String group, String function) {}

  /**
   * The candidates vacancies added, by task: one query for the marks (open vacancies are few). A
   * mark from before {@link #VACANCY_FUNCTION} existed belongs to the candidate whose escalation
   * target it is.
   */
  private Map<String, Mark> marksByTask() {
    Map<String, String> functions = new HashMap<>();
    for (VariableInstance mark : runtimeService.createVariableInstanceQuery().variableName(VACANCY_FUNCTION).list()) {
      if (mark.getTaskId() != null && mark.getValue() instanceof String function) {
        functions.put(mark.getTaskId(), function);
      }
    }
    Map<String, Mark> marks = new HashMap<>();
    for (VariableInstance mark : runtimeService.createVariableInstanceQuery().variableName(VACANCY_CANDIDATE).list()) {
      if (mark.getTaskId() == null || !(mark.getValue() instanceof String group)) {
        continue;
      }
      String function = functions.get(mark.getTaskId());
      if (function == null) {
        function = candidateGroups(mark.getTaskId()).stream()
            .filter(candidate -> organisation.escalationTargetOf(candidate).map(OrganisationFunction::groupId)
                .filter(group::equals).isPresent())
            .findFirst().orElse(null);
      }
      if (function != null) {
        marks.put(mark.getTaskId(), new Mark(mark.getTaskId(), group, function));
      }
    }
    return marks;
  }

  /** The open vacancy handovers: business key to process instance id. */
  private Map<String, String> openVacancies() {
    String prefix = Overlamning.vacancyKey("");
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKeyLike(prefix + "%").list().stream()
        .filter(instance -> instance.getBusinessKey() != null && instance.getBusinessKey().startsWith(prefix))
        .collect(Collectors.toMap(ProcessInstance::getBusinessKey, ProcessInstance::getId, (a, b) -> a, HashMap::new));
  }

  private List<String> candidateGroups(String taskId) {
    return CandidateGroups.of(taskService, taskId);
  }
}
