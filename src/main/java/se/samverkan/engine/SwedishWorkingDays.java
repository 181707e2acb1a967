package se.samverkan.engine;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Swedish working days: Monday to Friday except the Swedish holidays of Jollyday's calendar "se".
 * That calendar includes midsommarafton, julafton and nyårsafton, which are not public holidays by
 * law but days nobody works in a Swedish municipality or police area (WorkingDayCalendarTest
 * guards that they stay in it).
 */
public class SwedishWorkingDays implements WorkingDays {

  private final CompletableFuture<HolidayManager> holidays;
  private final ZoneId zone;

  public SwedishWorkingDays(ZoneId zone) {
    this.zone = zone;
    // Jollyday reads its calendar's XML in about half a second: that happens beside the rest of the
    // application's startup, and the first question about a day waits for it.
    this.holidays = CompletableFuture.supplyAsync(() -> {
      HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
      manager.isHoliday(LocalDate.now(zone));
      return manager;
    });
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays().isHoliday(date);
  }

  private HolidayManager holidays() {
    try {
      return holidays.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The {@code count}-th working day after {@code date} ({@code date} itself never counts). */
  public LocalDate plusWorkingDays(LocalDate date, int count) {
    LocalDate result = date;
    int remaining = count;
    while (remaining > 0) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        remaining--;
      }
    }
    return result;
  }
}
