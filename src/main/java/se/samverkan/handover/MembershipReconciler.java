package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * A person leaves a function: compares tasks and memberships instead of hooking into one UI, so
 * it works however the change was made (Admin, REST, a directory sync). Each run
 * <ol>
 *   <li>gives every task back to its function whose assignee no longer holds any of the task's
 *       candidate groups, or whose account is deleted or locked (with a comment on the task);</li>
 *   <li>starts one {@code overlamning} per person and function left since the last run (known
 *       from the holders recorded then) and per function of a task given back;</li>
 *   <li>records the current holders.</li>
 * </ol>
 * A handover is started only if none is open for the same person and function, so runs can
 * repeat without duplicates. Callers run it in one transaction (see FunctionReconciliation).
 */
public class MembershipReconciler {

  static final String HOLDERS_TABLE = "samverkan_function_holder";
  private static final Logger log = LoggerFactory.getLogger(MembershipReconciler.class);

  private final Organisation organisation;
  private final FunctionMembers members;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final OpenWorkReport report;
  private final JdbcTemplate jdbc;

  public MembershipReconciler(Organisation organisation, FunctionMembers members, TaskService taskService,
      RuntimeService runtimeService, OpenWorkReport report, JdbcTemplate jdbc) {
    this.organisation = organisation;
    this.members = members;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.report = report;
    this.jdbc = jdbc;
    jdbc.execute("create table if not exists " + HOLDERS_TABLE
        + " (group_id varchar(255) not null, user_id varchar(255) not null, primary key (group_id, user_id))");
  }

  /** A person holding a function; once they no longer do, a departure. */
  public record Departure(String groupId, String userId) {}

  /** What a run did: tasks given back and handovers started. */
  public record Result(List<String> tasksReturned, List<String> handoversStarted) {}

  public Result reconcile() {
    Set<Departure> current = currentHolders();
    Set<Departure> recorded = recordedHolders();
    Set<Departure> departures = new LinkedHashSet<>();
    if (!recorded.isEmpty()) {
      recorded.stream().filter(d -> !current.contains(d)).forEach(departures::add);
    }
    List<String> returned = new ArrayList<>();
    java.util.Map<Departure, StringBuilder> notes = new java.util.HashMap<>();
    for (Task task : tasksNoLongerHeld()) {
      List<String> groups = candidateGroups(task.getId());
      String assignee = task.getAssignee();
      if (groups.isEmpty()) {
        continue;
      }
      String function = groups.stream().filter(g -> recorded.contains(new Departure(g, assignee))).findFirst()
          .orElse(groups.get(0));
      Departure departure = new Departure(function, assignee);
      departures.add(departure);
      notes.computeIfAbsent(departure, d -> new StringBuilder()).append(leaverNotes(task, assignee));
      taskService.setAssignee(task.getId(), null);
      taskService.createComment(task.getId(), task.getProcessInstanceId(),
          "Återlämnad till funktionen: " + assignee + " innehar inte längre funktionen.");
      returned.add(task.getId());
      log.info("Uppgiften '{}' ({}) återlämnad till funktionen {}: {} innehar den inte längre", task.getName(),
          task.getId(), function, assignee);
    }
    List<String> started = new ArrayList<>();
    for (Departure departure : departures) {
      startHandover(departure, notes.getOrDefault(departure, new StringBuilder()).toString()).ifPresent(started::add);
    }
    record(current);
    return new Result(returned, started);
  }

  private java.util.Optional<String> startHandover(Departure departure, String notes) {
    OrganisationFunction function = organisation.function(departure.groupId()).orElse(null);
    if (function == null) {
      return java.util.Optional.empty();
    }
    String key = Overlamning.personLeftKey(departure.groupId(), departure.userId());
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(key).count() > 0) {
      return java.util.Optional.empty();
    }
    User leaver = members.user(departure.userId());
    String id = runtimeService.startProcessInstanceByKey(Overlamning.PROCESS_KEY, key, Variables.createVariables()
        .putValue(Overlamning.REASON, Overlamning.REASON_PERSON_LEFT)
        .putValue(Overlamning.FUNCTION, function.groupId())
        .putValue(Overlamning.FUNCTION_NAME, function.name())
        .putValue(Overlamning.LEAVER, departure.userId())
        .putValue(Overlamning.LEAVER_NAME, FunctionMembers.displayName(leaver, departure.userId() + " (kontot finns inte längre)"))
        .putValue(Overlamning.OPEN_WORK, report.describe(function.groupId()))
        .putValue(Overlamning.LEAVER_NOTE, notes.isBlank() ? "Inga anteckningar." : notes.trim()))
        .getId();
    log.info("{} har lämnat funktionen {}: överlämning {} startad", departure.userId(), function.groupId(), id);
    return java.util.Optional.of(id);
  }

  /**
   * Tasks whose assignee holds none of their candidate groups: per assignee, all their tasks minus
   * those with a candidate group they hold (two queries per person, not one per task).
   */
  private List<Task> tasksNoLongerHeld() {
    java.util.Map<String, List<Task>> byAssignee = taskService.createTaskQuery().taskAssigned().list().stream()
        .collect(java.util.stream.Collectors.groupingBy(Task::getAssignee));
    List<Task> result = new ArrayList<>();
    byAssignee.forEach((assignee, tasks) -> {
      Set<String> held = members.groupsHeldBy(assignee);
      Set<String> stillHeld = held.isEmpty() ? Set.of()
          : taskService.createTaskQuery().taskAssignee(assignee).taskCandidateGroupIn(List.copyOf(held))
              .includeAssignedTasks().list().stream().map(Task::getId).collect(java.util.stream.Collectors.toSet());
      tasks.stream().filter(t -> !stillHeld.contains(t.getId())).forEach(result::add);
    });
    return result;
  }

  /** Comments the leaver wrote on a task are their handover note for it. */
  private String leaverNotes(Task task, String userId) {
    StringBuilder text = new StringBuilder();
    for (Comment comment : taskService.getTaskComments(task.getId())) {
      if (userId.equals(comment.getUserId())) {
        text.append("• ").append(task.getName()).append(": ").append(comment.getFullMessage()).append('\n');
      }
    }
    return text.toString();
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

  private Set<Departure> currentHolders() {
    java.util.Map<String, List<User>> byGroup = members.activeHoldersByGroup();
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

  private void record(Set<Departure> holders) {
    Set<Departure> recorded = recordedHolders();
    for (Departure gone : recorded) {
      if (!holders.contains(gone)) {
        jdbc.update("delete from " + HOLDERS_TABLE + " where group_id = ? and user_id = ?", gone.groupId(), gone.userId());
      }
    }
    for (Departure holder : holders) {
      if (!recorded.contains(holder)) {
        jdbc.update("insert into " + HOLDERS_TABLE + " (group_id, user_id) values (?, ?)", holder.groupId(), holder.userId());
      }
    }
  }
}
