package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The weekly staffing report schedules itself where the report is (handover, no longer from
 * notification's Schedules): a StaffingReport bean, once scheduling is on, runs at
 * samverkan.staffing-report.cron in samverkan.calendar.time-zone.
 */
class StaffingReportScheduleTest {

  @Configuration
  @EnableScheduling
  static class WithScheduling {
    @Bean
    StaffingReport staffingReport() {
      return new StaffingReport(null, null, null, null);
    }
  }

  @Test
  void shouldScheduleTheStaffingReportAtItsCron() {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
          "samverkan.staffing-report.cron", "0 0 7 * * MON", "samverkan.calendar.time-zone", "Europe/Stockholm")));
      context.register(WithScheduling.class);
      context.refresh();

      assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
          .flatMap(holder -> holder.getScheduledTasks().stream()).map(ScheduledTask::getTask))
          .filteredOn(CronTask.class::isInstance).map(task -> ((CronTask) task).getExpression() + " " + task)
          .singleElement().asString().startsWith("0 0 7 * * MON").contains("StaffingReport.scheduled");
    }
  }
}
