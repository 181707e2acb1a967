package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFileException;
import se.samverkan.organisation.OrganisationLoader;

class EstOrganisationFileTest {

  static final String FILE = """
      functions:
        samordnare: {name: Samordnare, scope: kommun}
      estActors:
        skola: Skola
      estActorsEscalateTo: samordnare
      lpos:
        - slug: sodra-lappland
          name: Södra Lappland
          municipalities:
            - slug: lycksele
              name: Lycksele
              est:
                actors: [skola]
      %s
      """;

  @Test
  void shouldKeepAFileWithoutCadenceValidWithDefaults() {
    Municipality.Est est = load().municipality("lycksele").orElseThrow().est();

    assertThat(est.cadence()).isNull();
    assertThat(est.leadTime()).isEqualTo("P6D");
    assertThat(est.reportsDue()).isEqualTo("P1D");
    assertThat(est.isPaused()).isFalse();
    assertThat(est.reviewEvery()).isEqualTo("P3M");
  }

  @Test
  void shouldReadTheCadence() {
    Municipality.Est est = load(
        "cadence: {every: biweekly, weekday: thursday, time: \"09:00\", anchor: 2026-01-08}",
        "paused: true").municipality("lycksele").orElseThrow().est();

    assertThat(est.cadence()).isEqualTo(new Municipality.Cadence("biweekly", "thursday", "09:00", "2026-01-08"));
    assertThat(est.isPaused()).isTrue();
  }

  @Test
  void shouldExplainAWrongCadenceInSwedish() {
    assertThatThrownBy(() -> load("cadence: {every: monthly, weekday: tisdag, time: \"9.00\"}", "reportsDue: P7D"))
        .isInstanceOf(OrganisationFileException.class)
        .hasMessageContaining("cadence.every ska vara weekly eller biweekly, inte monthly")
        .hasMessageContaining("cadence.weekday ska vara monday … sunday, inte tisdag")
        .hasMessageContaining("cadence.time ska vara en tid som 09:00, inte 9.00")
        .hasMessageContaining("reportsDue måste vara kortare än leadTime");
  }

  static Organisation load(String... estLines) {
    StringBuilder lines = new StringBuilder();
    for (String line : estLines) {
      lines.append("          ").append(line).append("\n");
    }
    String yaml = FILE.formatted(lines);
    return OrganisationLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
