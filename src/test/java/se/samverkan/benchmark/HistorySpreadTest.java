package se.samverkan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The benchmark's bulk history is spread over all municipalities, not kept in its templates'. */
class HistorySpreadTest {

  private final HistoryBulkLoader.Spread national = new HistoryBulkLoader.Spread(10, 290, 90);

  @Test
  void copiesOfTheTemplatesCoverEveryMunicipalityEvenly() {
    Map<Integer, Integer> copiesPerMunicipality = new TreeMap<>();
    int copies = 2_900;
    for (int template = 0; template < 10; template++) {
      for (int copy = 1; copy <= copies; copy++) {
        copiesPerMunicipality.merge(national.target(template, copy), 1, Integer::sum);
      }
    }
    assertThat(copiesPerMunicipality).hasSize(290);
    assertThat(copiesPerMunicipality.values()).containsOnly(100);
  }

  @Test
  void theFirstCopyStaysInItsTemplatesMunicipality() {
    assertThat(national.target(3, 1)).isEqualTo(3);
    assertThat(national.target(3, 2)).isEqualTo(13);
    assertThat(national.target(9, 30)).as("29 copies later, a full round").isEqualTo(9);
  }

  @Test
  void slugsOfTheTemplateBecomeTheCopysMunicipalityAndPoliceArea() {
    // kommun-004 (index 3) is in lpo-04; copy 2 is kommun-014 (index 13), in lpo-14
    String value = "{\"kommun\":\"kommun-004\",\"grupp\":\"kommunpolis-lpo-04\",\"namn\":\"Kommun 4\"}";
    assertThat(national.rewrite(value, 3, 2))
        .isEqualTo("{\"kommun\":\"kommun-014\",\"grupp\":\"kommunpolis-lpo-14\",\"namn\":\"Kommun 4\"}");
    assertThat(national.rewrite("samordnare-kommun-004", 3, 1)).isEqualTo("samordnare-kommun-004");
  }

  @Test
  void aSerializedValueKeepsItsOtherBytesAndItsLength() {
    byte[] serialized = {(byte) 0xac, (byte) 0xed, 0, 5, 't', 0, 10, 'k', 'o', 'm', 'm', 'u', 'n', '-', '0', '0', '4',
        (byte) 0xc3, (byte) 0xa5, '\\'};
    byte[] copied = national.rewrite(serialized, 3, 2);
    assertThat(copied).hasSameSizeAs(serialized);
    assertThat(new String(copied, 7, 10, StandardCharsets.US_ASCII)).isEqualTo("kommun-014");
    assertThat(copied).startsWith((byte) 0xac, (byte) 0xed, (byte) 0, (byte) 5, (byte) 't', (byte) 0, (byte) 10)
        .endsWith((byte) 0xc3, (byte) 0xa5, (byte) '\\');
  }

  @Test
  void slugsWiderThanTheirFixedWidthAreRefused() {
    assertThatThrownBy(() -> new HistoryBulkLoader.Spread(10, 1_000, 90)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryBulkLoader.Spread(10, 290, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}
