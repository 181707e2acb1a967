// Samverkan: overrides Camunda's cockpit/scripts/config.js from the webjar (same path on the classpath).
export default {
  // Single sign-on: "Logga ut" also ends the identity provider's session (/sso/webapp.js, docs/single-sign-on.md).
  // scripts/samverkan-permissions.js: no modifying actions and no task dashboard for whom the engine refuses them;
  // scripts/samverkan-values.js: dates as dateFormat below (Cockpit itself ignores it), no 'null' (docs/webapps.md).
  customScripts: ['scripts/samverkan-permissions', 'scripts/samverkan-values', 'scripts/samverkan-diagram', '../../../sso/webapp'],
  app: {
    name: 'Översikt',
    vendor: 'Samverkan'
  },
  // Swedish for Swedish browsers (navigator.languages[0] == sv / sv-SE), English otherwise.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },
  // Moment formats (applied by scripts/samverkan-values.js); the Swedish long date formats themselves are in locales/sv.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd D MMMM YYYY [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },
  // Process owners look at processes, not at engine internals: no welcome message about Camunda.
  disableWelcomeMessage: true
};
