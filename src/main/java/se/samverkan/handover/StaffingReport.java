package se.samverkan.handover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.scheduling.annotation.Scheduled;
import se.samverkan.notification.MailKind;
import se.samverkan.notification.MailOutbox;
import se.samverkan.notification.TaskLinks;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * The weekly bemanningsrapport: every function held by a single person (and every vacant one, with
 * who sees its work: {@link VacancyTarget}), by mail to the samordnare and the lpochef, the
 * functions that can act on it, and to the administrators when a vacancy has reached them.
 */
public class StaffingReport {

  private static final List<String> RECIPIENT_TYPES = List.of("samordnare", "lpochef");

  private final Organisation organisation;
  private final FunctionMembers members;
  private final MailOutbox outbox;
  private final TaskLinks links;

  public StaffingReport(Organisation organisation, FunctionMembers members, MailOutbox outbox, TaskLinks links) {
    this.organisation = organisation;
    this.members = members;
    this.outbox = outbox;
    this.links = links;
  }

  /** The report text; empty when every function has at least two holders. */
  public String text() {
    StringBuilder single = new StringBuilder();
    StringBuilder vacant = new StringBuilder();
    Map<String, List<User>> holdersByGroup = members.activeHoldersByGroup();
    for (OrganisationFunction function : organisation.allFunctions()) {
      List<User> holders = holdersByGroup.getOrDefault(function.groupId(), List.of());
      if (holders.isEmpty()) {
        vacant.append("• ").append(function.name()).append(" (").append(function.groupId()).append("): syns för ")
            .append(VacancyTarget.of(function, organisation, holdersByGroup).description()).append('\n');
      } else if (holders.size() == 1) {
        single.append("• ").append(function.name()).append(" (").append(function.groupId()).append("): ")
            .append(FunctionMembers.displayName(holders.get(0), holders.get(0).getId())).append('\n');
      }
    }
    if (single.isEmpty() && vacant.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("Bemanningsrapport: funktioner som hänger på en enda person eller ingen.\n")
        .append("En funktion med en enda innehavare stannar när den personen slutar eller blir sjuk; utse en ersättare.\n\n");
    if (!vacant.isEmpty()) {
      text.append("Saknar innehavare:\n").append(vacant).append('\n');
    }
    if (!single.isEmpty()) {
      text.append("Endast en innehavare:\n").append(single).append('\n');
    }
    return text.append("Samverkan: ").append(links.tasklist()).toString();
  }

  /**
   * Weekly at samverkan.staffing-report.cron in Swedish time (samverkan.calendar.time-zone); the
   * schedule is here, beside the report, so that notification does not depend on handover.
   */
  @Scheduled(cron = "${samverkan.staffing-report.cron}", zone = "${samverkan.calendar.time-zone}")
  public void scheduled() {
    send();
  }

  /** Whether a vacancy's whole escalation chain is vacant, so that only the administrators see it. */
  private boolean endsWithTheAdministrators(Map<String, List<User>> holdersByGroup) {
    return organisation.allFunctions().stream()
        .filter(f -> holdersByGroup.getOrDefault(f.groupId(), List.of()).isEmpty())
        .anyMatch(f -> VacancyTarget.of(f, organisation, holdersByGroup).isAdministrators());
  }

  /**
   * Puts the report into the outbox for every samordnare and lpochef (and the administrators when a
   * vacancy reached them); returns the number of recipients.
   */
  public int send() {
    String text = text();
    if (text.isEmpty()) {
      return 0;
    }
    Map<String, User> recipients = new LinkedHashMap<>();
    Map<String, List<User>> holdersByGroup = members.activeHoldersByGroup();
    organisation.allFunctions().stream()
        .filter(f -> RECIPIENT_TYPES.contains(f.type()))
        .flatMap(f -> holdersByGroup.getOrDefault(f.groupId(), List.of()).stream())
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
        .forEach(u -> recipients.putIfAbsent(u.getId(), u));
    if (endsWithTheAdministrators(holdersByGroup)) {
      holdersByGroup.getOrDefault(VacancyTarget.ADMINISTRATORS, List.of()).stream()
          .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
          .forEach(u -> recipients.putIfAbsent(u.getId(), u));
    }
    recipients.values().forEach(u -> outbox.add(MailKind.STAFFING_REPORT, u.getId(), u.getEmail(), null,
        "Bemanningsrapport: funktioner med en eller ingen innehavare", text));
    return recipients.size();
  }
}
