package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;

/**
 * Whom a function may start a process for (StartValidation#covers), with two LPOs: the demo has
 * one, so a samordnare's own LPO and another one cannot both be shown through it.
 */
class StartCoverageTest {

  static final Organisation TWO_LPOS = OrganisationLoader.load(new ByteArrayInputStream("""
      functions:
        kommunpolis: {name: Kommunpolis, scope: lpo, starts: [samverkansprocess]}
        samordnare: {name: Samordnare, scope: kommun, starts: [samverkansprocess]}
        processagare: {name: Processägare, scope: global}
      lpos:
        - slug: sodra-lappland
          name: Södra Lappland
          municipalities:
            - {slug: lycksele, name: Lycksele}
            - {slug: mala, name: Malå}
        - slug: skelleftea-norsjo
          name: Skellefteå-Norsjö
          municipalities:
            - {slug: skelleftea, name: Skellefteå}
            - {slug: norsjo, name: Norsjö}
      """.getBytes(StandardCharsets.UTF_8)), "tva-lpo.yaml");

  @Test
  void shouldLetASamordnareStartForItsOwnLpoButNotForAnother() {
    assertThat(covers("samordnare-mala", null, "sodra-lappland")).isTrue();
    assertThat(covers("samordnare-mala", null, "skelleftea-norsjo")).isFalse();
    assertThat(covers("samordnare-norsjo", null, "sodra-lappland")).isFalse();
  }

  @Test
  void shouldLetASamordnareStartOnlyForItsOwnMunicipality() {
    assertThat(covers("samordnare-mala", "mala", null)).isTrue();
    assertThat(covers("samordnare-mala", "lycksele", null)).isFalse();
    assertThat(covers("samordnare-mala", "skelleftea", null)).isFalse();
  }

  @Test
  void shouldLetThePoliceActForEveryMunicipalityOfTheirLpoOnly() {
    assertThat(covers("kommunpolis-sodra-lappland", "lycksele", null)).isTrue();
    assertThat(covers("kommunpolis-sodra-lappland", "mala", null)).isTrue();
    assertThat(covers("kommunpolis-sodra-lappland", null, "sodra-lappland")).isTrue();
    assertThat(covers("kommunpolis-sodra-lappland", "norsjo", null)).isFalse();
    assertThat(covers("kommunpolis-sodra-lappland", null, "skelleftea-norsjo")).isFalse();
  }

  @Test
  void shouldLetAGlobalFunctionStartForNoMunicipalityOrLpo() {
    assertThat(covers("processagare", "lycksele", null)).isFalse();
    assertThat(covers("processagare", null, "sodra-lappland")).isFalse();
  }

  private static boolean covers(String groupId, String kommun, String lpo) {
    Optional<Municipality> municipality = Optional.ofNullable(kommun).flatMap(TWO_LPOS::municipality);
    Optional<Lpo> area = Optional.ofNullable(lpo).flatMap(TWO_LPOS::lpo);
    return StartValidation.covers(TWO_LPOS, TWO_LPOS.function(groupId).orElseThrow(), municipality, area);
  }
}
