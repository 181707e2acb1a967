// Samverkan Tasklist plugin: "Spara" saves the form's draft for the task on the server, for every
// holder of the function, kept through a handover (docs/webapps.md, "Utkast").
//
// Tasklist 7.24 saves a Camunda Form's values only in this browser's localStorage, under
// "camunda-form:<task id>", and reads them back once, when the form's directive is linked
// (cam-tasklist-form-camunda.js: savedState), which happens after Tasklist has fetched the task's
// form key (GET …/task/<id>/form). So this plugin
//  - holds that request back until it has fetched the task's server draft
//    (GET /samverkan/api/uppgifter/<id>/utkast) and put it under that key (or removed a stale one),
//    so the form opens with the draft whoever saved it;
//  - sends every save Tasklist makes under that key to the server (PUT), with the session's CSRF
//    token as Tasklist's own changes carry it; a save the server could not take stays in the
//    browser, marked, and is sent again the next time the task is opened;
//  - shows above the form who saved the draft and when ("Utkast sparat av … kl. …"), or why it
//    could not be saved.
const KEY = 'camunda-form:';
const UNSENT = 'samverkan-utkast-osparat:';
const FORM_KEY_REQUEST = /\/task\/([^/?#]+)\/form(?:[?#]|$)/;
const storage = window.localStorage;
const setItem = Storage.prototype.setItem;
const removeItem = Storage.prototype.removeItem;
const notices = new Map();

function root() {
  // the application's context path: everything before /<webapp path>/app/tasklist/
  return window.location.pathname.replace(/\/[^/]+\/app\/tasklist\/.*$/, '');
}

function draftUrl(taskId) {
  return root() + '/samverkan/api/uppgifter/' + encodeURIComponent(taskId) + '/utkast';
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function currentTaskId() {
  const match = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function showNotice(taskId, text, problem) {
  notices.set(taskId, {text: text, problem: problem});
  render();
}

function render() {
  const taskId = currentTaskId();
  const host = document.querySelector('[cam-tasklist-form]');
  if (!host || !taskId) {
    return;
  }
  let element = host.parentNode.querySelector('.samverkan-utkast');
  const notice = notices.get(taskId);
  if (!notice) {
    if (element) {
      element.remove();
    }
    return;
  }
  if (!element) {
    element = document.createElement('p');
    element.className = 'samverkan-utkast';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    host.parentNode.insertBefore(element, host);
  }
  if (element.textContent !== notice.text) {
    element.textContent = notice.text; // only on a change: the observer below sees every change
  }
  element.classList.toggle('samverkan-utkast-problem', !!notice.problem);
}

async function send(taskId, values) {
  try {
    const answer = await fetch(draftUrl(taskId), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
      body: JSON.stringify({varden: values})
    });
    const body = await answer.json().catch(() => ({}));
    if (answer.ok) {
      removeItem.call(storage, UNSENT + taskId);
      showNotice(taskId, body.meddelande, false);
      return true;
    }
    setItem.call(storage, UNSENT + taskId, '1');
    showNotice(taskId, 'Utkastet sparades bara i den här webbläsaren: ' + (body.message || 'servern svarade ' + answer.status)
      + ' Det skickas igen nästa gång du öppnar uppgiften.', true);
  } catch (e) {
    setItem.call(storage, UNSENT + taskId, '1');
    showNotice(taskId, 'Utkastet sparades bara i den här webbläsaren: servern kunde inte nås. '
      + 'Det skickas igen nästa gång du öppnar uppgiften.', true);
  }
  return false;
}

// Before the form opens: the server's draft under Tasklist's key (or this browser's unsent one sent first).
async function prepare(taskId) {
  const local = storage.getItem(KEY + taskId);
  if (local && storage.getItem(UNSENT + taskId)) {
    try {
      if (await send(taskId, JSON.parse(local))) {
        return;
      }
    } catch (e) {
      // an unreadable local draft: the server's wins
    }
  }
  try {
    const answer = await fetch(draftUrl(taskId), {credentials: 'same-origin'});
    if (!answer.ok) {
      return; // no access or not logged in: Tasklist shows the task's own answer
    }
    const body = await answer.json();
    if (body.finns) {
      setItem.call(storage, KEY + taskId, JSON.stringify(body.varden || {}));
      showNotice(taskId, body.meddelande, false);
    } else {
      removeItem.call(storage, KEY + taskId);
      notices.delete(taskId);
    }
  } catch (e) {
    // the server cannot be reached: the form opens with what this browser has
  }
}

const open = XMLHttpRequest.prototype.open;
const sendRequest = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function(method, url) {
  this.samverkanFormKeyOf = String(method).toUpperCase() === 'GET' ? (String(url).match(FORM_KEY_REQUEST) || [])[1] : null;
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function() {
  const taskId = this.samverkanFormKeyOf;
  if (!taskId) {
    return sendRequest.apply(this, arguments);
  }
  const request = this;
  const args = arguments;
  prepare(decodeURIComponent(taskId)).finally(() => sendRequest.apply(request, args));
};

Storage.prototype.setItem = function(key, value) {
  setItem.call(this, key, value);
  if (this === storage && typeof key === 'string' && key.indexOf(KEY) === 0) {
    let values;
    try {
      values = JSON.parse(value);
    } catch (e) {
      return;
    }
    send(key.substring(KEY.length), values);
  }
};

new MutationObserver(() => render()).observe(document.documentElement, {subtree: true, childList: true});
window.addEventListener('hashchange', render);

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
