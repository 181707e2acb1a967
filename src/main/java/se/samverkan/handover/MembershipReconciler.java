package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * A person leaves a function: compares tasks and memberships instead of hooking into one UI, so
 * it works however the change was made (Admin, REST, a directory sync). Each run
 * <ol>
 *   <li>finds every person who left a function since the last run (known from the holders
 *       recorded then) and every task whose assignee no longer holds any of the task's candidate
 *       groups, or whose account is deleted;</li>
 *   <li>per person and function, in a unit of its own (FunctionReconciliation gives each its own
 *       transaction): gives those tasks back to the function (with a comment), takes away every
 *       user-level grant and identity link that gave the person a task of a function they no longer
 *       hold (runtime and history), starts one {@code overlamning} and forgets the person as a
 *       holder. A unit that fails is logged and tried again at the next run; the others go on;</li>
 *   <li>records the new holders.</li>
 * </ol>
 * A handover is started only if none is open for the same person and function, so runs can
 * repeat without duplicates.
 */
public class MembershipReconciler {

  /** Created by the migration {@code db/migration/V5__samverkan_tables.sql}. */
  static final String HOLDERS_TABLE = "samverkan_function_holder";
  private static final Logger log = LoggerFactory.getLogger(MembershipReconciler.class);

  private final Organisation organisation;
  private final FunctionMembers members;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final AuthorizationService authorizationService;
  private final OpenWorkReport report;
  private final JdbcTemplate jdbc;

  public MembershipReconciler(Organisation organisation, FunctionMembers members, TaskService taskService,
      RuntimeService runtimeService, HistoryService historyService, AuthorizationService authorizationService,
      OpenWorkReport report, JdbcTemplate jdbc) {
    this.organisation = organisation;
    this.members = members;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.authorizationService = authorizationService;
    this.report = report;
    this.jdbc = jdbc;
  }

  /** A person holding a function; once they no longer do, a departure. */
  public record Departure(String groupId, String userId) {}

  /**
   * What a run did: tasks given back, handovers started, the departures handled (their access is
   * gone) and those that failed (tried again at the next run).
   */
  public record Result(List<String> tasksReturned, List<String> handoversStarted, List<Departure> departed,
      List<Departure> failed) {}

  /** One run with every unit directly in the caller's context (process tests, no transactions of our own). */
  public Result reconcile() {
    return reconcile(Runnable::run);
  }

  /**
   * One run; {@code unit} runs each person's departure, and the recording of the new holders, in a
   * transaction of its own. A unit that throws is logged with its ids, and the run goes on.
   */
  public Result reconcile(Consumer<Runnable> unit) {
    Set<Departure> current = currentHolders();
    Map<Departure, List<String>> plan = plan(current);
    List<String> returned = new ArrayList<>();
    List<String> started = new ArrayList<>();
    List<Departure> departed = new ArrayList<>();
    List<Departure> failed = new ArrayList<>();
    plan.forEach((departure, taskIds) -> {
      List<String> unitReturned = new ArrayList<>();
      List<String> unitStarted = new ArrayList<>();
      try {
        unit.accept(() -> {
          unitReturned.clear();
          unitStarted.clear();
          leave(departure, taskIds, unitReturned, unitStarted);
        });
        returned.addAll(unitReturned);
        started.addAll(unitStarted);
        departed.add(departure);
      } catch (RuntimeException e) {
        failed.add(departure);
        log.error("Avstämningen kunde inte lämna tillbaka arbetet när {} lämnade funktionen {} (uppgifter {}); "
            + "inget av det ändrades och det försöks igen vid nästa avstämning. Övriga funktioner påverkas inte.",
            departure.userId(), departure.groupId(), taskIds, e);
      }
    });
    try {
      unit.accept(() -> recordNewHolders(current));
    } catch (RuntimeException e) {
      log.error("Avstämningen kunde inte registrera funktionernas nya innehavare; försöks igen vid nästa avstämning", e);
    }
    return new Result(returned, started, departed, failed);
  }

