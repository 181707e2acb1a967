// Samverkan: overrides Camunda's admin/scripts/config.js from the webjar (same path on the classpath).
export default {
  app: {
    name: 'Administration',
    vendor: 'Samverkan'
  },
  // Swedish for Swedish browsers (navigator.languages[0] == sv / sv-SE), English otherwise.
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'en'
  },
  // Admin plugins (scripts/<name>.js, loaded as modules): a directory-managed user is read-only and
  // says which directory it comes from (docs/directory-demo-and-login.md); a user's groups and
  // tenants are shown again however the dialog that added some was closed (samverkan-memberships);
  // '../../../sso/webapp' (/sso/webapp.js): "Logga ut" also ends the identity provider's session
  // (docs/single-sign-on.md). One list: a second customScripts key would replace the first.
  customScripts: ['scripts/samverkan-katalog', 'scripts/samverkan-memberships', '../../../sso/webapp'],
  // Moment formats; the Swedish long date formats themselves are in locales/sv.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'dddd D MMMM YYYY [kl.] HH:mm',
    short: 'YYYY-MM-DD'
  }
};
