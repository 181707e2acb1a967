package se.samverkan.agreement;

/** The samverkansprocess (one per LPO and agreement period): its key, element ids and variables. */
public final class AgreementProcess {

  public static final String KEY = "samverkansprocess";

  public static final String START = "Event_AgreementCycleStarted";
  public static final String TASK_POLICE_SITUATION_PICTURE = "Task_PoliceSituationPicture";
  public static final String TASK_MUNICIPAL_SITUATION_PICTURE = "Task_MunicipalSituationPicture";
  public static final String TASK_JOINT_ANALYSIS = "Task_JointAnalysis";
  public static final String GATEWAY_DIALOG_PLANNED = "Gateway_DialogPlanned";
  public static final String TASK_CITIZEN_DIALOG = "Task_CitizenDialog";
  public static final String TASK_DRAFT_AGREEMENT = "Task_DraftAgreement";
  public static final String TASK_SIGN_POLICE = "Task_SignAgreementPolice";
  public static final String TASK_SIGN_MUNICIPALITY = "Task_SignAgreementMunicipality";
  public static final String GATEWAY_ALL_SIGNED = "Gateway_AllSigned";
  public static final String EVENT_IN_FORCE = "Event_AgreementInForce";
  public static final String TASK_START_CITIZEN_PROMISES = "Task_StartCitizenPromises";
  public static final String SUBPROCESS_PERIOD = "SubProcess_AgreementPeriod";
  public static final String EVENT_FOUR_YEARS = "Event_FourYearsPassed";
  public static final String EVENT_YEAR_PASSED = "Event_AgreementYearPassed";
  public static final String TASK_FOLLOW_UP = "Task_AgreementFollowUp";
  public static final String TASK_CONCLUDE_PERIOD = "Task_ConcludeAgreementPeriod";
  public static final String TASK_START_NEXT_CYCLE = "Task_StartNextCycle";
  public static final String END = "Event_AgreementCycleCompleted";


  /** Variables: the start form. */
  public static final String LPO = "lpo";
  public static final String PERIOD = "avtalsperiod";
  /** Variables derived from the organisation at the start. */
  public static final String LPO_NAME = "lpoNamn";
  public static final String MUNICIPALITIES = "kommuner";
  public static final String MUNICIPALITIES_TEXT = "kommunerText";
  public static final String MUNICIPALITY_OPTIONS = "kommunVal";
  /** Variables collected on the way. */
  public static final String SITUATION_PICTURES = "lagesbilder";
  public static final String SITUATION_PICTURE_SUMMARY = "lagesbildSammanstallning";
  public static final String ANALYSIS_SUMMARY = "analysSammanstallning";
  public static final String DIALOG_MUNICIPALITIES = "dialogKommuner";
  public static final String DIALOG_MUNICIPALITY_LIST = "dialogKommunLista";
  public static final String DIALOGS = "medborgardialoger";
  public static final String DIALOG_SUMMARY = "dialogSammanstallning";
  public static final String AGREEMENT_TEXT = "overenskommelseText";
  public static final String MUNICIPAL_ACTIONS = "kommunensAtgarder";
  public static final String NEXT_PERIOD = "nastaAvtalsperiod";
  public static final String PREVIOUS_CYCLE = "foregaendeCykel";

  private AgreementProcess() {}
}
