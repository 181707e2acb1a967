package se.samverkan.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrganisationLoaderTest {

  static Organisation demo() {
    return OrganisationLoader.load(
        OrganisationLoaderTest.class.getResourceAsStream("/organisation.yaml"), "organisation.yaml");
  }

  @Test
  void shouldDeclareSodraLapplandWithSevenMunicipalities() {
    Organisation organisation = demo();

    assertThat(organisation.lpos()).extracting(Lpo::slug).containsExactly("sodra-lappland");
    assertThat(organisation.municipalities()).extracting(Municipality::slug)
        .containsExactly("lycksele", "mala", "sorsele", "storuman", "vilhelmina", "asele", "dorotea");
    assertThat(organisation.municipality("asele")).map(Municipality::name).contains("Åsele");
  }

  @Test
  void shouldDeriveTheFunctionGroupsOfTheDomain() {
    assertThat(demo().allFunctions()).extracting(OrganisationFunction::groupId)
        .contains("kommunpolis-sodra-lappland", "lpochef-sodra-lappland", "samordnare-lycksele",
            "kommunledning-storuman", "socialtjanst-lycksele", "bostadsbolag-vilhelmina", "processagare",
            "lansstyrelsen")
        .doesNotHaveDuplicates()
        .doesNotContain("bostadsbolag-dorotea");
    assertThat(demo().function("samordnare-mala")).map(OrganisationFunction::name)
        .contains("Brottsförebyggande samordnare, Malå");
  }

  @Test
  void shouldEscalateEachFunctionToItsTargetInTheSameScope() {
    Organisation organisation = demo();

    assertThat(organisation.escalationTargetOf("samordnare-lycksele"))
        .map(OrganisationFunction::groupId).contains("kommunledning-lycksele");
    assertThat(organisation.escalationTargetOf("kommunpolis-sodra-lappland"))
        .map(OrganisationFunction::groupId).contains("lpochef-sodra-lappland");
    assertThat(organisation.escalationTargetOf("skola-sorsele"))
        .map(OrganisationFunction::groupId).contains("samordnare-sorsele");
    assertThat(organisation.escalationTargetOf("kommunledning-lycksele")).isEmpty();
    assertThat(organisation.escalationTargetOf("okand-grupp")).isEmpty();
  }

  @Test
  void shouldGiveEachFunctionItsScopeAndEstActorsTheirMunicipality() {
    Organisation organisation = demo();

    assertThat(organisation.scopeOf(organisation.function("kommunpolis-sodra-lappland").orElseThrow()))
        .isEqualTo(FunctionScope.lpo);
    assertThat(organisation.scopeOf(organisation.function("samordnare-lycksele").orElseThrow()))
        .isEqualTo(FunctionScope.kommun);
    assertThat(organisation.scopeOf(organisation.function("processagare").orElseThrow()))
        .isEqualTo(FunctionScope.global);
    assertThat(organisation.scopeOf(organisation.function("skola-sorsele").orElseThrow()))
        .isEqualTo(FunctionScope.kommun);
  }

  @Test
  void shouldNameFileAndLineOfASyntaxError() {
    String yaml = """
        functions:
          samordnare:
            name: Samordnare
            scope: kommun
            favouriteColour: blue
        """;

    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("test.yaml, rad 5")
        .hasMessageContaining("favouriteColour");
  }

  @Test
  void shouldListEveryProblemOfAnInconsistentFile() {
    String yaml = """
        functions:
          samordnare: {name: Samordnare, scope: kommun, escalatesTo: chef}
        estActors: {skola: Skola}
        estActorsEscalateTo: samordnare
        lpos:
          - slug: Södra Lappland
            name: Södra Lappland
            municipalities:
              - {slug: lycksele, name: Lycksele, est: {actors: [skola, polis]}}
              - {slug: lycksele, name: Lycksele igen}
        """;

    assertThatThrownBy(() -> load(yaml))
        .hasMessageContaining("escalatesTo pekar på okänd funktion chef")
        .hasMessageContaining("'Södra Lappland' är ingen giltig id")
        .hasMessageContaining("okänd EST-aktör polis")
        .hasMessageContaining("sluggen lycksele förekommer mer än en gång");
  }

  @Test
  void shouldSayWhichProcessesEachFunctionStarts() {
    Organisation organisation = demo();

    assertThat(organisation.functions().get("samordnare").starts()).containsExactly("samverkansprocess");
    assertThat(organisation.functions().get("kommunpolis").starts()).containsExactly("samverkansprocess");
    assertThat(organisation.functions().get("kommunledning").starts()).isEmpty();
    assertThat(organisation.functions().get("processagare").starts()).isEmpty();
  }

  @Test
  void shouldExplainThatStartsProcessesIsNowAListOfProcesses() {
    String yaml = """
        functions:
          samordnare:
            name: Samordnare
            scope: kommun
            startsProcesses: true
        """;

    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("test.yaml, rad 5")
        .hasMessageContaining("starts: [samverkansprocess]");
  }

  @Test
  void shouldRefuseToListAProcessSamverkanStartsItselfOrAMalformedKey() {
    String yaml = """
        functions:
          samordnare: {name: Samordnare, scope: kommun, starts: [samverkansprocess, overlamning, est-cykel, "två ord", samverkansprocess]}
        """;

    assertThatThrownBy(() -> load(yaml))
        .hasMessageContaining("starts overlamning går inte, den processen startar Samverkan själv")
        .hasMessageContaining("starts est-cykel går inte")
        .hasMessageContaining("'två ord' är ingen processnyckel")
        .hasMessageContaining("nämner samverkansprocess mer än en gång");
  }

  private static Organisation load(String yaml) {
    return OrganisationLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
