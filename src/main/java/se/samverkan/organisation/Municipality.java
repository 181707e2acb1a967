package se.samverkan.organisation;

import java.util.List;

/** A municipality (kommun) with its slug, display name and EST settings. */
public record Municipality(String slug, String name, Est est) {

  public Municipality {
    est = est == null ? new Est(List.of()) : est;
  }

  /**
   * The municipality's EST group: which actor functions take part, and when it meets. Every field
   * but {@code actors} is optional; without a {@code cadence} no cycle starts by itself.
   *
   * @param cadence when the EST group meets; null: no automatic cycles
   * @param leadTime ISO duration: how long before a meeting its cycle starts (default P6D)
   * @param reportsDue ISO duration: how long before a meeting the actors' reports are due (default P1D)
   * @param paused true: no new cycle starts until it is resumed (running cycles continue)
   * @param reviewEvery ISO period of the styrgrupp's strategic review (default P3M, quarterly)
   */
  public record Est(List<String> actors, Cadence cadence, String leadTime, String reportsDue, Boolean paused,
      String reviewEvery) {

    public static final String DEFAULT_LEAD_TIME = "P6D";
    public static final String DEFAULT_REPORTS_DUE = "P1D";
    public static final String DEFAULT_REVIEW_EVERY = "P3M";

    public Est {
      actors = actors == null ? List.of() : List.copyOf(actors);
      leadTime = leadTime == null ? DEFAULT_LEAD_TIME : leadTime;
      reportsDue = reportsDue == null ? DEFAULT_REPORTS_DUE : reportsDue;
      paused = paused != null && paused;
      reviewEvery = reviewEvery == null ? DEFAULT_REVIEW_EVERY : reviewEvery;
    }

    public Est(List<String> actors) {
      this(actors, null, null, null, null, null);
    }

    public boolean isPaused() {
      return paused;
    }
  }

  /**
   * When an EST group meets, in Swedish time: e.g. every Tuesday 09:00, or every other Thursday
   * (week parity from {@code anchor}, a date of one of the meetings).
   *
   * @param every {@code weekly} or {@code biweekly}
   * @param weekday monday … friday (English, lowercase)
   * @param time HH:mm
   * @param anchor ISO date of one meeting, needed for biweekly; default 2026-01-01's week
   */
  public record Cadence(String every, String weekday, String time, String anchor) {}
}
