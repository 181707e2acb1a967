package se.samverkan.handover;

/** The process {@code overlamning}: key, element ids, variables. */
public final class Overlamning {

  public static final String PROCESS_KEY = "overlamning";
  public static final String TASK_TAKE_OVER_WORK = "Task_TakeOverWork";
  public static final String TASK_STAFF_FUNCTION = "Task_StaffFunction";
  public static final String EVENT_FUNCTION_STAFFED = "Event_FunctionStaffed";
  public static final String MESSAGE_FUNCTION_STAFFED = "FunktionBemannad";

  public static final String REASON = "anledning";
  public static final String REASON_PERSON_LEFT = "lamnat";
  public static final String REASON_VACANT = "vakans";
  public static final String FUNCTION = "funktion";
  public static final String FUNCTION_NAME = "funktionNamn";
  public static final String ESCALATION_TARGET = "eskaleringsmottagare";
  /** Who the vacancy went to, in Swedish, with the vacant functions passed over (VacancyTarget). */
  public static final String ESCALATION_TARGET_NAME = "eskaleringsmottagareNamn";
  public static final String LEAVER = "lamnare";
  public static final String LEAVER_NAME = "lamnareNamn";
  public static final String OPEN_WORK = "oppetArbete";
  public static final String LEAVER_NOTE = "lamnarensAnteckning";

  private Overlamning() {}

  /** One handover per person and function while it is open: the idempotency key of a leave. */
  public static String personLeftKey(String groupId, String userId) {
    return REASON_PERSON_LEFT + ":" + groupId + ":" + userId;
  }

  /** One vacancy per function while it is open. */
  public static String vacancyKey(String groupId) {
    return REASON_VACANT + ":" + groupId;
  }
}
