package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With authorization on, a user sees exactly the tasks of their functions whether the engine
 * narrows their groups to groups with authorizations (Camunda's AuthorizationManager) or passes
 * them as they are ({@link AuthenticatedGroupsAuthorizationManager}): the same tasks, counts and
 * filter results, including a group revoke (which turns on Camunda's revoke checks) and groups
 * without any authorization.
 */
class AuthenticatedGroupsTest {

  private static ProcessEngine engine;
  private static ProcessEngineConfigurationImpl configuration;
  private static String filterId;

  @BeforeAll
  static void buildEngineAndTasks() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:samverkan-authenticated-groups;DB_CLOSE_DELAY=-1");
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setProcessEngineName("authenticated-groups-test");
    config.setJobExecutorActivate(false);
    config.setAuthorizationEnabled(true);
    config.setDefaultUserPermissionNameForTask("TASK_WORK");
    config.getProcessEnginePlugins().add(new AuthenticatedGroupsPlugin());
    engine = config.buildProcessEngine();
    configuration = config;

    // Set up without an authenticated user: no checks, but the engine still writes the candidate
    // groups' authorizations, as it does for Samverkan's processes.
    TaskService tasks = engine.getTaskService();
    task(tasks, "lagesbild-a", "samordnare-a");
    task(tasks, "planering-a", "samordnare-a");
    task(tasks, "rapport-est-a", "est-a");
    task(tasks, "rapport-est-b", "est-b");
    task(tasks, "offentlig", null);

    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    everyone.setUserId(Authorization.ANY);
    everyone.setResource(Resources.TASK);
    everyone.setResourceId("offentlig");
    everyone.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyone);
    Authorization revoked = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoked.setGroupId("avstangd");
    revoked.setResource(Resources.TASK);
    revoked.setResourceId("offentlig");
    revoked.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoked);

    FilterService filters = engine.getFilterService();
    Filter functionTasks = filters.newTaskFilter("Min funktions uppgifter")
        .setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    filters.saveFilter(functionTasks);
    filterId = functionTasks.getId();
    Authorization readFilter = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    readFilter.setUserId(Authorization.ANY);
    readFilter.setResource(Resources.FILTER);
    readFilter.setResourceId(filterId);
    readFilter.addPermission(Permissions.READ);
    authorizations.saveAuthorization(readFilter);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  private static void task(TaskService tasks, String id, String candidateGroup) {
    Task task = tasks.newTask(id);
    task.setName(id);
    tasks.saveTask(task);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(id, candidateGroup);
    }
  }

  static List<Arguments> users() {
    return List.of(
        Arguments.of("anna", List.of("samordnare-a"), Set.of("lagesbild-a", "planering-a", "offentlig"),
            Set.of("lagesbild-a", "planering-a")),
        Arguments.of("anna", List.of("samordnare-a", "grupp-utan-behorighet"),
            Set.of("lagesbild-a", "planering-a", "offentlig"), Set.of("lagesbild-a", "planering-a")),
        Arguments.of("bo", List.of("est-a"), Set.of("rapport-est-a", "offentlig"), Set.of("rapport-est-a")),
        Arguments.of("cia", List.of("est-a", "est-b"), Set.of("rapport-est-a", "rapport-est-b", "offentlig"),
            Set.of("rapport-est-a", "rapport-est-b")),
        Arguments.of("dan", List.of("grupp-utan-behorighet"), Set.of("offentlig"), Set.of()),
        // Camunda refuses the filter's empty candidate group list, whichever manager checks.
        Arguments.of("eva", List.of(), Set.of("offentlig"), null),
        Arguments.of("erik", List.of("samordnare-a", "avstangd"), Set.of("lagesbild-a", "planering-a"),
            Set.of("lagesbild-a", "planering-a")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("users")
  void shouldShowExactlyTheTasksOfTheUsersFunctions(String user, List<String> groups, Set<String> readable,
      Set<String> functionTasks) {
    SessionFactory camunda = new GenericManagerFactory(AuthorizationManager.class);
    SessionFactory samverkan = new AuthenticatedGroupsPlugin.AuthorizationManagerFactory();

    for (SessionFactory managers : List.of(camunda, samverkan)) {
      assertThat(as(managers, user, groups, () -> ids(engine.getTaskService().createTaskQuery().list())))
          .as("tasks %s may read", user).isEqualTo(readable);
      assertThat(as(managers, user, groups, () -> engine.getTaskService().createTaskQuery().count()))
          .isEqualTo((long) readable.size());
      if (functionTasks == null) {
        assertThatThrownBy(() -> as(managers, user, groups, () -> engine.getFilterService().list(filterId)))
            .isInstanceOf(ProcessEngineException.class);
        continue;
      }
      assertThat(as(managers, user, groups, () -> ids(engine.getFilterService().list(filterId))))
          .as("filter \"Min funktions uppgifter\" of %s", user).isEqualTo(functionTasks);
      assertThat(as(managers, user, groups, () -> engine.getFilterService().count(filterId)))
          .isEqualTo((long) functionTasks.size());
    }
  }

  @Test
  void shouldReplaceCamundasManagerInEveryCommand() {
    AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getAuthorizationManager());

    assertThat(manager).isInstanceOf(AuthenticatedGroupsAuthorizationManager.class);
  }

  private static <T> T as(SessionFactory managers, String user, List<String> groups, Supplier<T> query) {
    SessionFactory installed = configuration.getSessionFactories().get(AuthorizationManager.class);
    configuration.getSessionFactories().put(AuthorizationManager.class, managers);
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
      configuration.getSessionFactories().put(AuthorizationManager.class, installed);
    }
  }

  private static Set<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).collect(Collectors.toSet());
  }
}
