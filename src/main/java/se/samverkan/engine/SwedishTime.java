package se.samverkan.engine;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Swedish time, the one time zone of Samverkan's code: dates of form fields and process variables,
 * end of day of promise activities, the defaults of samverkan.calendar.time-zone (working days,
 * timers, the staffing report) and samverkan.est.zone (EST meetings) when the configuration lacks
 * them. The configuration (application.yaml) may still set another zone for the calendar and EST.
 */
public final class SwedishTime {

  /** The zone's id, usable in annotations ({@code @Value} defaults). */
  public static final String ZONE_ID = "Europe/Stockholm";

  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private static final DateTimeFormatter SPELLED_OUT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));

  /** A time as people read it in a task or a mail: "tisdag 3 mars 2026 kl. 09:00". */
  public static String spelledOut(ZonedDateTime time) {
    return SPELLED_OUT.format(time);
  }

  private SwedishTime() {
  }
}
