package se.samverkan.engine;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Makes the engine count due dates ("dueDate") and timer durations ("duration") on Swedish
 * working days; repeating cycles keep the engine's calendar. One of the plugins of
 * se.samverkan.startup.EngineWiring (the application's and the process tests' engine alike).
 */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  private final SwedishWorkingDays workingDays;

  public WorkingDayCalendarPlugin(SwedishWorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(workingDays, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(workingDays, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
