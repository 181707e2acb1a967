package se.samverkan.agreement;

/**
 * The samverkansprocess (one per LPO and agreement period): its key, element ids and variables.
 * Everything in it is shared with every function of the LPO (police, each municipality's samordnare
 * and kommunledning): the police's picture, the joint analysis' results, the medborgardialoger, the
 * agreement, signatures, follow-ups, lessons and the law's record.
 */
public final class AgreementProcess {

  public static final String KEY = "samverkansprocess";

  public static final String START = "Event_AgreementCycleStarted";
  /** Calls {@link JointSituationPictureProcess} (police-only) and gets back only its results. */
  public static final String CALL_SITUATION_PICTURE = "CallActivity_SituationPictureAndAnalysis";
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
  /**
   * The start form's options for {@link #LPO} ({@code valuesKey}): the starter's own LPOs, which
   * security/StartFormLpoOptions writes into the form as Tasklist loads it; never a process variable.
   */
  public static final String LPO_OPTIONS = "lpoVal";
  /** Variables derived from the organisation at the start. */
  public static final String LPO_NAME = "lpoNamn";
  public static final String MUNICIPALITIES = "kommuner";
  public static final String MUNICIPALITIES_TEXT = "kommunerText";
  public static final String MUNICIPALITY_OPTIONS = "kommunVal";
  /**
   * Variables collected on the way. No municipality's raw lägesbild is among them: those live in
   * {@link MunicipalSituationPictureProcess} and {@link JointSituationPictureProcess} instances.
   */
  public static final String POLICE_SITUATION_PICTURE = JointSituationPictureProcess.POLICE_SITUATION_PICTURE;
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
