// Samverkan Tasklist plugin: "Slutför" stays usable on a Camunda Form with a dynamic list.
//
// Tasklist 7.24 disables "Slutför" whenever form-js's "changed" event carries any error entry
// (cam-tasklist-form-camunda.js: notifyFormValidated(!!Object.keys(evt.errors).length)). form-js
// 1.8.7 records a valid field of a dynamic list row as an empty entry: Form._update sets
// errors[fieldId][row] = undefined, which min-dash's set turns into errors[fieldId] = [], so one
// keystroke in a list disables "Slutför" for good; only "Spara" (form.submit(), which validates
// afresh) cleared it. Fixed in form-js 1.21.3 (bpmn-io/form-js#1494), which Tasklist 7.24 does not get.
//
// This plugin gives the form's controller (camTasklistForm, AngularJS) a notifyFormValidated that
// decides "invalid" by the errors the form shows (form-js marks a field with an error message
// .fjs-has-errors), once form-js has rendered the change. A completion still validates every field
// in form-js and on the server; a form that failed to load stays uncompletable.
const CAMUNDA_FORM = '[cam-tasklist-form-camunda] .fjs-container';
const patched = new WeakSet();

function showsErrors(host) {
  return !!host.querySelector(CAMUNDA_FORM + ' .fjs-has-errors');
}

function patch(container) {
  const host = container.closest('[cam-tasklist-form]');
  if (!host || !window.angular) {
    return;
  }
  const controller = window.angular.element(host).controller('camTasklistForm');
  if (!controller || patched.has(controller) || typeof controller.notifyFormValidated !== 'function') {
    return;
  }
  patched.add(controller);
  const notifyFormValidated = controller.notifyFormValidated;
  controller.notifyFormValidated = function(invalid) {
    const form = controller.getTasklistForm && controller.getTasklistForm();
    if (!invalid || (form && form.$error) || !host.querySelector(CAMUNDA_FORM)) {
      return notifyFormValidated.call(this, invalid);
    }
    notifyFormValidated.call(this, showsErrors(host));
    // Preact renders the change after the event: decide again from what is then shown.
    setTimeout(() => notifyFormValidated.call(controller, showsErrors(host)), 0);
  };
}

new MutationObserver(records => {
  for (const record of records) {
    record.addedNodes.forEach(node => {
      if (node.nodeType !== Node.ELEMENT_NODE) {
        return;
      }
      if (node.matches('.fjs-container')) {
        patch(node);
      }
      node.querySelectorAll('.fjs-container').forEach(patch);
    });
  }
}).observe(document.documentElement, {subtree: true, childList: true});

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
