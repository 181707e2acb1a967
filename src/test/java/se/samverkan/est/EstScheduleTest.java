package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
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

  /** The demo profile's own settings: at every minute of a day some meeting's reports are being collected. */
  @Test
  void shouldKeepAReportCollectionOpenAtAnyTimeInTheDemo() throws IOException {
    var demoProfile = new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yaml")).get(0);
    EstSettings settings = new Binder(ConfigurationPropertySources.from(demoProfile))
        .bind("samverkan.est", EstSettings.class).get();
    EstSchedule demo = new EstSchedule(ProcessTestEngine.organisation(), ProcessTestEngine.WORKING_DAYS, settings);

    ZonedDateTime midnight = at(2026, 12, 2, 0, 0);
    for (int minute = 0; minute < 24 * 60; minute++) {
      Instant now = midnight.plusMinutes(minute).toInstant();
      // the scheduler starts the next meeting's cycle; that cycle's timer starts the one after it
      ZonedDateTime next = demo.nextMeetingAfter("lycksele", now).orElseThrow();
      ZonedDateTime afterIt = demo.nextMeetingAfter("lycksele", next.toInstant()).orElseThrow();
      boolean open = Stream.of(next, afterIt).anyMatch(meeting ->
          !demo.cycleStart("lycksele", meeting).toInstant().isAfter(now)
              && demo.reportDeadline("lycksele", meeting).toInstant().isAfter(now));
      assertThat(open).as("a collection open at %s", midnight.plusMinutes(minute)).isTrue();
    }
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
