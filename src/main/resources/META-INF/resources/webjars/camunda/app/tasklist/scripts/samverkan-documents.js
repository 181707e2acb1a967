// Samverkan Tasklist plugin: above the open task's form, links to the documents its case has fixed
// (docs/documents.md), e.g. on "Publicera medborgarlöftena" the medborgarlöfte to publish. The list
// comes from GET /samverkan/api/dokument?processInstanceId=… on the webapps' session, which answers
// only the documents the person may read; a link opens /samverkan/dokument/<id> (the PDF/A).
const loaded = new Map();

function webapp() {
  // everything before /app/tasklist/: the context path and the webapps' path
  return window.location.pathname.replace(/\/app\/tasklist\/.*$/, '');
}

function root() {
  return window.location.pathname.replace(/\/[^/]+\/app\/tasklist\/.*$/, '');
}

function engineName() {
  const match = window.location.pathname.match(/\/app\/tasklist\/([^/]+)\//);
  return match ? match[1] : 'default';
}

function currentTaskId() {
  const match = (window.location.hash || '').match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function documentsOf(taskId) {
  if (loaded.has(taskId)) {
    return loaded.get(taskId);
  }
  const promise = (async () => {
    const task = await fetch(webapp() + '/api/engine/engine/' + encodeURIComponent(engineName()) + '/task/'
        + encodeURIComponent(taskId), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!task.ok) {
      return [];
    }
    const processInstanceId = (await task.json()).processInstanceId;
    if (!processInstanceId) {
      return [];
    }
    const answer = await fetch(root() + '/samverkan/api/dokument?processInstanceId=' + encodeURIComponent(processInstanceId),
        {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    return answer.ok ? answer.json() : [];
  })().catch(() => []);
  loaded.set(taskId, promise);
  return promise;
}

let rendering = null;

async function render() {
  const taskId = currentTaskId();
  const host = document.querySelector('[cam-tasklist-form]');
  if (!host || !taskId) {
    return;
  }
  let element = host.parentNode.querySelector('.samverkan-dokument');
  if (element && element.dataset.task === taskId) {
    return;
  }
  if (rendering === taskId) {
    return;
  }
  rendering = taskId;
  try {
    const documents = await documentsOf(taskId);
    if (currentTaskId() !== taskId) {
      return;
    }
    element = host.parentNode.querySelector('.samverkan-dokument');
    if (element) {
      element.remove();
    }
    if (!documents.length) {
      return;
    }
    element = document.createElement('nav');
    element.className = 'samverkan-dokument';
    element.dataset.task = taskId;
    element.setAttribute('aria-label', 'Dokument');
    const heading = document.createElement('h4');
    heading.textContent = 'Dokument';
    element.appendChild(heading);
    const list = document.createElement('ul');
    for (const doc of documents) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = root() + '/samverkan/dokument/' + encodeURIComponent(doc.id);
      link.textContent = doc.titel + ' (PDF)';
      link.setAttribute('download', doc.filnamn);
      item.appendChild(link);
      if (doc.diarienummer) {
        item.appendChild(document.createTextNode(' – diarienummer ' + doc.diarienummer));
      }
      list.appendChild(item);
    }
    element.appendChild(list);
    host.parentNode.insertBefore(element, host);
  } finally {
    rendering = null;
  }
}

new MutationObserver(() => render()).observe(document.documentElement, {subtree: true, childList: true});
window.addEventListener('hashchange', render);

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