  /** Who left which function, with the tasks to give back for it. Reads only. */
  private Map<Departure, List<String>> plan(Set<Departure> current) {
    Set<Departure> recorded = recordedHolders();
    Map<Departure, List<String>> plan = new LinkedHashMap<>();
    recorded.stream().filter(d -> !current.contains(d))
        .sorted((a, b) -> (a.groupId() + a.userId()).compareTo(b.groupId() + b.userId()))
        .forEach(d -> plan.put(d, new ArrayList<>()));
    for (Task task : tasksNoLongerHeld()) {
      List<String> groups = candidateGroups(task.getId());
      if (groups.isEmpty()) {
        continue;
      }
      String assignee = task.getAssignee();
      String function = groups.stream().filter(g -> recorded.contains(new Departure(g, assignee))).findFirst()
          .orElse(groups.get(0));
      plan.computeIfAbsent(new Departure(function, assignee), d -> new ArrayList<>()).add(task.getId());
    }
    return plan;
  }

  /** One person leaves one function: all of it happens, or (in its transaction) none of it. */
  private void leave(Departure departure, List<String> taskIds, List<String> returned, List<String> started) {
    String userId = departure.userId();
    Set<String> held = members.groupsHeldBy(userId);
    List<String> notes = new ArrayList<>();
    for (String taskId : taskIds) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      // looked at again inside the transaction: another node may have given it back meanwhile
      if (task == null || !userId.equals(task.getAssignee())
          || candidateGroups(taskId).stream().anyMatch(held::contains)) {
        continue;
      }
      notes.addAll(leaverNotes(task, userId));
      taskService.setAssignee(taskId, null);
      taskService.createComment(taskId, task.getProcessInstanceId(),
          "Återlämnad till funktionen: " + userId + " innehar inte längre funktionen.");
      returned.add(taskId);
      log.info("Uppgiften '{}' ({}) återlämnad till funktionen {}: {} innehar den inte längre", task.getName(),
          taskId, departure.groupId(), userId);
    }
    int revoked = revokeTaskAccess(userId, held);
    if (revoked > 0) {
      log.info("{} har inte längre åtkomst till {} uppgifter (behörigheter och kopplingar borttagna)", userId, revoked);
    }
    startHandover(departure, notes).ifPresent(started::add);
    jdbc.update("delete from " + HOLDERS_TABLE + " where group_id = ? and user_id = ?", departure.groupId(), userId);
  }

  /**
   * Takes away what gave the person a task of a function they no longer hold: the engine grants a
   * user READ and TASK_WORK on a task (and READ on its history) when they claim it, are made its
   * owner or a candidate, and never revokes it. Each user-level task grant of the person is looked
   * at: when they hold none of the task's candidate groups (ever, for a task in history), the grant
   * goes and so do their assignee, owner and candidate links on an open task. Tasks without any
   * candidate group (given to a person directly) stay theirs, unless the account is deleted.
   * Returns the number of tasks affected.
   */
  private int revokeTaskAccess(String userId, Set<String> held) {
    boolean accountGone = members.user(userId) == null;
    Set<String> affected = new HashSet<>();
    for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
      for (Authorization grant : authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).userIdIn(userId).resourceType(resource).list()) {
        String taskId = grant.getResourceId();
        if (taskId == null || Authorization.ANY.equals(taskId)) {
          continue; // given by an administrator on purpose, not by a task
        }
        Task open = taskService.createTaskQuery().taskId(taskId).singleResult();
        Set<String> groups = open != null ? new HashSet<>(candidateGroups(taskId)) : historicCandidateGroups(taskId);
        boolean stillTheirs = groups.isEmpty() ? !accountGone : groups.stream().anyMatch(held::contains);
        if (stillTheirs) {
          continue;
        }
        if (open != null && affected.add(taskId)) {
          removeLinks(open, userId);
        }
        affected.add(taskId);
        authorizationService.deleteAuthorization(grant.getId());
      }
    }
    return affected.size();
  }

  private void removeLinks(Task task, String userId) {
    if (userId.equals(task.getAssignee())) {
      taskService.deleteUserIdentityLink(task.getId(), userId, IdentityLinkType.ASSIGNEE);
    }
    if (userId.equals(task.getOwner())) {
      taskService.deleteUserIdentityLink(task.getId(), userId, IdentityLinkType.OWNER);
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (userId.equals(link.getUserId()) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        taskService.deleteCandidateUser(task.getId(), userId);
      }
    }
  }

  private Set<String> historicCandidateGroups(String taskId) {
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
        .list().stream().map(HistoricIdentityLinkLog::getGroupId).filter(g -> g != null)
        .collect(Collectors.toSet());
  }

  private Optional<String> startHandover(Departure departure, List<String> notes) {
    OrganisationFunction function = organisation.function(departure.groupId()).orElse(null);
    if (function == null) {
      return Optional.empty();
    }
    String key = Overlamning.personLeftKey(departure.groupId(), departure.userId());
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(key).count() > 0) {
      return Optional.empty();
    }
    User leaver = members.user(departure.userId());
    // Both texts grow with the function's work and the leaver's comments: JSON strings, not String
    // variables (4,000 characters); the handover form shows them as markdown text.
    String id = runtimeService.startProcessInstanceByKey(Overlamning.PROCESS_KEY, key, Variables.createVariables()
        .putValue(Overlamning.REASON, Overlamning.REASON_PERSON_LEFT)
        .putValue(Overlamning.FUNCTION, function.groupId())
        .putValue(Overlamning.FUNCTION_NAME, function.name())
        .putValue(Overlamning.LEAVER, departure.userId())
        .putValue(Overlamning.LEAVER_NAME, FunctionMembers.displayName(leaver, departure.userId() + " (kontot finns inte längre)"))
        .putValueTyped(Overlamning.OPEN_WORK, JsonVariables.longText(report.describe(function.groupId())))
        .putValueTyped(Overlamning.LEAVER_NOTE, JsonVariables.longText(
            notes.isEmpty() ? "Inga anteckningar." : String.join("\n", notes).trim())))
        .getId();
    log.info("{} har lämnat funktionen {}: överlämning {} startad", departure.userId(), function.groupId(), id);
    return Optional.of(id);
  }

  /**
   * Tasks whose assignee holds none of their candidate groups: per assignee, all their tasks minus
   * those with a candidate group they hold (two queries per person, not one per task).
   */
  private List<Task> tasksNoLongerHeld() {
    Map<String, List<Task>> byAssignee = taskService.createTaskQuery().taskAssigned().list().stream()
        .collect(Collectors.groupingBy(Task::getAssignee));
    List<Task> result = new ArrayList<>();
    byAssignee.forEach((assignee, tasks) -> {
      Set<String> held = members.groupsHeldBy(assignee);
      Set<String> stillHeld = held.isEmpty() ? Set.of()
          : taskService.createTaskQuery().taskAssignee(assignee).taskCandidateGroupIn(List.copyOf(held))
              .includeAssignedTasks().list().stream().map(Task::getId).collect(Collectors.toSet());
      tasks.stream().filter(t -> !stillHeld.contains(t.getId())).forEach(result::add);
    });
    return result;
  }

  /** Comments the leaver wrote on a task are their handover note for it. */
  private List<String> leaverNotes(Task task, String userId) {
    List<String> notes = new ArrayList<>();
    for (Comment comment : taskService.getTaskComments(task.getId())) {
      if (userId.equals(comment.getUserId())) {
        notes.add("- **" + Markdown.cell(task.getName()) + "**: " + Markdown.cell(comment.getFullMessage()));
      }
    }
    return notes;
  }

  private List<String> candidateGroups(String taskId) {
    return CandidateGroups.of(taskService, taskId);
  }

  private Set<Departure> currentHolders() {
    Map<String, List<User>> byGroup = members.activeHoldersByGroup();
    Set<Departure> holders = new HashSet<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      byGroup.getOrDefault(function.groupId(), List.of())
          .forEach(u -> holders.add(new Departure(function.groupId(), u.getId())));
    }
    return holders;
  }

  private Set<Departure> recordedHolders() {
    return new HashSet<>(jdbc.query("select group_id, user_id from " + HOLDERS_TABLE,
        (rs, i) -> new Departure(rs.getString(1), rs.getString(2))));
  }

  /** The holders not recorded yet; those who left are forgotten by their own departure. */
  private void recordNewHolders(Set<Departure> holders) {
    Set<Departure> recorded = recordedHolders();
    for (Departure holder : holders) {
      if (!recorded.contains(holder)) {
        jdbc.update("insert into " + HOLDERS_TABLE + " (group_id, user_id) values (?, ?)", holder.groupId(), holder.userId());
      }
    }
  }
}
