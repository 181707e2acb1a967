// Samverkan Cockpit plugin: a diagram opens readable, on the part that matters (issue 17, point 10).
//
// Cockpit 7.24 fits the whole diagram into its panel (canvas.zoom('fit-viewport')). Samverkan's
// models are wide (the samverkansprocess, the EST cycle): fitted, their texts are too small to read
// and the current step sits somewhere at the edge. When the fitted diagram would be smaller than
// READABLE, this plugin shows it at READABLE instead: on a case's page (#/process-instance/<id>)
// centred on the steps that are active now (the engine's activity instances), on a process's page
// at the start of the model. A diagram the person has moved or zoomed (Cockpit keeps that as
// ?viewbox= in the address) is left as it is; "fit" in the diagram's controls still shows it whole.
const READABLE = 0.8;
const handled = new WeakSet();

function viewer(element) {
  try {
    const scope = window.angular.element(element).isolateScope();
    return scope && scope.control && typeof scope.control.getViewer === 'function' ? scope.control.getViewer() : null;
  } catch (e) {
    return null;
  }
}

function processInstanceId() {
  const match = (window.location.hash || '').match(/^#\/process-instance\/([^/?]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function movedByThePerson() {
  return /[?&]viewbox=/.test(window.location.hash || '');
}

async function activeActivities(instanceId) {
  try {
    const answer = await fetch('/camunda/api/engine/engine/default/process-instance/' + encodeURIComponent(instanceId)
      + '/activity-instances', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!answer.ok) {
      return [];
    }
    const ids = new Set();
    (function walk(node) {
      const children = node.childActivityInstances || [];
      const transitions = node.childTransitionInstances || [];
      transitions.forEach(t => ids.add(String(t.activityId).replace('#multiInstanceBody', '')));
      if (!children.length && !transitions.length && node.activityType !== 'processDefinition') {
        ids.add(String(node.activityId).replace('#multiInstanceBody', ''));
      }
      children.forEach(walk);
    })(await answer.json());
    return Array.from(ids);
  } catch (e) {
    return [];
  }
}

function show(bpmn, activityIds) {
  const canvas = bpmn.get('canvas');
  const registry = bpmn.get('elementRegistry');
  const size = canvas.getSize();
  const inner = canvas.viewbox().inner;
  if (!size.width || !size.height || !inner.width || !inner.height) {
    return;
  }
  const fitted = Math.min(size.width / inner.width, size.height / inner.height);
  if (fitted >= READABLE) {
    return; // readable as a whole
  }
  const width = size.width / READABLE;
  const height = size.height / READABLE;
  const active = activityIds.map(id => registry.get(id)).filter(e => e && typeof e.width === 'number');
  let centreX;
  let centreY;
  if (active.length) {
    const left = Math.min(...active.map(e => e.x));
    const top = Math.min(...active.map(e => e.y));
    const right = Math.max(...active.map(e => e.x + e.width));
    const bottom = Math.max(...active.map(e => e.y + e.height));
    centreX = (left + right) / 2;
    centreY = (top + bottom) / 2;
  } else {
    centreX = inner.x + width / 2 - 20;
    centreY = inner.y + inner.height / 2;
  }
  canvas.viewbox({x: centreX - width / 2, y: centreY - height / 2, width: width, height: height});
}

async function arrange(element) {
  const bpmn = viewer(element);
  if (!bpmn || handled.has(bpmn)) {
    return;
  }
  const registry = bpmn.get('elementRegistry');
  if (registry.getAll().length < 2) {
    return; // not imported yet
  }
  handled.add(bpmn);
  const instanceId = movedByThePerson() ? null : processInstanceId();
  const ids = instanceId ? await activeActivities(instanceId) : [];
  // after Cockpit's own fit, which runs when the import is done
  setTimeout(() => {
    if (!movedByThePerson()) {
      show(bpmn, ids);
    }
    // done, whether it changed the view or not (the browser tests wait for it)
    element.dataset.samverkanArranged = 'true';
  }, 0);
}

new MutationObserver(() => {
  if (!window.angular) {
    return;
  }
  document.querySelectorAll('[cam-widget-bpmn-viewer]').forEach(element => {
    if (element.querySelector('.djs-container')) {
      arrange(element);
    }
  });
}).observe(document.documentElement, {subtree: true, childList: true});

export default [];
