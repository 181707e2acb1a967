package se.samverkan.est;

import se.samverkan.engine.WorkingDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;

/**
 * When each municipality's EST group meets, when its cycles start and when reports are due,
 * from the organisation file's cadence. A meeting on a day off moves to the next working day.
 */
public class EstSchedule {

  private static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2026, 1, 1);

  private final Organisation organisation;
  private final WorkingDays workingDays;
  private final EstSettings settings;

  public EstSchedule(Organisation organisation, WorkingDays workingDays, EstSettings settings) {
    this.organisation = organisation;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  public EstSettings settings() {
    return settings;
  }

  public boolean hasCadence(String kommun) {
    return demo(kommun).isPresent() || est(kommun).cadence() != null;
  }

  /** The first meeting after {@code after}; empty when the municipality has no cadence. */
  public Optional<ZonedDateTime> nextMeetingAfter(String kommun, Instant after) {
    Optional<EstSettings.DemoCadence> demo = demo(kommun);
    if (demo.isPresent()) {
      long step = demo.get().interval().toMillis();
      long next = (after.toEpochMilli() / step + 1) * step;
      return Optional.of(Instant.ofEpochMilli(next).atZone(settings.zoneId()));
    }
    Municipality.Cadence cadence = est(kommun).cadence();
    if (cadence == null) {
      return Optional.empty();
    }
    DayOfWeek weekday = DayOfWeek.valueOf(cadence.weekday().toUpperCase(Locale.ROOT));
    LocalTime time = LocalTime.parse(cadence.time());
    int everyWeeks = "biweekly".equals(cadence.every()) ? 2 : 1;
    LocalDate anchor = cadence.anchor() == null ? DEFAULT_ANCHOR : LocalDate.parse(cadence.anchor());
    LocalDate anchorWeek = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    LocalDate regular = LocalDate.ofInstant(after, settings.zoneId())
        .minusDays(7).with(TemporalAdjusters.nextOrSame(weekday));
    long weeks = ChronoUnit.WEEKS.between(anchorWeek, regular.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    regular = regular.plusWeeks(Math.floorMod(-weeks, everyWeeks));
    while (true) {
      ZonedDateTime meeting = workingDays.onOrAfter(regular).atTime(time).atZone(settings.zoneId());
      if (meeting.toInstant().isAfter(after)) {
        return Optional.of(meeting);
      }
      regular = regular.plusWeeks(everyWeeks);
    }
  }

  /** When the cycle of a meeting starts: the actors' report tasks appear. */
  public ZonedDateTime cycleStart(String kommun, ZonedDateTime meeting) {
    return meeting.minus(demo(kommun).map(EstSettings.DemoCadence::leadTime)
        .orElseGet(() -> Duration.parse(est(kommun).leadTime())));
  }

  public ZonedDateTime reportDeadline(String kommun, ZonedDateTime meeting) {
    return meeting.minus(demo(kommun).map(EstSettings.DemoCadence::reportsDue)
        .orElseGet(() -> Duration.parse(est(kommun).reportsDue())));
  }

  /** The review period containing {@code at}: quarters (or the configured period) aligned to the year. */
  public ReviewPeriod reviewPeriodOf(String kommun, Instant at) {
    Period every = Period.parse(est(kommun).reviewEvery());
    int months = (int) Math.max(1, every.toTotalMonths());
    LocalDate day = LocalDate.ofInstant(at, settings.zoneId());
    int index = (day.getMonthValue() - 1) / months;
    LocalDate start = LocalDate.of(day.getYear(), 1, 1).plusMonths((long) index * months);
    LocalDate end = start.plusMonths(months);
    return new ReviewPeriod(start.atStartOfDay(settings.zoneId()), end.atStartOfDay(settings.zoneId()));
  }

  private Municipality.Est est(String kommun) {
    return organisation.municipality(kommun)
        .orElseThrow(() -> new IllegalArgumentException("Okänd kommun: " + kommun))
        .est();
  }

  private Optional<EstSettings.DemoCadence> demo(String kommun) {
    return Optional.ofNullable(settings.demoCadence()).filter(d -> d.appliesTo(kommun));
  }

  /** A review period [start, end); the one ending with the year is the deeper yearly analysis. */
  public record ReviewPeriod(ZonedDateTime start, ZonedDateTime end) {
    public boolean closesTheYear() {
      return end.getDayOfYear() == 1;
    }
  }
}
