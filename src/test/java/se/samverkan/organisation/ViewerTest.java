package se.samverkan.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;

class ViewerTest {

  private static Organisation organisation;

  @BeforeAll
  static void loadTheShippedOrganisation() throws Exception {
    try (InputStream in = ViewerTest.class.getResourceAsStream("/organisation.yaml")) {
      organisation = OrganisationLoader.load(in, "organisation.yaml");
    }
  }

  private static Viewer viewer(String kommun, String... groups) {
    return Viewer.of(organisation, List.of(groups), kommun);
  }

  @Test
  void shouldLetTheMunicipalitysOwnFunctionsSeeEverything() {
    assertThat(viewer("lycksele", "kommunledning-lycksele")).isEqualTo(Viewer.OWN);
    assertThat(viewer("lycksele", "samordnare-lycksele")).isEqualTo(Viewer.OWN);
    assertThat(viewer("lycksele", "skola-lycksele")).isEqualTo(Viewer.OWN);
    assertThat(Viewer.OWN.seesDetails()).isTrue();
  }

  @Test
  void shouldLetTheLposPoliceSeeItsMunicipalitiesFully() {
    assertThat(viewer("lycksele", "kommunpolis-sodra-lappland")).isEqualTo(Viewer.POLICE);
    assertThat(viewer("dorotea", "lpochef-sodra-lappland")).isEqualTo(Viewer.POLICE);
    assertThat(Viewer.POLICE.seesDetails()).isTrue();
  }

  @Test
  void shouldGiveAnotherMunicipalityOfTheLpoCountsOnly() {
    Viewer peer = viewer("lycksele", "samordnare-mala", "skola-mala");
    assertThat(peer).isEqualTo(Viewer.PEER);
    assertThat(peer.seesDetails()).isFalse();
    assertThat(peer.seesAnything()).isTrue();
  }

  @Test
  void shouldPreferTheHighestLevelOfAllGroups() {
    assertThat(viewer("mala", "samordnare-lycksele", "samordnare-mala")).isEqualTo(Viewer.OWN);
    assertThat(viewer("mala", "samordnare-lycksele", "kommunpolis-sodra-lappland")).isEqualTo(Viewer.POLICE);
  }

  @Test
  void shouldShowNothingToTheProcessOwnerUnknownGroupsOrUnknownMunicipalities() {
    assertThat(viewer("lycksele", "processagare")).isEqualTo(Viewer.NONE);
    assertThat(viewer("lycksele", "camunda-admin", "kommunledning-umea")).isEqualTo(Viewer.NONE);
    assertThat(viewer("lycksele")).isEqualTo(Viewer.NONE);
    assertThat(viewer("umea", "kommunledning-lycksele", "kommunpolis-sodra-lappland")).isEqualTo(Viewer.NONE);
    assertThat(Viewer.NONE.seesAnything()).isFalse();
  }
}
