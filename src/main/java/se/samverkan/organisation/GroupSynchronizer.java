package se.samverkan.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the Camunda groups match the organisation file. Idempotent: a second run changes nothing.
 * A function that disappeared from the file (e.g. a removed municipality) is reported, never
 * deleted: its open tasks and history must not lose their group.
 */
@Component
public class GroupSynchronizer {

  /** Camunda group type of every group Samverkan manages. */
  public static final String GROUP_TYPE = "funktion";
  /** The name Admin shows for the administrators' group, which Camunda creates as "camunda BPM Administrators". */
  public static final String ADMIN_GROUP_NAME = "Samverkans administratörer";

  private static final Logger log = LoggerFactory.getLogger(GroupSynchronizer.class);

  private final IdentityService identityService;

  public GroupSynchronizer(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Report synchronize(Organisation organisation) {
    // One query for all existing groups: a national organisation has thousands of functions.
    Map<String, Group> existing = identityService.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      Group group = existing.get(function.groupId());
      if (group == null) {
        group = identityService.newGroup(function.groupId());
        group.setName(function.name());
        group.setType(GROUP_TYPE);
        identityService.saveGroup(group);
        created.add(function.groupId());
      } else if (!function.name().equals(group.getName()) || !GROUP_TYPE.equals(group.getType())) {
        group.setName(function.name());
        group.setType(GROUP_TYPE);
        identityService.saveGroup(group);
        updated.add(function.groupId());
      }
    }
    Group administrators = existing.get(Groups.CAMUNDA_ADMIN);
    if (administrators != null && !ADMIN_GROUP_NAME.equals(administrators.getName())) {
      administrators.setName(ADMIN_GROUP_NAME);
      identityService.saveGroup(administrators);
      updated.add(Groups.CAMUNDA_ADMIN);
    }
    Set<String> declared = organisation.allFunctions().stream()
        .map(OrganisationFunction::groupId)
        .collect(Collectors.toSet());
    List<String> orphaned = existing.values().stream()
        .filter(group -> GROUP_TYPE.equals(group.getType()))
        .map(Group::getId)
        .filter(id -> !declared.contains(id))
        .sorted()
        .toList();
    Report report = new Report(created, updated, orphaned);
    log.info("Organisation: {} funktioner, {} skapade, {} uppdaterade",
        declared.size(), created.size(), updated.size());
    if (!orphaned.isEmpty()) {
      log.warn("Funktioner som inte längre finns i organisationsfilen (behålls, ta bort dem i Admin när "
          + "deras öppna uppgifter är flyttade): {}", orphaned);
    }
    return report;
  }

  /** What one synchronisation did. */
  public record Report(List<String> created, List<String> updated, List<String> orphaned) {
    public boolean changedNothing() {
      return created.isEmpty() && updated.isEmpty();
    }
  }
}
