package se.samverkan.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.FunctionDefinition;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * Grants each function group exactly what its definition in the organisation file allows.
 * Task access is not granted here: a candidate group gets READ and TASK_WORK on its own tasks
 * from the engine, so a municipality never sees another's tasks.
 */
@Component
public class FunctionAuthorizations {

  /** Camunda's administrator group, created with the admin user. */
  public static final String ADMINISTRATORS = "camunda-admin";

  private final AuthorizationService authorizationService;

  public FunctionAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grant(Organisation organisation) {
    for (OrganisationFunction function : organisation.allFunctions()) {
      String group = function.groupId();
      FunctionDefinition definition = organisation.definitionOf(function)
          .orElse(new FunctionDefinition(null, null, null, null, List.of("tasklist"), false, false, false));
      for (String application : definition.applications()) {
        grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
      }
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      if (definition.startsProcesses()) {
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
      }
      if (definition.readsAll() || definition.deploysModels()) {
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      }
      if (definition.deploysModels()) {
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.UPDATE,
            ProcessDefinitionPermissions.SUSPEND);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.UPDATE);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      }
    }
    withholdDeploymentFromAdministrators();
  }

  /**
   * Camunda gives its administrator group every permission. Models come from the process owner
   * only: the administrator manages users, functions and authorizations, but does not deploy.
   */
  void withholdDeploymentFromAdministrators() {
    authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(ADMINISTRATORS)
        .resourceType(Resources.DEPLOYMENT)
        .list()
        .stream()
        .filter(a -> a.isPermissionGranted(Permissions.CREATE) || a.isPermissionGranted(Permissions.DELETE))
        .forEach(a -> {
          a.removePermission(Permissions.CREATE);
          a.removePermission(Permissions.DELETE);
          authorizationService.saveAuthorization(a);
        });
  }

  /** Grants to everyone (user id {@code *}), e.g. READ on a shared Tasklist filter. */
  public void grantToEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    saveIfChanged(authorization, permissions);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    saveIfChanged(authorization, permissions);
  }

  private void saveIfChanged(Authorization authorization, Permission... permissions) {
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
