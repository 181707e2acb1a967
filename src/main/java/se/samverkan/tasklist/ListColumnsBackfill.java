package se.samverkan.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samverkan.engine.AfterReady;

/**
 * Once Samverkan is ready: open tasks created before every task got the list columns (ListColumns)
 * get them too, so no list shows a gap. Finds nothing to do on later starts.
 */
@Component
public class ListColumnsBackfill {

  private static final Logger log = LoggerFactory.getLogger(ListColumnsBackfill.class);

  /**
   * Open tasks without the first column whose process instance has its case variable (also tasks that
   * hold the copy under its earlier name, the case variable's own: issue 18).
   */
  private static final String MISSING = "select t.ID_ from ACT_RU_TASK t"
      + " where exists (select 1 from ACT_RU_VARIABLE p where p.VAR_SCOPE_ = t.PROC_INST_ID_ and p.NAME_ = ?)"
      + " and not exists (select 1 from ACT_RU_VARIABLE v where v.VAR_SCOPE_ = t.ID_ and v.NAME_ = ?)";

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final AfterReady afterReady;

  public ListColumnsBackfill(JdbcTemplate jdbc, TaskService tasks, AfterReady afterReady) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.afterReady = afterReady;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void runWhenReady() {
    afterReady.run("kolumnerna i Tasklists listor", this::backfill);
  }

  /** Copies the columns to every open task that lacks them; returns how many tasks got them. */
  public int backfill() {
    TasklistFilters.ListColumn first = TasklistFilters.LIST_COLUMNS.get(0);
    List<String> missing = jdbc.queryForList(MISSING, String.class, first.source(), first.variable());
    int copied = 0;
    for (String taskId : missing) {
      Map<String, Object> columns = ListColumns.columns(tasks.getVariables(taskId, ListColumns.sources())::get);
      if (!columns.isEmpty()) {
        tasks.setVariablesLocal(taskId, columns);
        copied++;
      }
    }
    if (copied > 0) {
      log.info("Tasklists listor: kommun och lokalpolisområde kopierade till {} öppna uppgifter", copied);
    }
    return copied;
  }
}
