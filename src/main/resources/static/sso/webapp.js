// Samverkan: single sign-on in Tasklist, Cockpit and Admin (each app's scripts/config.js loads this
// file as a custom script). "Logga ut" of a session opened through an organisation's identity
// provider goes to /sso/utloggning, which ends Samverkan's session and the provider's (OpenID
// Connect RP-initiated logout); Camunda's own logout would end Samverkan's only.
const statusUrl = new URL('status', import.meta.url);
let status = { configured: false, sso: false, local: false, logout: '/sso/utloggning' };

fetch(statusUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : status))
  .then((answer) => { status = answer; })
  .catch(() => {});

document.addEventListener('click', (event) => {
  const link = event.target && event.target.closest && event.target.closest('li.logout a');
  if (!link || !status.sso) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  window.location.assign(new URL('utloggning', statusUrl));
}, true);
