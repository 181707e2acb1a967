package se.samverkan.documents;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code samverkan.documents}: how long each kind of document is kept ({@code retention.<kind>}, an
 * ISO period such as {@code P10Y}). A kind the configuration leaves out is kept for the default below.
 */
@ConfigurationProperties("samverkan.documents")
public class DocumentSettings {

  static final Period DEFAULT_RETENTION = Period.ofYears(10);

  private Map<String, Period> retention = new java.util.LinkedHashMap<>();

  public Map<String, Period> getRetention() {
    return retention;
  }

  public void setRetention(Map<String, Period> retention) {
    this.retention = retention;
  }

  /** The retention of a kind, by its id ({@code est-protokoll}) or enum name ({@code est_protokoll}). */
  public Period retentionOf(DocumentKind kind) {
    Period period = retention.get(kind.id());
    if (period == null) {
      period = retention.get(kind.name());
    }
    return period == null ? DEFAULT_RETENTION : period;
  }

  /** Settings with the retention given per kind (tests, the process-test engine). */
  public static DocumentSettings of(Map<DocumentKind, Period> retention) {
    DocumentSettings settings = new DocumentSettings();
    Map<DocumentKind, Period> copy = new EnumMap<>(DocumentKind.class);
    copy.putAll(retention);
    copy.forEach((kind, period) -> settings.retention.put(kind.id(), period));
    return settings;
  }
}
