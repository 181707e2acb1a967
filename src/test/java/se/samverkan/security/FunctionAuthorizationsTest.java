package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samverkan.ProcessTestEngine;

/**
 * An older Samverkan granted länsstyrelsen and the process owner READ on every instance, task and
 * their history; a database that still holds those grants loses them at the next start, while what
 * the organisation file grants stays.
 */
class FunctionAuthorizationsTest {

  ProcessEngine engine = ProcessTestEngine.engine();
  AuthorizationService authorizations = engine.getAuthorizationService();

  java.util.Set<String> before;

  @org.junit.jupiter.api.BeforeEach
  void noteTheGrants() {
    before = authorizations.createAuthorizationQuery().list().stream().map(Authorization::getId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The engine is shared by the process tests: every grant this test made goes again. */
  @AfterEach
  void removeTheGrants() {
    authorizations.createAuthorizationQuery().list().stream().filter(a -> !before.contains(a.getId()))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  @Test
  void shouldTakeBackWholesaleReadOfTheCasesAndKeepWhatTheOrganisationGrants() {
    for (String group : List.of("lansstyrelsen", "processagare")) {
      grant(group, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
      grant(group, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
    }

    new FunctionAuthorizations(authorizations, engine.getRepositoryService()).grant(ProcessTestEngine.organisation());

    for (String group : List.of("lansstyrelsen", "processagare")) {
      Authorization definitions = grantOf(group, Resources.PROCESS_DEFINITION.resourceType());
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ)).as(group).isTrue();
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).as(group).isFalse();
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).as(group).isFalse();
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).as(group).isFalse();
      assertThat(grantOf(group, Resources.PROCESS_INSTANCE.resourceType())
          .isPermissionGranted(ProcessInstancePermissions.READ)).as(group).isFalse();
      Authorization decisions = grantOf(group, Resources.DECISION_DEFINITION.resourceType());
      assertThat(decisions.isPermissionGranted(Permissions.READ)).as(group).isTrue();
      assertThat(decisions.isPermissionGranted(Permissions.READ_HISTORY)).as(group).isFalse();
      assertThat(grantOf(group, Resources.DEPLOYMENT.resourceType()).isPermissionGranted(Permissions.READ)).as(group).isTrue();
    }
    assertThat(grantOf("processagare", Resources.DEPLOYMENT.resourceType()).isPermissionGranted(Permissions.CREATE)).isTrue();
    assertThat(grantOf("lansstyrelsen", Resources.DEPLOYMENT.resourceType()).isPermissionGranted(Permissions.CREATE)).isFalse();
    assertThat(grantOf("samordnare-lycksele", Resources.PROCESS_INSTANCE.resourceType())
        .isPermissionGranted(ProcessInstancePermissions.CREATE)).as("starters keep CREATE").isTrue();
  }

  private void grant(String group, Resources resource, org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(Authorization.ANY);
    for (org.camunda.bpm.engine.authorization.Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private Authorization grantOf(String group, int resourceType) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resourceType)
        .resourceId(Authorization.ANY).singleResult();
  }
}
