// Samverkan: overrides Camunda's welcome/scripts/config.js from the webjar (same path on the classpath).
export default {
  // Single sign-on: "Logga ut" also ends the identity provider's session (/sso/webapp.js, docs/single-sign-on.md).
  // "Läget" in the header (/samverkan/samverkan-laget-link.js, docs/overview.md).
  customScripts: ['../../../sso/webapp', '../../../samverkan/samverkan-laget-link'],
  app: {
    name: 'Start',
    vendor: 'Samverkan'
  },
  // Samverkan's own pages: Läget (what each person's functions allow) and, for the process owner, moving
  // running cases to a new model version (others who open it get a Swedish refusal).
  links: [
    {
      label: 'Läget',
      href: '/samverkan/laget',
      description: 'Var samverkan står per lokalpolisområde och kommun: överenskommelsen, medborgarlöftena, EST, lagens krav och bemanningen'
    },
    {
      label: 'Modellversioner',
      href: '/samverkan/modellversioner',
      description: 'För processägaren: hur många ärenden som körs på vilken version, och flytt till den senaste'
    }
  ],
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
  }
};
