package se.samverkan.est;

/** The styrgrupp's strategic review of EST (processes/est-styrgrupp.bpmn). */
public final class EstReviewProcess {

  public static final String KEY = "est-styrgrupp";

  public static final String START = "Event_ReviewPeriodStarted";
  public static final String PERIOD_END = "Event_PeriodEnded";
  public static final String START_NEXT_REVIEW = "Task_StartNextPeriod";
  public static final String NEXT_REVIEW_STARTED = "Event_NextPeriodStarted";
  public static final String COMPUTE_SUMMARY = "Task_ComputeSummary";
  public static final String REVIEW = "Task_StrategicReview";
  public static final String REVIEWED = "Event_ReviewDone";

  public static final String KOMMUN = "kommun";
  public static final String PERIOD_START = "periodStart";
  public static final String PERIOD_END_AT = "periodSlut";
  public static final String PERIOD_TEXT = "periodText";
  public static final String YEARLY = "arligAnalys";
  public static final String LPO = "lpo";
  public static final String LPO_NAME = "lpoNamn";
  public static final String MUNICIPALITY_NAME = "kommunNamn";

  public static final String MEETINGS_HELD = "antalMoten";
  public static final String MISSING_PER_FUNCTION = "saknadeRapporterPerFunktion";
  public static final String INTERVENTIONS_DECIDED = "insatserBeslutade";
  public static final String INTERVENTIONS_DONE = "insatserGenomforda";
  public static final String RECURRING_PLACES = "aterkommandePlatser";
  public static final String SUMMARY_TEXT = "sammanfattning";
  public static final String PRIORITIES = "prioriteringar";

  private EstReviewProcess() {}
}
