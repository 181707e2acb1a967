// Samverkan: overrides Camunda's tasklist/scripts/config.js from the webjar (same path on the classpath).
export default {
  app: {
    name: 'Uppgifter',
    vendor: 'Samverkan'
  },
  // Swedish for Swedish browsers (navigator.languages[0] == sv / sv-SE), English otherwise.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },
  // Moment formats; the Swedish long date formats themselves are in locales/sv.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd D MMMM YYYY [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  },
  // Tasklist plugins (scripts/<name>.js, loaded as modules): Camunda Forms with a dynamic list can be
  // completed without "Spara" first, form-js's own fixed texts are Swedish, "Spara" saves the draft on
  // the server for the task (samverkan-drafts), a start is confirmed (samverkan-start-confirmation);
  // docs/webapps.md. 'scripts/samverkan-search-criteria': the task search offers Process, Steg,
  // Förfallodatum and Kommun (Tasklist's criteria are in its bundle, not in this file). 'scripts/samverkan-documents':
  // links above the form to the documents (PDF/A) the task's case has fixed (docs/documents.md).
  // '../../../sso/webapp' (/sso/webapp.js): "Logga ut" also ends the identity provider's session (docs/single-sign-on.md).
  // '../../../samverkan/samverkan-laget-link' (/samverkan/samverkan-laget-link.js): "Läget" in the header (docs/overview.md).
  customScripts: ['scripts/samverkan-form-completion', 'scripts/samverkan-form-texts', 'scripts/samverkan-drafts',
    'scripts/samverkan-start-confirmation', 'scripts/samverkan-search-criteria', 'scripts/samverkan-documents',
    '../../../sso/webapp', '../../../samverkan/samverkan-laget-link'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'tar den valda uppgiften' },
    focusFilter: { key: 'ctrl+shift+f', description: 'går till första filtret' },
    focusList: { key: 'ctrl+alt+l', description: 'går till första uppgiften i listan' },
    focusForm: { key: 'ctrl+alt+f', description: 'går till första fältet i formuläret' },
    startProcess: { key: 'ctrl+alt+p', description: 'öppnar dialogen för att starta en process' }
  }
};
