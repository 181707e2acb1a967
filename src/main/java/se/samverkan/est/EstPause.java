package se.samverkan.est;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import se.samverkan.organisation.Organisation;

/**
 * Whether a municipality has paused EST: {@code paused: true} in the organisation file, or the
 * runtime switch (an engine property, shared by all nodes on the database) set by
 * {@link #pause} until {@link #resume}. A paused municipality starts no new cycles; running
 * cycles finish.
 */
public class EstPause {

  static final String PROPERTY_PREFIX = "samverkan.est.paused.";

  private final Organisation organisation;

  public EstPause(Organisation organisation) {
    this.organisation = organisation;
  }

  public boolean isPaused(String kommun, ManagementService management) {
    return isPaused(kommun, management.getProperties());
  }

  /** The same, with the engine properties read once for many municipalities. */
  public boolean isPaused(String kommun, Map<String, String> engineProperties) {
    boolean configured = organisation.municipality(kommun).map(m -> m.est().isPaused()).orElse(true);
    return configured || "true".equals(engineProperties.get(PROPERTY_PREFIX + kommun));
  }

  public void pause(String kommun, ManagementService management) {
    management.setProperty(PROPERTY_PREFIX + kommun, "true");
  }

  /** Lifts the runtime switch; the scheduler then starts the next cycle (see EstScheduler#ensureRunning). */
  public void resume(String kommun, ManagementService management) {
    management.deleteProperty(PROPERTY_PREFIX + kommun);
  }
}
