package se.samverkan.promise;

/** The medborgarlöfte (one per municipality and period): its key, element ids and variables. */
public final class PromiseProcess {

  public static final String KEY = "medborgarlofte";
  /** The start message: the samverkansprocess (or a renewal) starts a medborgarlöfte with it. */
  public static final String START_MESSAGE = "medborgarlofte-start";

  public static final String START = "Event_PromiseRequested";
  public static final String TASK_FORMULATE = "Task_FormulatePromises";
  public static final String TASK_SIGN_POLICE = "Task_SignPromisesPolice";
  public static final String TASK_SIGN_MUNICIPALITY = "Task_SignPromisesMunicipality";
  public static final String GATEWAY_SIGNED = "Gateway_PromisesSigned";
  public static final String TASK_PUBLISH = "Task_PublishPromises";
  public static final String SUBPROCESS_PERIOD = "SubProcess_PromisePeriod";
  public static final String TASK_CARRY_OUT_ACTIVITY = "Task_CarryOutActivity";
  public static final String EVENT_TWO_YEARS = "Event_TwoYearsPassed";
  public static final String EVENT_QUARTER_PASSED = "Event_QuarterPassed";
  public static final String TASK_QUARTERLY_STATUS = "Task_QuarterlyStatus";
  public static final String EVENT_YEAR_PASSED = "Event_PromiseYearPassed";
  public static final String TASK_YEARLY_FOLLOW_UP = "Task_YearlyFollowUp";
  public static final String GATEWAY_ADJUST = "Gateway_AdjustPromises";
  public static final String TASK_ADJUST = "Task_AdjustPromises";
  public static final String TASK_CARRY_OUT_ADDED_ACTIVITY = "Task_CarryOutAddedActivity";
  public static final String TASK_FINAL_EVALUATION = "Task_FinalEvaluation";
  public static final String GATEWAY_RENEW_OR_END = "Gateway_RenewOrEnd";
  public static final String TASK_START_RENEWED = "Task_StartRenewedPromise";
  public static final String END_RENEWED = "Event_PromiseRenewed";
  public static final String END_ENDED = "Event_PromiseEnded";
  public static final String END_PROMISES_KEPT = "Event_PromisesKept";


  /** Variables given at the start. */
  public static final String MUNICIPALITY = "kommun";
  public static final String LPO = "lpo";
  public static final String PERIOD = "avtalsperiod";
  public static final String ROUND = "omgang";
  public static final String AGREEMENT_INSTANCE = "samverkansprocessId";
  public static final String PREVIOUS_PROMISE = "foregaendeLofte";
  public static final String SITUATION_PICTURE = "lagesbildKommun";
  public static final String DIALOG_TEXT = "medborgardialogText";
  public static final String AGREEMENT_TEXT = "overenskommelseText";
  /** Variables derived at the start. */
  public static final String MUNICIPALITY_NAME = "kommunNamn";
  public static final String LPO_NAME = "lpoNamn";
  public static final String FUNCTION_OPTIONS = "funktionsval";
  /** Variables of the steps. */
  public static final String PROMISES = "loften";
  public static final String ACTIVITIES = "aktiviteter";
  public static final String NEW_ACTIVITIES = "nyaAktiviteter";
  public static final String PROMISES_TEXT = "loftenText";
  public static final String ACTIVITY_RESULTS = "aktivitetsresultat";
  public static final String ACTIVITY_STATUS = "aktivitetsstatus";
  public static final String QUARTERLY_REPORTS = "kvartalsrapporter";
  public static final String QUARTERLY_REPORT_LIST = "kvartalsrapportLista";
  public static final String ADJUST = "justeraLoften";
  public static final String ADJUSTMENT_NEED = "justeringsbehov";
  public static final String CONTINUATION = "beslutFortsattning";
  public static final String FINAL_EVALUATION = "slututvardering";

  private PromiseProcess() {}
}
