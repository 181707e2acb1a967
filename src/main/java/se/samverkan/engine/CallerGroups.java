package se.samverkan.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The groups of the person behind the current call: those the authentication carries (the REST
 * API's filter and the webapps set them), else the person's memberships as the identity service
 * has them now (a leaver's are gone). No authentication: no groups.
 */
public final class CallerGroups {

  private CallerGroups() {}

  public static List<String> of(IdentityService identity, Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return List.of();
    }
    List<String> groups = authentication.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      groups = identity.createGroupQuery().groupMember(authentication.getUserId()).list().stream().map(Group::getId).toList();
    }
    return groups;
  }
}
