// Samverkan Admin plugin: a directory-managed user is read-only here and says where it comes from.
//
// The engine refuses every change to such a user and to the memberships its directory gave (403,
// Swedish message); this script says so before anyone tries. On a user's page (#/users/<id>) it asks
// /samverkan/katalog/anvandare/<id> where the account comes from; for a directory user it shows
// "Hanteras av katalogen <name>" above the page and disables the profile's and the password's
// fields and buttons, the delete button, and the removal of the memberships the directory gave.
// Local accounts (the administrator, service accounts) stay as they are.
const BANNER_ID = 'samverkan-katalog';
let current = null; // {id, answer}

function userIdFromHash() {
  const match = /^#\/users\/([^?/]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

async function sourceOf(id) {
  const response = await fetch('/samverkan/katalog/anvandare/' + encodeURIComponent(id),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

function apply() {
  const id = userIdFromHash();
  const old = document.getElementById(BANNER_ID);
  if (!current || current.id !== id || !current.answer || current.answer.lokal) {
    if (old) {
      old.remove();
    }
    return;
  }
  const view = document.querySelector('.ctn-main .ctn-content, .ctn-content, [ng-view], .ctn-view');
  if (!view) {
    return;
  }
  if (!old) {
    const banner = document.createElement('div');
    banner.id = BANNER_ID;
    banner.className = 'alert alert-info';
    banner.setAttribute('role', 'status');
    banner.textContent = 'Hanteras av katalogen ' + current.answer.hanterasAv
      + '. Namn, e-post, lösenord och funktioner ändras i katalogen; Samverkan hämtar ändringarna vid nästa synkronisering.';
    view.insertBefore(banner, view.firstChild);
  }
  const given = new Set(current.answer.medlemskap || []);
  view.querySelectorAll('form input, form textarea, form select, form button[type="submit"], button.btn-danger')
    .forEach(control => {
      if (!control.disabled) {
        control.disabled = true;
        control.title = 'Hanteras av katalogen ' + current.answer.hanterasAv;
      }
    });
  // the groups tab: a membership the directory gave cannot be removed here
  view.querySelectorAll('table tr').forEach(row => {
    const link = row.querySelector('a[href*="#/groups/"]');
    const groupId = link ? decodeURIComponent(link.getAttribute('href').replace(/.*#\/groups\/([^?/]+).*/, '$1')) : null;
    if (groupId && given.has(groupId)) {
      row.querySelectorAll('a[ng-click], button').forEach(control => {
        control.style.pointerEvents = 'none';
        control.style.opacity = '0.4';
        control.setAttribute('aria-disabled', 'true');
        control.title = 'Medlemskapet kommer från katalogen ' + current.answer.hanterasAv;
      });
    }
  });
}

async function refresh() {
  const id = userIdFromHash();
  if (!id) {
    current = null;
    apply();
    return;
  }
  if (!current || current.id !== id) {
    current = {id, answer: null};
    const answer = await sourceOf(id).catch(() => null);
    if (current && current.id === id) {
      current.answer = answer;
    }
  }
  apply();
}

window.addEventListener('hashchange', refresh);
new MutationObserver(() => {
  if (current && current.answer && !current.answer.lokal) {
    apply();
  }
}).observe(document.documentElement, {childList: true, subtree: true});
refresh();

export default {};
