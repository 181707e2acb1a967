// Samverkan Admin plugin: a user's groups (and tenants) are shown again after the dialog that added
// some, however it was closed.
//
// Admin 7.24 reloads the user's groups only when its "Lägg till i en grupp" dialog is closed with
// "OK" (userEdit.js: dialog.result.then(result => result === 'SUCCESS' && callback())). Closed with
// Escape, the ×, or a click beside it after the groups were added, the page went on saying
// "… är inte med i någon grupp." This plugin asks the page to load its lists again whenever a
// dialog on a user's page goes away.
function userPage() {
  return /^#\/users\/[^?/]+/.test(window.location.hash || '');
}

function reload() {
  if (!window.angular) {
    return;
  }
  const content = document.querySelector('[cam-widget-loader]') || document.querySelector('.ctn-content');
  let scope = content ? window.angular.element(content).scope() : null;
  while (scope && typeof scope.loadGroups !== 'function') {
    scope = scope.$parent;
  }
  if (!scope) {
    return;
  }
  scope.$evalAsync(() => {
    scope.loadGroups();
    if (typeof scope.loadTenants === 'function') {
      scope.loadTenants();
    }
  });
}

new MutationObserver(records => {
  if (!userPage()) {
    return;
  }
  for (const record of records) {
    for (const node of record.removedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && (node.matches('.modal') || node.querySelector('.modal'))) {
        // after Admin's own callback (if any) has run
        setTimeout(reload, 0);
        return;
      }
    }
  }
}).observe(document.documentElement, {childList: true, subtree: true});

export default {};
