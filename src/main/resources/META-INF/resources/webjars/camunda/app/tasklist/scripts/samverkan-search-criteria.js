// Samverkan Tasklist plugin: the task search offers the criteria a samordnare uses, in Swedish.
//
// Tasklist 7.24 takes its search criteria from a JSON module inside its bundle (the task search's
// "types": process and case variables, ids of process and case instances, CMMN case definitions,
// tenants, ...), which config.js cannot change. This plugin finds the task search's widget
// ([cam-widget-search], AngularJS) and keeps, in this order: Process (process definition name),
// Steg (the task's name, also what free text searches: a task is named for its case, so "Lycksele"
// or an activity finds it), Förfallodatum (due before/after) and Kommun (a variable of the task,
// preset to kolumnKommun, the copy every task has of its municipality's name; the filter's other
// list column, Lokalpolisområde, is offered as the variable's other name). Nothing about CMMN, no
// ids. The criteria are the widget's own objects, relabelled, so the widget and the query behave as
// in Camunda; English browsers keep Camunda's labels.
const KEEP = ['processDefinitionName', 'name', 'due', 'taskVariables'];
// the widget shows a criterion's id.value as it is: it translated Camunda's keys in place when it linked
const SWEDISH_LABELS = {
  processDefinitionName: 'Process',
  name: 'Steg',
  due: 'Förfallodatum',
  taskVariables: 'Kommun'
};
const MUNICIPALITY_VARIABLE = 'kolumnKommun';
const WIDGET = '[cam-widget-search]';
const curated = new WeakSet();

function isTaskSearch(types) {
  return Array.isArray(types) && types.some(type => type && type.id && type.id.key === 'taskVariables');
}

function swedish(element) {
  try {
    const language = window.angular.element(element).injector().get('$translate').use() || '';
    return language.toLowerCase().startsWith('sv');
  } catch (e) {
    return false;
  }
}

/** Curates the widget's criteria; false while the widget is not yet linked. */
function curate(element) {
  const scope = window.angular && window.angular.element(element).isolateScope();
  if (!scope || !scope.types) {
    return false;
  }
  if (curated.has(scope) || !isTaskSearch(scope.types)) {
    return true;
  }
  curated.add(scope);
  const types = scope.types; // the task search's own array, shared with its controller: changed in place
  const kept = KEEP.map(key => types.find(type => type.id.key === key)).filter(Boolean);
  if (kept.length !== types.length) {
    if (swedish(element)) {
      kept.forEach(type => { type.id.value = SWEDISH_LABELS[type.id.key]; });
    }
    types.splice(0, types.length, ...kept);
  }
  // a new Kommun criterion names its variable itself: only the municipality's name is left to type
  const createSearch = scope.createSearch;
  scope.createSearch = function(type) {
    createSearch.apply(this, arguments);
    const search = scope.searches[scope.searches.length - 1];
    if (type && type.key === 'taskVariables' && search && search.type.value.key === 'taskVariables'
        && !search.name.value) {
      search.name.value = MUNICIPALITY_VARIABLE;
      search.name.inEdit = false;
      search.value.inEdit = true;
    }
  };
  scope.$applyAsync();
  return true;
}

function curateWhenLinked(element, attempt = 0) {
  if (!curate(element) && attempt < 50) {
    setTimeout(() => curateWhenLinked(element, attempt + 1), 100);
  }
}

new MutationObserver(records => {
  for (const record of records) {
    record.addedNodes.forEach(node => {
      if (node.nodeType !== Node.ELEMENT_NODE) {
        return;
      }
      if (node.matches(WIDGET)) {
        curateWhenLinked(node);
      }
      node.querySelectorAll(WIDGET).forEach(element => curateWhenLinked(element));
    });
  }
}).observe(document.documentElement, {subtree: true, childList: true});
document.querySelectorAll(WIDGET).forEach(element => curateWhenLinked(element));

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
