package se.samverkan.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * A test process stands in for a process the organisation file lists under {@code starts}: the
 * functions that may start the samverkansprocess get CREATE_INSTANCE on it too, as
 * FunctionAuthorizations grants it for a listed process. Idempotent.
 */
final class TestProcessStarts {

  private TestProcessStarts() {}

  static void startableLikeTheSamverkansprocess(AuthorizationService authorizations, Organisation organisation,
      String processKey) {
    for (OrganisationFunction function : organisation.allFunctions()) {
      boolean starts = organisation.definitionOf(function)
          .map(definition -> definition.starts().contains(AgreementProcess.KEY)).orElse(false);
      if (starts) {
        grant(authorizations, function.groupId(), processKey);
      }
    }
  }

  static Authorization grant(AuthorizationService authorizations, String groupId, String processKey) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(Resources.PROCESS_DEFINITION).resourceId(processKey).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(processKey);
    authorization.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    return authorizations.saveAuthorization(authorization);
  }
}
