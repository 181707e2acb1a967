package se.samverkan.engine;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Swedish working days: Monday to Friday except the Swedish holidays of Jollyday's calendar "se".
 * That calendar includes midsommarafton, julafton and nyårsafton, which are not public holidays by
 * law but days nobody works in a Swedish municipality or police area (WorkingDayCalendarTest
 * guards that they stay in it).
 */
public class SwedishWorkingDays implements WorkingDays {

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
  private final ZoneId zone;

  public SwedishWorkingDays(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
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
