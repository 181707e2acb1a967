package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private final SwedishWorkingDays workingDays = new SwedishWorkingDays(STOCKHOLM);
  private final WorkingDayBusinessCalendar calendar = new WorkingDayBusinessCalendar(workingDays, new DueDateBusinessCalendar());

  @Test
  void shouldTreatMidsommaraftonJulaftonAndNyarsaftonAsNonWorkingDays() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 6, 19))).as("midsommarafton 2026").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 24))).as("julafton 2026").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 31))).as("nyårsafton 2026").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 6, 25))).as("midsommarafton 2027").isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 6, 18))).as("the Thursday before").isTrue();
  }

  @Test
  void shouldSkipEasterWhenCountingWorkingDays() {
    // Maundy Thursday 2026-04-02; Good Friday and Easter Monday are holidays
    assertThat(resolve("P1D", at(2026, 4, 2, 10, 0))).isEqualTo(at(2026, 4, 7, 10, 0));
    assertThat(resolve("P5D", at(2026, 3, 31, 10, 0))).isEqualTo(at(2026, 4, 9, 10, 0));
  }

  @Test
  void shouldSkipMidsommar() {
    assertThat(resolve("P1D", at(2026, 6, 18, 9, 0))).isEqualTo(at(2026, 6, 22, 9, 0));
  }

  @Test
  void shouldSkipChristmasAndTheNewYear() {
    // 24, 25, 26 December, the weekend, 31 December and 1 January, then Epiphany on 6 January 2027
    assertThat(resolve("P3D", at(2026, 12, 23, 8, 0))).isEqualTo(at(2026, 12, 30, 8, 0));
    assertThat(resolve("P4D", at(2026, 12, 23, 8, 0))).isEqualTo(at(2027, 1, 4, 8, 0));
    assertThat(resolve("P6D", at(2026, 12, 23, 8, 0))).isEqualTo(at(2027, 1, 7, 8, 0));
  }

  @Test
  void shouldStartCountingOnTheNextWorkingDayFromAWeekend() {
    assertThat(resolve("P1D", at(2026, 11, 28, 12, 0))).as("Saturday").isEqualTo(at(2026, 11, 30, 12, 0));
  }

  @Test
  void shouldCountAWeekAsFiveWorkingDays() {
    assertThat(resolve("P1W", at(2026, 3, 31, 10, 0))).isEqualTo(at(2026, 4, 9, 10, 0));
  }

  @Test
  void shouldCountHoursAndMinutesNormally() {
    assertThat(resolve("PT4H30M", at(2026, 4, 3, 10, 0))).as("on Good Friday").isEqualTo(at(2026, 4, 3, 14, 30));
    assertThat(resolve("P1DT2H", at(2026, 4, 2, 10, 0))).isEqualTo(at(2026, 4, 7, 12, 0));
  }

  @Test
  void shouldKeepTheLocalTimeAcrossTheChangeToSummerTime() {
    // Sunday 2026-03-29 the clocks go forward in Sweden
    assertThat(resolve("P1D", at(2026, 3, 27, 10, 0))).isEqualTo(at(2026, 3, 30, 10, 0));
  }

  @Test
  void shouldLeaveDatesToTheEngineCalendar() {
    assertThat(calendar.resolveDuedate("2026-05-04T10:00:00+02:00", at(2026, 4, 1, 0, 0)))
        .isEqualTo(at(2026, 5, 4, 10, 0));
  }

  private Date resolve(String duration, Date start) {
    return calendar.resolveDuedate(duration, start);
  }

  private static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(STOCKHOLM).toInstant());
  }
}
