package se.samverkan.est;

import java.time.LocalDate;

/**
 * Whether people work on a date. Kept this small on purpose: the working-day business calendar
 * (issue 5) can implement it too, and EST then uses that one.
 */
public interface WorkingDays {

  boolean isWorkingDay(LocalDate date);

  default LocalDate onOrAfter(LocalDate date) {
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }
}
