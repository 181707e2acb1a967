package se.samverkan.engine;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Resolves ISO 8601 durations on Swedish working days: the day part (P5D, and weeks as five
 * working days each) counts working days, years and months count on the calendar, hours, minutes
 * and seconds count normally. Anything else (a date, a repeating R/… expression) is left to the
 * engine's own calendar.
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

  private static final Pattern DURATION = Pattern.compile(
      "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");

  private final SwedishWorkingDays workingDays;
  private final BusinessCalendar fallback;

  public WorkingDayBusinessCalendar(SwedishWorkingDays workingDays, BusinessCalendar fallback) {
    this.workingDays = workingDays;
    this.fallback = fallback;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Date start) {
    String text = description == null ? "" : description.trim();
    Matcher matcher = DURATION.matcher(text);
    if (text.length() < 2 || !matcher.matches()) {
      return fallback.resolveDuedate(description, start);
    }
    ZonedDateTime time = start.toInstant().atZone(workingDays.zone())
        .plusYears(number(matcher.group(1)))
        .plusMonths(number(matcher.group(2)));
    int days = (int) (5 * number(matcher.group(3)) + number(matcher.group(4)));
    time = ZonedDateTime.of(workingDays.plusWorkingDays(time.toLocalDate(), days), time.toLocalTime(), workingDays.zone());
    Duration clock = Duration.ofHours(number(matcher.group(5))).plusMinutes(number(matcher.group(6)));
    if (matcher.group(7) != null) {
      clock = clock.plusMillis(Math.round(Double.parseDouble(matcher.group(7).replace(',', '.')) * 1000));
    }
    return Date.from(time.plus(clock).toInstant());
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
