package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * Who sees the work of a vacant function: the first function up its escalation chain that someone
 * holds (samordnare → kommunledning → …), skipping the vacant ones, and when the whole chain is
 * vacant (or the function has no escalation target), the administrators. So no work is left
 * where nobody sees it, also when a small municipality's samordnare and kommunchef leave in one
 * summer.
 *
 * @param groupId the function's group, or {@link #ADMINISTRATORS}
 * @param name in Swedish, for the task, the log and the staffing report
 * @param passedOver the vacant functions of the chain between the function and the target
 */
public record VacancyTarget(String groupId, String name, List<OrganisationFunction> passedOver) {

  /** Camunda's administrators' group: the end of every escalation chain. */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;
  static final String ADMINISTRATORS_NAME = "Administratörerna";

  static VacancyTarget of(OrganisationFunction function, Organisation organisation, Map<String, List<User>> holders) {
    List<OrganisationFunction> passedOver = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(function.groupId()));
    Optional<OrganisationFunction> next = organisation.escalationTargetOf(function.groupId());
    while (next.isPresent() && seen.add(next.get().groupId())) {
      OrganisationFunction target = next.get();
      if (!holders.getOrDefault(target.groupId(), List.of()).isEmpty()) {
        return new VacancyTarget(target.groupId(), target.name(), List.copyOf(passedOver));
      }
      passedOver.add(target);
      next = organisation.escalationTargetOf(target.groupId());
    }
    return new VacancyTarget(ADMINISTRATORS, ADMINISTRATORS_NAME, List.copyOf(passedOver));
  }

  boolean isAdministrators() {
    return ADMINISTRATORS.equals(groupId);
  }

  /** E.g. "Kommunledning, Lycksele" or "Administratörerna (även Kommunledning, Lycksele saknar innehavare)". */
  String description() {
    if (passedOver.isEmpty()) {
      return name;
    }
    return name + " (även " + String.join(", ", passedOver.stream().map(OrganisationFunction::name).toList())
        + " saknar innehavare)";
  }
}
