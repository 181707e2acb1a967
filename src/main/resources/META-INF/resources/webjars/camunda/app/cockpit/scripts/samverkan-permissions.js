// Samverkan Cockpit plugin: Cockpit offers only what the engine would do for the logged-in user.
//
// Cockpit 7.24 (Community Edition) shows its modifying actions to everyone who can open a page and
// its task dashboard to everyone; the engine then refuses (403, or "… does not have READ permission
// on resource * of type Task"). This plugin asks the engine first, through the webapps' own
// GET authorization/check, and until the answer is "yes":
// - on a process instance page the body has the class samverkan-read-only, which styles/user-styles.css
//   uses to hide the variables' edit and delete buttons, the toolbar (add variable, cancel, suspend,
//   modify), task assignment, incident retries and job actions. Allowed: UPDATE or UPDATE_VARIABLE on
//   the instance, or UPDATE_INSTANCE or UPDATE_INSTANCE_VARIABLE on its process definition.
// - on a process definition page the same class hides its toolbar (suspend, …) and the job
//   definitions' actions (suspend, priority) unless the user has UPDATE, SUSPEND, SUSPEND_INSTANCE or
//   UPDATE_INSTANCE on the definition.
// - without READ on every task (Task "*"), the header's "Uppgifter" and the start page's task count
//   are not shown (body class samverkan-no-tasks), and #/tasks leads to the start page without asking
//   the engine for tasks (no error).
// Hiding is for the eye only: the engine and Samverkan's read-only guard still refuse (docs/security.md).
const angular = window.angular;
const engineApi = document.querySelector('base').getAttribute('engine-api');
const READ_ONLY = 'samverkan-read-only';
const NO_TASKS = 'samverkan-no-tasks';

const Resource = {
  PROCESS_DEFINITION: { name: 'ProcessDefinition', type: 6 },
  TASK: { name: 'Task', type: 7 },
  PROCESS_INSTANCE: { name: 'ProcessInstance', type: 8 }
};

let answers = new Map();

function engineUrl(path) {
  const match = window.location.pathname.match(/\/app\/cockpit\/([\w-]+)/);
  return engineApi + 'engine/' + (match ? match[1] : 'default') + '/' + path;
}

function get(path) {
  return fetch(engineUrl(path), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : Promise.reject(response.status)));
}

/** The engine's answer for the logged-in user, asked once per session; "no" when it cannot be asked. */
function authorized(permissionName, resource, resourceId) {
  const query = new URLSearchParams({ permissionName, resourceName: resource.name, resourceType: resource.type });
  if (resourceId) {
    query.set('resourceId', resourceId);
  }
  const path = 'authorization/check?' + query;
  if (!answers.has(path)) {
    answers.set(path, get(path).then(answer => answer.authorized === true).catch(() => false));
  }
  return answers.get(path);
}

function any(checks) {
  return Promise.all(checks).then(results => results.includes(true));
}

function mayReadAllTasks() {
  return authorized('READ', Resource.TASK);
}

function mayModifyInstance(instanceId) {
  const onInstance = [authorized('UPDATE', Resource.PROCESS_INSTANCE, instanceId),
    authorized('UPDATE_VARIABLE', Resource.PROCESS_INSTANCE, instanceId)];
  const onDefinition = get('process-instance/' + encodeURIComponent(instanceId))
    .then(instance => get('process-definition/' + encodeURIComponent(instance.definitionId)))
    .then(definition => any([authorized('UPDATE_INSTANCE', Resource.PROCESS_DEFINITION, definition.key),
      authorized('UPDATE_INSTANCE_VARIABLE', Resource.PROCESS_DEFINITION, definition.key)]))
    .catch(() => false);
  return any([...onInstance, onDefinition]);
}

function mayModifyDefinition(definitionId) {
  return get('process-definition/' + encodeURIComponent(definitionId))
    .then(definition => any(['UPDATE', 'SUSPEND', 'SUSPEND_INSTANCE', 'UPDATE_INSTANCE']
      .map(permission => authorized(permission, Resource.PROCESS_DEFINITION, definition.key))))
    .catch(() => false);
}

/** The page's subject: a process instance or a process definition, whose changes are offered only when allowed. */
function instanceIdOf(path) {
  const instance = (path || '').match(/^\/process-instance\/([^/?#]+)/);
  if (instance) {
    return 'instance:' + decodeURIComponent(instance[1]);
  }
  const definition = (path || '').match(/^\/process-definition\/([^/?#]+)/);
  return definition ? 'definition:' + decodeURIComponent(definition[1]) : null;
}

function isTasksPage(path) {
  return /^\/tasks(\/|$)/.test(path || '');
}

let shownInstance = null;

function showInstance(instanceId) {
  if (instanceId === shownInstance) {
    return;
  }
  shownInstance = instanceId;
  delete document.body.dataset.samverkanCheckedInstance;
  document.body.classList.add(READ_ONLY);
  if (!instanceId) {
    document.body.classList.remove(READ_ONLY);
    return;
  }
  const [kind, id] = [instanceId.substring(0, instanceId.indexOf(':')), instanceId.substring(instanceId.indexOf(':') + 1)];
  (kind === 'instance' ? mayModifyInstance(id) : mayModifyDefinition(id)).then(allowed => {
    if (shownInstance === instanceId) {
      document.body.classList.toggle(READ_ONLY, !allowed);
      // The answer is in (CockpitBrowserIT waits for it).
      document.body.dataset.samverkanCheckedInstance = id;
    }
  });
}

function showTasks() {
  document.body.classList.add(NO_TASKS);
  return mayReadAllTasks().then(allowed => {
    document.body.classList.toggle(NO_TASKS, !allowed);
    return allowed;
  });
}

angular.module('cam.cockpit.custom').run(['$rootScope', '$location', '$route', '$q', 'Views',
  function($rootScope, $location, $route, $q, Views) {
    // The header's "Uppgifter": Cockpit asks a navigation plugin's access function before showing it.
    Views.getProviders({ component: 'cockpit.navigation' }).filter(plugin => plugin.id === 'tasks')
      .forEach(plugin => {
        plugin.access = [() => done => mayReadAllTasks().then(allowed => {
          done(null, allowed);
          $rootScope.$applyAsync();
        })];
      });

    $rootScope.$on('authentication.changed', () => {
      answers = new Map();
      shownInstance = null;
      Views.getProviders({ component: 'cockpit.navigation' }).filter(plugin => plugin.id === 'tasks')
        .forEach(plugin => {
          plugin.accessible = false;
          mayReadAllTasks().then(allowed => {
            plugin.accessible = allowed;
            $rootScope.$applyAsync();
          });
        });
      showTasks();
      showInstance(instanceIdOf($location.path()));
    });

    $rootScope.$on('$routeChangeStart', () => showInstance(instanceIdOf($location.path())));

    // #/tasks waits for the engine's answer (a route's resolve): without READ on every task the page,
    // which would only show the engine's refusal, is not opened and the start page is shown instead.
    Object.keys($route.routes).filter(isTasksPage).forEach(path => {
      const route = $route.routes[path];
      route.resolve = Object.assign({}, route.resolve, {
        samverkanTasksReadable: () => showTasks().then(allowed => allowed || $q.reject(NO_TASKS))
      });
    });
    $rootScope.$on('$routeChangeError', (event, current, previous, reason) => {
      if (reason === NO_TASKS) {
        $location.path('/dashboard').replace();
      }
    });

    showTasks();
  }]);

// Cockpit expects a plugin's default export; this script adds no plugin point of its own.
export default [];
