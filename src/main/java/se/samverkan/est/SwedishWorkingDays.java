package se.samverkan.est;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday except Swedish public holidays (and midsommar-, jul- and nyårsafton) per jollyday. */
public class SwedishWorkingDays implements WorkingDays {

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));

  @Override
  public boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(date);
  }
}
