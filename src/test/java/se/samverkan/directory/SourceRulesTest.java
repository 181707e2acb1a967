package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;

/** The attack of issue 15: a municipality's directory trying to make someone kommunpolis or admin. */
class SourceRulesTest {

  private static final Organisation ORGANISATION = load();

  private static Organisation load() {
    try (InputStream in = SourceRulesTest.class.getResourceAsStream("/organisation.yaml")) {
      return OrganisationLoader.load(in, "organisation.yaml");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DirectorySettings settings(Map<String, String> functions, List<String> municipalities, List<String> lpos,
      List<String> global, String url, boolean startTls) {
    DirectorySettings.Ldap ldap = new DirectorySettings.Ldap(url, startTls, null, null, "dc=lycksele,dc=se", null, null,
        null, null, null, true, null, null);
    return new DirectorySettings(null, Map.of("lycksele", new DirectorySettings.Source(DirectorySettings.Kind.LDAP,
        "Lycksele kommun", functions, ldap, null, municipalities, lpos, global)));
  }

  @Test
  void shouldAcceptAMunicipalityFillingItsOwnFunctions() {
    DirectorySettings ok = settings(Map.of("samordnare-lycksele", "CN=a", "skola-lycksele", "CN=b",
        "kommunledning-lycksele", "CN=c"), List.of("lycksele"), List.of(), List.of(), "ldaps://dc.lycksele.se", false);
    assertThat(SourceRules.problems(ok, ORGANISATION, true)).isEmpty();
  }

  @Test
  void shouldRefuseAMunicipalityMakingSomeoneKommunpolisOrAdministratorOrAnotherMunicipalitysSamordnare() {
    DirectorySettings attack = settings(Map.of(
            "samordnare-lycksele", "CN=ok",
            "kommunpolis-sodra-lappland", "CN=Poliser",
            "lpochef-sodra-lappland", "CN=Chefer",
            "camunda-admin", "CN=Domain Admins",
            "samordnare-mala", "CN=Grannen",
            "lansstyrelsen", "CN=Lan",
            "hackare-lycksele", "CN=Finns inte"),
        List.of("lycksele"), List.of(), List.of(), "ldaps://dc.lycksele.se", false);
    List<String> problems = SourceRules.problems(attack, ORGANISATION, false);
    assertThat(problems).hasSize(6);
    assertThat(String.join("\n", problems))
        .contains("'kommunpolis-sodra-lappland': den hör till lokalpolisområdet 'sodra-lappland'")
        .contains("'lpochef-sodra-lappland'")
        .contains("'camunda-admin': administratörsgruppen ges aldrig av en katalog")
        .contains("'samordnare-mala': den hör till kommunen 'mala'")
        .contains("'lansstyrelsen': den är gemensam")
        .contains("'hackare-lycksele': funktionen finns inte i organisationen")
        .doesNotContain("'samordnare-lycksele'");
    assertThatThrownBy(() -> SourceRules.check(attack, ORGANISATION, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Samverkan startar inte").hasMessageContaining("kommunpolis-sodra-lappland");
  }

  @Test
  void shouldRefuseTheAdministratorGroupEvenToASourceListingItAsGlobal() {
    DirectorySettings attack = settings(Map.of("camunda-admin", "CN=x"), List.of(), List.of(), List.of("camunda-admin"),
        "ldaps://dc", false);
    assertThat(SourceRules.problems(attack, ORGANISATION, false)).singleElement().asString()
        .contains("administratörsgruppen");
  }

  @Test
  void shouldLetThePoliceDirectoryFillThePoliceFunctions() {
    DirectorySettings police = settings(Map.of("kommunpolis-sodra-lappland", "CN=p", "lpochef-sodra-lappland", "CN=c"),
        List.of(), List.of("sodra-lappland"), List.of(), "ldap://dc.polisen.se", true);
    assertThat(SourceRules.problems(police, ORGANISATION, true)).isEmpty();
  }

  @Test
  void shouldRefusePlainLdapInProduction() {
    DirectorySettings plain = settings(Map.of(), List.of("lycksele"), List.of(), List.of(), "ldap://dc.lycksele.se", false);
    assertThat(SourceRules.problems(plain, ORGANISATION, false)).isEmpty();
    assertThat(SourceRules.problems(plain, ORGANISATION, true)).singleElement().asString()
        .contains("i produktion krävs TLS");
  }

  @Test
  void shouldRefuseUnknownScopesAndMissingSettings() {
    DirectorySettings wrong = settings(Map.of(), List.of("umea"), List.of("norrbotten"), List.of(), null, false);
    assertThat(String.join("\n", SourceRules.problems(wrong, ORGANISATION, false)))
        .contains("kommunen 'umea'", "lokalpolisområdet 'norrbotten'", "ldap.url saknas");
  }

  @Test
  void shouldRefuseAScimSourceWithoutAStrongTokenOrBeyondItsScope() {
    DirectorySettings.Source weak = new DirectorySettings.Source(DirectorySettings.Kind.SCIM, "Lycksele Entra ID",
        Map.of("samordnare-lycksele", "Samverkan Samordnare", "kommunpolis-sodra-lappland", "Samverkan Polis"), null, null,
        List.of("lycksele"), List.of(), List.of(), new DirectorySettings.Scim("kort"));
    DirectorySettings.Source none = new DirectorySettings.Source(DirectorySettings.Kind.SCIM, "Malå Entra ID",
        Map.of("samordnare-mala", "Samverkan Samordnare"), null, null, List.of("mala"), List.of(), List.of(), null);
    String problems = String.join("\n", SourceRules.problems(new DirectorySettings(null, Map.of("lycksele", weak, "mala", none)),
        ORGANISATION, true));
    assertThat(problems).contains("källan 'lycksele': scim.token är 4 tecken, minst 32", "källan 'mala': scim.token saknas",
        "källan 'lycksele' får inte fylla funktionen 'kommunpolis-sodra-lappland'");
    DirectorySettings.Source strong = new DirectorySettings.Source(DirectorySettings.Kind.SCIM, "Lycksele Entra ID",
        Map.of("samordnare-lycksele", "Samverkan Samordnare"), null, null, List.of("lycksele"), List.of(), List.of(),
        new DirectorySettings.Scim("x".repeat(32)));
    assertThat(SourceRules.problems(new DirectorySettings(null, Map.of("lycksele", strong)), ORGANISATION, true)).isEmpty();
    assertThat(strong.scim().toString()).doesNotContain("xxxx");
  }
}
