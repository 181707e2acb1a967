package se.samverkan.engine;

import java.time.LocalDate;

/** Whether people work on a date: what EST's meeting schedule needs of the working-day calendar. */
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
