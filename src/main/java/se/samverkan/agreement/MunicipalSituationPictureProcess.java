package se.samverkan.agreement;

/**
 * Kommunens lägesbild ({@code kommunens-lagesbild}, one per municipality and cycle, called by
 * {@link JointSituationPictureProcess}): the municipality's raw contribution and its sources, in an
 * instance of its own so that only the municipality's functions (and, through the caller, the
 * LPO's police) read it.
 */
public final class MunicipalSituationPictureProcess {

  public static final String KEY = "kommunens-lagesbild";
  public static final String NAME = "Kommunens lägesbild";

  public static final String START = "Event_MunicipalSituationPictureRequested";
  public static final String TASK_MUNICIPAL_SITUATION_PICTURE = "Task_MunicipalSituationPicture";
  public static final String END = "Event_MunicipalSituationPictureDelivered";

  /** Variables passed in by the caller. */
  public static final String MUNICIPALITY = "kommun";
  public static final String MUNICIPALITY_NAME = "kommunNamn";
  public static final String LPO = "lpo";
  /** The municipality's picture, {@code {"kommun", "kommunNamn", "trygghet", ..., "datum"}}: the only result besides {@code lagkrav}. */
  public static final String SITUATION_PICTURE = "lagesbild";

  private MunicipalSituationPictureProcess() {}
}
