package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.ProcessTestEngine;

class EstScheduleTest {

  static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  EstSchedule schedule = EstTestBeans.schedule(ProcessTestEngine.organisation());

  @Test
  void shouldMeetInLyckseleEveryTuesdayAtNine() {
    assertThat(schedule.nextMeetingAfter("lycksele", at(2026, 12, 2, 10, 0).toInstant()))
        .contains(at(2026, 12, 8, 9, 0));
    assertThat(schedule.nextMeetingAfter("lycksele", at(2026, 12, 8, 9, 0).toInstant()))
        .contains(at(2026, 12, 15, 9, 0));
  }

  @Test
  void shouldMoveAMeetingOnAPublicHolidayToTheNextWorkingDay() {
    // Trettondedag jul 2026 is a Tuesday
    assertThat(schedule.nextMeetingAfter("lycksele", at(2025, 12, 30, 10, 0).toInstant()))
        .contains(at(2026, 1, 7, 9, 0));
    // the Wednesday meeting is still ahead on the holiday itself
    assertThat(schedule.nextMeetingAfter("lycksele", at(2026, 1, 6, 12, 0).toInstant()))
        .contains(at(2026, 1, 7, 9, 0));
    // Kristi himmelsfärd 2026 is Sorsele's Thursday: the meeting moves to Friday
    assertThat(schedule.nextMeetingAfter("sorsele", at(2026, 4, 30, 10, 0).toInstant()))
        .contains(at(2026, 5, 15, 9, 0));
  }

  @Test
  void shouldMeetInSorseleEveryOtherThursday() {
    assertThat(schedule.nextMeetingAfter("sorsele", at(2026, 1, 9, 10, 0).toInstant()))
        .contains(at(2026, 1, 22, 9, 0));
    assertThat(schedule.nextMeetingAfter("sorsele", at(2026, 1, 22, 10, 0).toInstant()))
        .contains(at(2026, 2, 5, 9, 0));
  }

  @Test
  void shouldStartTheCycleAndCloseTheReportsByTheLeadTimes() {
    ZonedDateTime meeting = at(2026, 12, 8, 9, 0);
    assertThat(schedule.cycleStart("lycksele", meeting)).isEqualTo(at(2026, 12, 2, 9, 0));
    assertThat(schedule.reportDeadline("lycksele", meeting)).isEqualTo(at(2026, 12, 7, 9, 0));
    assertThat(schedule.reportDeadline("sorsele", at(2026, 1, 22, 9, 0))).isEqualTo(at(2026, 1, 20, 9, 0));
  }

  @Test
  void shouldUseTheDemoCadenceWhereConfigured() {
    EstSchedule demo = new EstSchedule(ProcessTestEngine.organisation(), se.samverkan.ProcessTestEngine.WORKING_DAYS, new EstSettings(
        null, null, new EstSettings.DemoCadence(Duration.ofMinutes(10), Duration.ofMinutes(9), Duration.ofMinutes(3),
            List.of("lycksele"))));

    ZonedDateTime meeting = demo.nextMeetingAfter("lycksele", at(2026, 12, 2, 10, 4).toInstant()).orElseThrow();
    assertThat(meeting).isEqualTo(at(2026, 12, 2, 10, 10));
    assertThat(demo.cycleStart("lycksele", meeting)).isEqualTo(at(2026, 12, 2, 10, 1));
    assertThat(demo.nextMeetingAfter("sorsele", at(2026, 1, 9, 10, 0).toInstant())).contains(at(2026, 1, 22, 9, 0));
  }

  @Test
  void shouldReviewQuarterlyAndAnalyseDeeperAtTheYearsEnd() {
    EstSchedule.ReviewPeriod q4 = schedule.reviewPeriodOf("lycksele", at(2026, 12, 8, 9, 0).toInstant());
    assertThat(q4.start()).isEqualTo(at(2026, 10, 1, 0, 0));
    assertThat(q4.end()).isEqualTo(at(2027, 1, 1, 0, 0));
    assertThat(q4.closesTheYear()).isTrue();
    assertThat(schedule.reviewPeriodOf("lycksele", at(2026, 5, 2, 9, 0).toInstant()).closesTheYear()).isFalse();
  }

  static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SWEDEN);
  }
}
