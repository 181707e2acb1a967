package se.samverkan.est;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;

/** The process instances an IT started (the ITs share one database): what is still running is removed. */
public final class StartedInstances {

  private StartedInstances() {}

  public static void removeRunning(RuntimeService runtime, List<String> started, String reason) {
    List<String> running = started.stream()
        .filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, reason, true, true);
    }
  }

  /**
   * Like {@link #removeRunning}, and also the medborgarlöften a started samverkansprocess started
   * itself (one per municipality, found by the agreement they belong to).
   */
  public static void removeRunningWithPromises(RuntimeService runtime, List<String> started, String reason) {
    List<String> all = new java.util.ArrayList<>();
    for (String id : started) {
      if (id == null) {
        continue;
      }
      all.add(id);
      runtime.createProcessInstanceQuery().processDefinitionKey(se.samverkan.promise.PromiseProcess.KEY)
          .variableValueEquals(se.samverkan.promise.PromiseProcess.AGREEMENT_INSTANCE, id).list()
          .forEach(promise -> all.add(promise.getId()));
    }
    removeRunning(runtime, all.stream().distinct().toList(), reason);
  }
}
