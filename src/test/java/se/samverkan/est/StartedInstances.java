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
}
