package se.samverkan.migration;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a batch the way the job executor would (tests have it off): seed, then its jobs, then the monitor. */
final class Batches {

  private Batches() {}

  static void runToEnd(ManagementService management, String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    runAll(management, batch.getSeedJobDefinitionId());
    runAll(management, batch.getBatchJobDefinitionId());
    runAll(management, batch.getMonitorJobDefinitionId());
  }

  /** Runs the seed and the jobs, keeps the batch (e.g. to show it while it is not yet monitored). */
  static void runJobs(ManagementService management, String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    runAll(management, batch.getSeedJobDefinitionId());
    runAll(management, batch.getBatchJobDefinitionId());
  }

  private static void runAll(ManagementService management, String jobDefinitionId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = management.createJobQuery().jobDefinitionId(jobDefinitionId).withRetriesLeft().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          management.setJobRetries(job.getId(), 0); // as the job executor does after the last retry
        }
      }
    }
    throw new IllegalStateException("batch jobs of " + jobDefinitionId + " did not end");
  }
}
