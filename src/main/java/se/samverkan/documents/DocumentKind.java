package se.samverkan.documents;

import java.util.Arrays;
import java.util.Optional;

/** The documents Samverkan fixes, each with its Swedish name, who may read it and its retention key. */
public enum DocumentKind {
  samverkansoverenskommelse("Samverkansöverenskommelse", Audience.SIGNED),
  medborgarlofte("Medborgarlöfte", Audience.SIGNED),
  uppfoljning_medborgarlofte("Årlig uppföljning av medborgarlöftet", Audience.SIGNED),
  est_protokoll("Protokoll från EST-möte", Audience.DETAILS),
  styrgrupp_rapport("Styrgruppens kvartalsrapport om EST", Audience.DETAILS);

  private final String label;
  private final Audience audience;

  DocumentKind(String label, Audience audience) {
    this.label = label;
    this.audience = audience;
  }

  public String label() {
    return label;
  }

  public Audience audience() {
    return audience;
  }

  /** The kind as a model names it ({@code ${documents.fix(execution, 'est-protokoll')}}) and in file names. */
  public String id() {
    return name().replace('_', '-');
  }

  public static Optional<DocumentKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }

  /**
   * Who may read a document, by the audience table of docs/security.md. {@code SIGNED}: what was
   * signed or published, for every function of the LPO (police, each municipality) and the county's
   * länsstyrelsen. {@code DETAILS}: EST places and texts, for the municipality's own functions and the
   * LPO's police only.
   */
  public enum Audience { SIGNED, DETAILS }
}
