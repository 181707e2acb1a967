package se.samverkan.cluster;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Runs in the timer job's transaction: records the node that executed it in the variable
 * {@code executedBy} and, when the process asks for it ({@code pauseMillis}), works a while so that
 * a node can be killed while it holds jobs.
 */
public class RecordNodeDelegate implements JavaDelegate {

  public static final String EXECUTED_BY = "executedBy";
  public static final String PAUSE_MILLIS = "pauseMillis";

  private final String nodeName;

  public RecordNodeDelegate(String nodeName) {
    this.nodeName = nodeName;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object pause = execution.getVariable(PAUSE_MILLIS);
    if (pause instanceof Number n && n.longValue() > 0) {
      Thread.sleep(n.longValue());
    }
    execution.setVariable(EXECUTED_BY, nodeName);
  }
}
