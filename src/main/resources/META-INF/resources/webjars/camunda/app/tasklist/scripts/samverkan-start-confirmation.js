// Samverkan Tasklist plugin: a start is confirmed where the person can read it (issue 17, point 8).
//
// Tasklist 7.24 confirms a started process with "Processen är startad." for three seconds, shown
// while its dialog closes (cam-tasklist-process-start-modal.js: Notifications.addMessage with
// duration 3000), so it is easily missed, and it does not say what was started or where the work
// went. This plugin watches the start itself (POST …/process-definition/<id>/submit-form or /start,
// answered 200 with the new instance) and adds one confirmation through Tasklist's own
// notifications: which process, for which case, and that its first tasks are now with the functions
// that do them, shown for 20 seconds (or until closed) once the dialog is gone, and announced to
// screen readers.
const START = /\/process-definition\/((?:key\/)?[^/?#]+)\/(?:submit-form|start)(?:[?#]|$)/;
const open = XMLHttpRequest.prototype.open;

function injector() {
  if (!window.angular) {
    return null;
  }
  try {
    return window.angular.element(document.body).injector() || null;
  } catch (e) {
    return null;
  }
}

// While the start dialog is open its own notification area takes every message (the last
// registered consumer) and goes with the dialog: add the confirmation once the dialog is gone.
function afterTheDialog() {
  return new Promise(resolve => {
    const started = Date.now();
    (function check() {
      if (!document.querySelector('.modal') || Date.now() - started > 10000) {
        resolve();
      } else {
        setTimeout(check, 100);
      }
    })();
  });
}

function announce(text) {
  let region = document.getElementById('samverkan-start-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'samverkan-start-status';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.appendChild(region);
  }
  region.textContent = text;
}

async function confirm(definitionUrl, instance) {
  let name = '';
  try {
    const answer = await fetch(definitionUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (answer.ok) {
      const definition = await answer.json();
      name = definition.name || definition.key || '';
    }
  } catch (e) {
    // without its name the confirmation still says that it started
  }
  const what = name ? '«' + name + '» är startad' : 'Processen är startad';
  const text = what + (instance && instance.businessKey ? ' (ärende ' + instance.businessKey + ')' : '')
    + '. De första uppgifterna ligger nu hos de funktioner som ska utföra dem; dina egna hittar du under '
    + '«Min funktions uppgifter».';
  await afterTheDialog();
  const angular = injector();
  if (angular) {
    angular.get('$rootScope').$evalAsync(() => angular.get('Notifications').addMessage({
      status: 'Startad', message: text, duration: 20000
    }));
  }
  announce(text);
}

XMLHttpRequest.prototype.open = function(method, url) {
  const match = String(method).toUpperCase() === 'POST' ? String(url).match(START) : null;
  if (match) {
    const definitionUrl = String(url).replace(/\/(?:submit-form|start)(?:[?#].*)?$/, '');
    this.addEventListener('load', () => {
      if (this.status === 200) {
        let instance = null;
        try {
          instance = JSON.parse(this.responseText);
        } catch (e) {
          // an answer without a body: confirm without the case
        }
        confirm(definitionUrl, instance);
      }
    });
  }
  return open.apply(this, arguments);
};

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
