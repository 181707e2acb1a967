package se.samverkan.est;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.samverkan.engine.SwedishTime;

/**
 * Operator settings of EST ({@code samverkan.est.*}); the cadence itself lives in the organisation file.
 *
 * @param zone the time zone of meetings (default Swedish time, SwedishTime)
 * @param schedulerOnStartup whether the scheduler starts missing cycles and reviews at startup
 * @param demoCadence demo only: a short cadence instead of the organisation file's, so a cycle arrives within minutes
 */
@ConfigurationProperties("samverkan.est")
public record EstSettings(String zone, Boolean schedulerOnStartup, DemoCadence demoCadence) {

  public EstSettings {
    zone = zone == null ? SwedishTime.ZONE_ID : zone;
    schedulerOnStartup = schedulerOnStartup == null || schedulerOnStartup;
  }

  public static EstSettings defaults() {
    return new EstSettings(null, null, null);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /**
   * Meetings every {@code interval} (aligned to the clock, no holiday moves) for the listed
   * municipalities (all when empty); the cycle starts {@code leadTime} before, reports are due
   * {@code reportsDue} before.
   */
  public record DemoCadence(Duration interval, Duration leadTime, Duration reportsDue, List<String> municipalities) {
    public DemoCadence {
      municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    boolean appliesTo(String kommun) {
      return interval != null && (municipalities.isEmpty() || municipalities.contains(kommun));
    }
  }
}
