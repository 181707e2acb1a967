package se.samverkan.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fixed document without its bytes: what a list shows and what decides who may read it. Its
 * {@code sha256} is null while its PDF is still being rendered ({@link #rendered()}).
 */
public record DocumentInfo(
    String id,
    DocumentKind kind,
    String title,
    String kommun,
    String lpo,
    String processInstanceId,
    String businessKey,
    String step,
    Instant createdAt,
    LocalDate retainUntil,
    String fileName,
    String sha256,
    String diarienummer) {

  /** Whether its PDF is stored; {@link Documents} renders it before anyone reads it. */
  public boolean rendered() {
    return sha256 != null;
  }

  /** The Swedish name of its kind, e.g. "Samverkansöverenskommelse". */
  public String kindLabel() {
    return kind.label();
  }
}
