package se.samverkan.security;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Who the engine guards let through as an administrator: a member of Camunda's administrator group
 * or of a group, or a user, the engine is configured to treat as administrator. Everyone else who
 * is authenticated is a function user.
 */
final class Administrators {

  private Administrators() {}

  static boolean includes(String userId, List<String> groupIds, ProcessEngineConfigurationImpl configuration) {
    List<String> groups = groupIds == null ? List.of() : groupIds;
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    return groups.contains(FunctionAuthorizations.ADMINISTRATORS) || groups.stream().anyMatch(adminGroups::contains)
        || adminUsers.contains(userId);
  }
}
