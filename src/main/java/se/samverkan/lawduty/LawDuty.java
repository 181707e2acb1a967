package se.samverkan.lawduty;

import java.util.Arrays;
import java.util.Optional;

/** The duties of lag (2023:196) om kommuners ansvar för brottsförebyggande arbete. */
public enum LawDuty {
  lagesbild("Lägesbild"),
  atgardsplan("Åtgärdsplan"),
  uppfoljning("Uppföljning"),
  samordningsfunktion("Samordningsfunktion");

  private final String label;

  LawDuty(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<LawDuty> of(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }
}
