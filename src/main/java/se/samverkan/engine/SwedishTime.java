package se.samverkan.engine;

import java.time.ZoneId;

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

  private SwedishTime() {
  }
}
