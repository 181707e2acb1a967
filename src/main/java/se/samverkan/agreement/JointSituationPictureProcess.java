package se.samverkan.agreement;

/**
 * Lägesbild och gemensam analys ({@code gemensam-lagesbild}, one per samverkansprocess cycle, called
 * by it): the police's picture, every municipality's ({@link MunicipalSituationPictureProcess}) and
 * the joint analysis. Police-only: it holds every municipality's raw picture; the samverkansprocess
 * gets back only {@link #RESULTS}.
 */
public final class JointSituationPictureProcess {

  public static final String KEY = "gemensam-lagesbild";

  public static final String START = "Event_SituationPictureRequested";
  public static final String TASK_POLICE_SITUATION_PICTURE = "Task_PoliceSituationPicture";
  public static final String CALL_MUNICIPAL_SITUATION_PICTURES = "CallActivity_MunicipalSituationPictures";
  public static final String TASK_JOINT_ANALYSIS = "Task_JointAnalysis";
  public static final String END = "Event_JointAnalysisDone";

  /** Every municipality's picture, keyed by the municipality (police-only). */
  public static final String SITUATION_PICTURES = "lagesbilder";
  /** The police's and every municipality's picture as the joint analysis shows it (police-only). */
  public static final String SITUATION_PICTURE_SUMMARY = "lagesbildSammanstallning";
  /** Local to each instance of the call activity: the municipality's picture and duty record as its instance returned them. */
  public static final String MUNICIPAL_SITUATION_PICTURE = "lagesbild";
  public static final String MUNICIPAL_LAW_DUTIES = "kommunensLagkrav";

  /** What goes back to the samverkansprocess (its call activity's camunda:out), and nothing else. */
  public static final String POLICE_SITUATION_PICTURE = "polisensLagesbild";
  public static final java.util.List<String> RESULTS = java.util.List.of(POLICE_SITUATION_PICTURE,
      AgreementProcess.ANALYSIS_SUMMARY, AgreementProcess.DIALOG_MUNICIPALITY_LIST, se.samverkan.lawduty.LawDuties.VARIABLE);

  private JointSituationPictureProcess() {}
}
