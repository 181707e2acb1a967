package se.samverkan.overview;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.Viewer;
import se.samverkan.security.WebSessions;

/**
 * Who is reading Läget: the person logged in to the webapps with this session, with their groups as
 * the identity service has them now (not the session's cached ones, so a person who left a function
 * sees its municipality no more), and whether they may open Cockpit and the instances in it.
 */
@Component
class OverviewAccess {

  /** The person reading and what they may open. */
  record Reader(String userId, Set<String> groups, boolean admin, boolean cockpit) {

    boolean holds(String groupId) {
      return groups.contains(groupId);
    }
  }

  private final ProcessEngine engine;
  private final Organisation organisation;

  OverviewAccess(ProcessEngine engine, Organisation organisation) {
    this.engine = engine;
    this.organisation = organisation;
  }

  /** The reader behind the request; empty without a webapp login. */
  Optional<Reader> reader(HttpServletRequest request) {
    return WebSessions.webappLogin(request, engine.getName()).map(Authentication::getIdentityId).map(this::reader);
  }

  Reader reader(String userId) {
    Set<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    boolean admin = groups.contains(Groups.CAMUNDA_ADMIN);
    AuthorizationService authorizations = engine.getAuthorizationService();
    java.util.List<String> groupList = java.util.List.copyOf(groups);
    // Cockpit links only for who has Cockpit and may read the instances in it (the administrators)
    boolean cockpit = authorizations.isUserAuthorized(userId, groupList, Permissions.ACCESS, Resources.APPLICATION, "cockpit")
        && authorizations.isUserAuthorized(userId, groupList, Permissions.READ, Resources.PROCESS_INSTANCE, "*");
    return new Reader(userId, groups, admin, cockpit);
  }

  /**
   * How much of the municipality the reader sees: {@link Viewer#of} for their functions; Camunda's
   * administrators (who may read every instance anyway) see everything, as the municipality's own.
   */
  Viewer levelOn(Reader reader, String kommun) {
    if (reader.admin() && organisation.municipality(kommun).isPresent()) {
      return Viewer.OWN;
    }
    return Viewer.of(organisation, reader.groups(), kommun);
  }
}
