package se.samverkan.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;

/**
 * Writes the Swedish mails about a task into the outbox: to every member of the task's
 * functions (and its assignee), each with a direct link to the task in Tasklist.
 */
public class TaskNotifier {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MailOutbox outbox;
  private final TaskLinks links;
  private final Organisation organisation;
  private final ZoneId zone;

  public TaskNotifier(MailOutbox outbox, TaskLinks links, Organisation organisation, ZoneId zone) {
    this.outbox = outbox;
    this.links = links;
    this.organisation = organisation;
    this.zone = zone;
  }

  public void newTask(DelegateTask task) {
    String body = "Det finns en ny uppgift för " + functionNames(CandidateGroups.of(task)) + ":\n" + describe(task);
    send(MailKind.NEW_TASK, task, recipients(task, CandidateGroups.of(task), true), "Ny uppgift: " + task.getName(), body);
  }

  public void reminder(DelegateTask task, int count) {
    String body = "Påminnelse" + (count > 1 ? " " + count : "") + ": uppgiften har passerat sitt förfallodatum och väntar på "
        + functionNames(CandidateGroups.of(task)) + ".\n" + describe(task);
    send(MailKind.REMINDER, task, recipients(task, CandidateGroups.of(task), true), "Påminnelse: " + task.getName(), body);
  }

  public void escalated(DelegateTask task, int level, Collection<String> targets) {
    String body = "Uppgiften har stannat av och eskalerats (nivå " + level + ")"
        + (targets.isEmpty() ? "" : " till " + functionNames(targets)) + ". Den syns nu under \"Eskalerade\".\n"
        + describe(task);
    send(MailKind.ESCALATION, task, recipients(task, CandidateGroups.of(task), true), "Eskalerad: " + task.getName(), body);
  }

  private void send(MailKind kind, DelegateTask task, Map<String, User> recipients, String subject, String body) {
    recipients.values().forEach(user -> outbox.add(kind, user.getId(), user.getEmail(), task.getId(), subject, body));
  }

  private String describe(DelegateTask task) {
    StringBuilder text = new StringBuilder("  ").append(task.getName()).append('\n');
    String process = processName(task);
    if (process != null) {
      text.append("  Process: ").append(process).append('\n');
    }
    Date due = task.getDueDate();
    if (due != null) {
      text.append("  Förfaller: ").append(DATE.format(due.toInstant().atZone(zone))).append('\n');
    }
    if (task.getAssignee() != null) {
      text.append("  Tagen av: ").append(task.getAssignee()).append('\n');
    }
    return text.append("  Öppna uppgiften: ").append(links.task(task.getId())).toString();
  }

  private String processName(DelegateTask task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    ProcessDefinition definition = task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId());
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private String functionNames(Collection<String> groups) {
    List<String> names = groups.stream()
        .map(g -> organisation.function(g).map(OrganisationFunction::name).orElse(g))
        .toList();
    return names.isEmpty() ? "din funktion" : String.join(", ", names);
  }

  private static Map<String, User> recipients(DelegateTask task, Collection<String> groups, boolean withAssignee) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Map<String, User> users = new LinkedHashMap<>();
    for (String group : groups) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(u -> users.putIfAbsent(u.getId(), u));
    }
    if (withAssignee && task.getAssignee() != null) {
      User assignee = identity.createUserQuery().userId(task.getAssignee()).singleResult();
      if (assignee != null) {
        users.putIfAbsent(assignee.getId(), assignee);
      }
    }
    users.values().removeIf(u -> u.getEmail() == null || u.getEmail().isBlank());
    return users;
  }
}
