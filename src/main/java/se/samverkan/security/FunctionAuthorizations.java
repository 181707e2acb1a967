package se.samverkan.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
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

  /** Every resource type {@link #grant} grants on. */
  private static final List<Resource> GRANTED_RESOURCES = List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
      Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION, Resources.DEPLOYMENT,
      Resources.DECISION_REQUIREMENTS_DEFINITION);

  private final AuthorizationService authorizationService;
  private final RepositoryService repositoryService;

  public FunctionAuthorizations(AuthorizationService authorizationService, RepositoryService repositoryService) {
    this.authorizationService = authorizationService;
    this.repositoryService = repositoryService;
  }

  public void grant(Organisation organisation) {
    // The existing grants, read by resource id: "*" and each application. Not per function (a
    // national organisation has thousands) and not by resource type: the table also holds a grant
    // per candidate group of every open and historic task (a million rows at national scale), and
    // only the resource id has an index of its own (ACT_IDX_AUTH_RESOURCE_ID).
    Set<String> resourceIds = new LinkedHashSet<>(List.of(ANY));
    organisation.allFunctions().forEach(function -> resourceIds.addAll(applicationsOf(organisation, function)));
    // The processes a function may start: those the file lists and every deployed one (a key the file
    // no longer lists loses its grant). A handful of keys, each read by its resource id.
    Set<String> processKeys = new LinkedHashSet<>();
    organisation.functions().values().forEach(definition -> processKeys.addAll(definition.starts()));
    repositoryService.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> processKeys.add(definition.getKey()));
    resourceIds.addAll(processKeys);
    Set<Integer> grantedTypes = new HashSet<>();
    GRANTED_RESOURCES.forEach(resource -> grantedTypes.add(resource.resourceType()));
    Map<String, Authorization> existing = new HashMap<>();
    for (String resourceId : resourceIds) {
      authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .resourceId(resourceId).list().stream()
          .filter(a -> a.getGroupId() != null && grantedTypes.contains(a.getResourceType()))
          .forEach(a -> existing.put(key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a));
    }
    Grants grants = new Grants(existing);
    for (OrganisationFunction function : organisation.allFunctions()) {
      String group = function.groupId();
      FunctionDefinition definition = definitionOf(organisation, function);
      for (String application : definition.applications()) {
        grants.grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
      }
      grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      // Starting: CREATE_INSTANCE on exactly the listed process definitions, never on "*" (a grant on
      // "*" from an earlier version is taken back), and on no other deployed process.
      grants.revoke(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      for (String key : processKeys) {
        if (definition.starts().contains(key)) {
          grants.grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
        } else {
          grants.revoke(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
      }
      if (!definition.starts().isEmpty()) {
        grants.grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
      }
      // No function reads the cases wholesale: a function reads the instances of its own tasks
      // (the engine's grants per candidate group), so the audience of an instance is the union of
      // its tasks' candidate groups. Oversight (länsstyrelsen) and the process owner read the
      // models, not the cases (docs/security.md "Who may see what"); what an older version granted is taken back.
      grants.revoke(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      grants.revoke(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      grants.revoke(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
      if (definition.readsAll() || definition.deploysModels()) {
        grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      }
      if (definition.deploysModels()) {
        grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
        grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.UPDATE,
            ProcessDefinitionPermissions.SUSPEND);
        grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.UPDATE);
        grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      }
    }
    withholdDeploymentFromAdministrators();
  }

  private static FunctionDefinition definitionOf(Organisation organisation, OrganisationFunction function) {
    return organisation.definitionOf(function)
        .orElse(new FunctionDefinition(null, null, null, null, List.of("tasklist"), List.of(), false, false, null));
  }

  private static List<String> applicationsOf(Organisation organisation, OrganisationFunction function) {
    return definitionOf(organisation, function).applications();
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

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + "|" + resourceType + "|" + resourceId;
  }

  /** The group grants of one run, read once; new ones join it so later grants add to them. */
  private final class Grants {

    private final Map<String, Authorization> byKey;

    Grants(Map<String, Authorization> byKey) {
      this.byKey = byKey;
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      Authorization authorization = byKey.computeIfAbsent(key(groupId, resource.resourceType(), resourceId), k -> {
        Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        created.setGroupId(groupId);
        created.setResource(resource);
        created.setResourceId(resourceId);
        return created;
      });
      saveIfChanged(authorization, permissions);
    }

    /** Takes permissions back from an existing grant; nothing to do where there is none. */
    void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
      Authorization authorization = byKey.get(key(groupId, resource.resourceType(), resourceId));
      if (authorization == null) {
        return;
      }
      boolean changed = false;
      for (Permission permission : permissions) {
        if (authorization.isPermissionGranted(permission)) {
          authorization.removePermission(permission);
          changed = true;
        }
      }
      if (changed) {
        authorizationService.saveAuthorization(authorization);
      }
    }
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
