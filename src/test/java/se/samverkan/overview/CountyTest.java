package se.samverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;
import se.samverkan.organisation.Viewer;

/** Länsstyrelsen follows up the municipalities of its own county (län), counts only. */
class CountyTest {

  private static Organisation twoCounties(String lansstyrelsenLan) {
    String yaml = """
        functions:
          kommunpolis:
            name: Kommunpolis
            scope: lpo
          samordnare:
            name: Brottsförebyggande samordnare
            scope: kommun
          lansstyrelsen:
            name: Länsstyrelsen
            scope: global
            readsAll: true
            lan: %s
        lpos:
          - slug: sodra-lappland
            name: Södra Lappland
            lan: vasterbotten
            municipalities:
              - {slug: lycksele, name: Lycksele}
              - {slug: mala, name: Malå}
          - slug: norra-norrbotten
            name: Norra Norrbotten
            lan: norrbotten
            municipalities:
              - {slug: kiruna, name: Kiruna}
        """.formatted(lansstyrelsenLan);
    InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    return OrganisationLoader.load(in, "organisation.yaml");
  }

  @Test
  void shouldReadTheCountyOfEachMunicipalityFromItsLpo() {
    Organisation organisation = twoCounties("vasterbotten");
    assertThat(organisation.countyOf("lycksele")).contains("vasterbotten");
    assertThat(organisation.countyOf("mala")).contains("vasterbotten");
    assertThat(organisation.countyOf("kiruna")).contains("norrbotten");
    assertThat(organisation.countyOf("umea")).isEmpty();
    assertThat(organisation.countyOfFunction("lansstyrelsen")).contains("vasterbotten");
  }

  @Test
  void shouldLetLansstyrelsenSeeCountsOfItsOwnCountyOnly() {
    Organisation organisation = twoCounties("vasterbotten");
    List<String> lansstyrelsen = List.of("lansstyrelsen");
    assertThat(Viewer.of(organisation, lansstyrelsen, "lycksele")).isEqualTo(Viewer.COUNTY);
    assertThat(Viewer.of(organisation, lansstyrelsen, "mala")).isEqualTo(Viewer.COUNTY);
    assertThat(Viewer.of(organisation, lansstyrelsen, "kiruna")).isEqualTo(Viewer.NONE);
    assertThat(Viewer.COUNTY.seesDetails()).isFalse();
  }

  @Test
  void shouldRefuseACountyThatIsNoSlug() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> twoCounties("Västerbotten"))
        .hasMessageContaining("län 'Västerbotten'");
  }

  @Test
  void shouldFollowTheCountyTheFileNames() {
    Organisation organisation = twoCounties("norrbotten");
    assertThat(Viewer.of(organisation, List.of("lansstyrelsen"), "kiruna")).isEqualTo(Viewer.COUNTY);
    assertThat(Viewer.of(organisation, List.of("lansstyrelsen"), "lycksele")).isEqualTo(Viewer.NONE);
  }

  @Test
  void shouldGiveTheShippedLansstyrelsenEveryMunicipalityOfSodraLappland() throws Exception {
    Organisation organisation;
    try (InputStream in = CountyTest.class.getResourceAsStream("/organisation.yaml")) {
      organisation = OrganisationLoader.load(in, "organisation.yaml");
    }
    assertThat(organisation.municipalities()).isNotEmpty();
    organisation.municipalities().forEach(m ->
        assertThat(Viewer.of(organisation, List.of("lansstyrelsen"), m.slug())).as(m.slug()).isEqualTo(Viewer.COUNTY));
  }
}
