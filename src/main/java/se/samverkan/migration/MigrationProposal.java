package se.samverkan.migration;

import java.util.List;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * What moving the running instances of one version to the latest would do, in Swedish: the plan
 * Camunda generated and validated (null when it refused), each step that is carried over and what
 * changes in it, the steps that are gone or new, the variables the plan sets for new forms, and how
 * many instances wait where (counts only: the process owner sees no case).
 */
public record MigrationProposal(
    ProcessDefinition source,
    ProcessDefinition target,
    MigrationPlan plan,
    List<String> refusals,
    List<CarriedOver> carriedOver,
    List<Step> removed,
    List<Step> added,
    List<NewVariable> variables,
    List<Step> waiting,
    long running,
    long movable) {

  /** A flow node of a version; {@code waiting} is how many running instances stand in it. */
  public record Step(String activityId, String name, long waiting) {}

  /** A step carried over to the target version, with what changes in it (empty: unchanged). */
  public record CarriedOver(String activityId, String sourceName, String targetName, long waiting, List<String> changes) {}

  /** A variable the plan sets on every moved instance, because a changed form needs it. */
  public record NewVariable(String name, String label, String stepName, String description) {}

  /** Whether the plan may be run: Camunda accepted it and nothing below refuses it. */
  public boolean runnable() {
    return plan != null && refusals.isEmpty() && movable > 0;
  }

  /** The carried-over steps with waiting instances: what the process owner may choose. */
  public List<CarriedOver> choosable() {
    return carriedOver.stream().filter(step -> step.waiting() > 0).toList();
  }
}
