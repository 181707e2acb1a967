package se.samverkan.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.samverkan.organisation.FunctionScope;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * What the directory settings must satisfy before Samverkan starts: every function a source maps
 * is a function of the organisation, never Camunda's administrator group, and lies within what the
 * source may fill ({@code municipalities}, {@code lpos}, {@code globalFunctions}), so that a
 * municipality's directory can never make anyone kommunpolis, länsstyrelsen or administrator. In
 * {@code prod} every LDAP source uses TLS (ldaps:// or StartTLS); every SCIM source has a bearer token
 * of at least 32 characters.
 */
final class SourceRules {

  static final String ADMIN_GROUP = "camunda-admin";
  private static final String SOURCE_ID = "[a-z0-9][a-z0-9_-]{0,63}";
  static final int MIN_SCIM_TOKEN_LENGTH = 32;

  private SourceRules() {}

  /** Throws with every problem, in Swedish and English, when the settings break a rule. */
  static void check(DirectorySettings settings, Organisation organisation, boolean production) {
    List<String> problems = problems(settings, organisation, production);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Samverkan startar inte: katalogkällorna (samverkan.directory.sources) är felaktiga / "
          + "Refusing to start: the directory sources are invalid:\n- " + String.join("\n- ", problems));
    }
  }

  static List<String> problems(DirectorySettings settings, Organisation organisation, boolean production) {
    List<String> problems = new ArrayList<>();
    settings.sources().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      String id = entry.getKey();
      DirectorySettings.Source source = entry.getValue();
      if (!id.matches(SOURCE_ID)) {
        problems.add("källan '" + id + "': id ska vara små bokstäver a-z, siffror, - och _, högst 64 tecken");
      }
      for (String municipality : source.municipalities()) {
        if (organisation.municipality(municipality).isEmpty()) {
          problems.add("källan '" + id + "': kommunen '" + municipality + "' (municipalities) finns inte i organisationen");
        }
      }
      for (String lpo : source.lpos()) {
        if (organisation.lpo(lpo).isEmpty()) {
          problems.add("källan '" + id + "': lokalpolisområdet '" + lpo + "' (lpos) finns inte i organisationen");
        }
      }
      source.functions().keySet().stream().sorted().forEach(groupId -> {
        String refusal = refusal(groupId, source, organisation);
        if (refusal != null) {
          problems.add("källan '" + id + "' får inte fylla funktionen '" + groupId + "': " + refusal);
        }
      });
      if (source.kind() == DirectorySettings.Kind.SCIM) {
        String token = source.scim() == null ? null : source.scim().token();
        if (token == null || token.isBlank()) {
          problems.add("källan '" + id + "': scim.token saknas (den hemliga token som leverantörens provisionering skickar)");
        } else if (token.strip().length() < MIN_SCIM_TOKEN_LENGTH) {
          problems.add("källan '" + id + "': scim.token är " + token.strip().length() + " tecken, minst "
              + MIN_SCIM_TOKEN_LENGTH + " krävs (t.ex. openssl rand -base64 48)");
        }
        if (source.ldap() != null) {
          problems.add("källan '" + id + "': en SCIM-källa har ingen ldap-del (leverantören skickar till Samverkan)");
        }
      }
      if (source.kind() == DirectorySettings.Kind.LDAP) {
        DirectorySettings.Ldap ldap = source.ldap();
        if (ldap == null || ldap.url() == null || ldap.url().isBlank()) {
          problems.add("källan '" + id + "': ldap.url saknas");
        } else if (!ldap.url().matches("(?i)ldaps?://.+")) {
          problems.add("källan '" + id + "': ldap.url ska börja med ldap:// eller ldaps://");
        } else if (production && !ldap.usesTls()) {
          problems.add("källan '" + id + "': i produktion krävs TLS (ldaps:// eller ldap.start-tls: true), inte " + ldap.url()
              + " / TLS is required in production");
        }
        if (ldap != null && (ldap.userBase() == null || ldap.userBase().isBlank())) {
          problems.add("källan '" + id + "': ldap.user-base saknas");
        }
        if (ldap != null && (ldap.pageSize() < 1 || ldap.timeout().isNegative() || ldap.timeout().isZero())) {
          problems.add("källan '" + id + "': ldap.page-size och ldap.timeout ska vara större än noll");
        }
      }
    });
    return problems;
  }

  /** Why a source may not fill a function, or null when it may. */
  static String refusal(String groupId, DirectorySettings.Source source, Organisation organisation) {
    if (ADMIN_GROUP.equals(groupId)) {
      return "administratörsgruppen ges aldrig av en katalog";
    }
    OrganisationFunction function = organisation.function(groupId).orElse(null);
    if (function == null) {
      return "funktionen finns inte i organisationen";
    }
    FunctionScope scope = organisation.scopeOf(function);
    return switch (scope) {
      case kommun -> source.municipalities().contains(function.scopeSlug()) ? null
          : "den hör till kommunen '" + function.scopeSlug() + "', som inte står under municipalities";
      case lpo -> source.lpos().contains(function.scopeSlug()) ? null
          : "den hör till lokalpolisområdet '" + function.scopeSlug() + "', som inte står under lpos";
      case global -> source.globalFunctions().contains(groupId) ? null
          : "den är gemensam för hela organisationen och står inte under global-functions";
    };
  }
}
