package se.samverkan.est;

/** The EST cycle (processes/est-cykel.bpmn): its key, element ids and variables. */
public final class EstCycleProcess {

  public static final String KEY = "est-cykel";

  // Elements
  public static final String START = "Event_CycleDue";
  public static final String PREPARE = "Task_PrepareCycle";
  public static final String CYCLE_START_TIMER = "Event_CycleStartReached";
  public static final String NEXT_CYCLE_TIMER = "Event_NextCycleDue";
  public static final String START_NEXT_CYCLE = "Task_StartNextCycle";
  public static final String NEXT_CYCLE_STARTED = "Event_NextCycleStarted";
  public static final String SUBMIT_REPORT = "Task_SubmitReport";
  public static final String REPORT_DEADLINE = "Event_ReportDeadline";
  public static final String REGISTER_REPORT_STATUS = "Task_RegisterReportStatus";
  public static final String COMPILE_SITUATION_PICTURE = "Task_CompileSituationPicture";
  public static final String LOAD_FOLLOW_UP = "Task_LoadFollowUp";
  public static final String JOINT_PLANNING = "Task_JointPlanning";
  public static final String REGISTER_INTERVENTIONS = "Task_RegisterInterventions";
  public static final String NO_INTERVENTIONS = "Event_NoInterventions";
  public static final String CARRY_OUT_INTERVENTION = "Task_CarryOutIntervention";
  public static final String NEXT_MEETING_REACHED = "Event_NextMeetingReached";
  public static final String INTERVENTIONS_REPORTED = "Event_InterventionsReported";
  public static final String INTERVENTIONS_OPEN_AT_NEXT_MEETING = "Event_InterventionsOpenAtNextMeeting";

  // Variables set when the cycle starts
  public static final String KOMMUN = "kommun";
  public static final String MEETING = "motestid";
  public static final String PREVIOUS_CYCLE = "foregaendeCykel";

  // Variables the cycle computes
  public static final String MUNICIPALITY_NAME = "kommunNamn";
  public static final String LPO = "lpo";
  public static final String LPO_NAME = "lpoNamn";
  public static final String CYCLE_START = "cykelStart";
  public static final String MEETING_TEXT = "motestidText";
  public static final String REPORT_DEADLINE_AT = "rapportDeadline";
  public static final String REPORT_DEADLINE_TEXT = "rapportDeadlineText";
  public static final String NEXT_MEETING = "nastaMote";
  public static final String NEXT_MEETING_TEXT = "nastaMoteText";
  public static final String NEXT_CYCLE_START = "nastaCykelStart";
  public static final String FUNCTION_OPTIONS = "funktionsval";
  public static final String ATTENDANCE_OPTIONS = "narvaroval";
  public static final String PRIORITIES = "styrgruppensPrioriteringar";
  public static final String NEXT_CYCLE = "nastaCykel";

  // Insamling: one variable per actor, conflict-free under parallel completion
  public static final String ACTOR = "aktor";
  public static final String ACTOR_NAME = "aktorNamn";
  public static final String REPORT_PREFIX = "rapport_";
  public static final String NOTHING_TO_REPORT = "ingetAttRapportera";
  public static final String PLACES = "platser";
  public static final String TIMES = "tider";
  public static final String INCIDENT_KINDS = "handelsetyper";
  public static final String GROUPS = "grupper";
  public static final String WORRIES = "oro";

  // Lägesbild
  public static final String REPORTS = "rapporter";
  public static final String MISSING_REPORTS = "saknadeRapporter";
  public static final String REPORT_OVERVIEW = "rapportlage";
  public static final String HOT_SPOTS = "lagesbildPlatser";
  public static final String PREVIOUS_SITUATION_PICTURE = "forraLagesbild";

  // Planning and follow-up
  public static final String FOLLOW_UP = "uppfoljning";
  public static final String FOLLOW_UP_BASIS = "uppfoljningUnderlag";
  public static final String HAS_FOLLOW_UP = "harUppfoljning";
  public static final String ATTENDANCE = "narvaro";
  public static final String DECIDED = "insatser";
  public static final String CYCLE_INTERVENTIONS = "cykelInsatser";
  public static final String INTERVENTION_COUNT = "antalInsatser";

  // Genomförande
  public static final String INTERVENTION = "insats";
  public static final String INTERVENTION_ID = "insatsId";
  public static final String OUTCOME = "insatsUtfall";
  public static final String EFFECT = "insatsEffekt";
  public static final String OUTCOME_PREFIX = "utfall_";

  /** Outcome values of an intervention (the forms' radio options). */
  public static final String DONE = "genomford";
  public static final String PARTLY_DONE = "delvis";
  public static final String NOT_DONE = "ej-genomford";
  public static final String NOT_REPORTED = "ej-rapporterad";

  private EstCycleProcess() {}
}
