package se.samverkan.drafts;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The drafts table ({@code samverkan_task_draft}, migration V9): one draft per task, the latest save wins. */
class TaskDrafts {

  /** A saved draft: the values as JSON, who saved them and when. */
  record Draft(String taskId, String values, String savedBy, Timestamp savedAt) {}

  private final JdbcTemplate jdbc;

  TaskDrafts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Draft> find(String taskId) {
    return jdbc.query("select task_id, draft_values, saved_by, saved_at from samverkan_task_draft where task_id = ?",
        (rs, i) -> new Draft(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)), taskId)
        .stream().findFirst();
  }

  void save(Draft draft) {
    int updated = jdbc.update("update samverkan_task_draft set draft_values = ?, saved_by = ?, saved_at = ? where task_id = ?",
        draft.values(), draft.savedBy(), draft.savedAt(), draft.taskId());
    if (updated == 0) {
      jdbc.update("insert into samverkan_task_draft (task_id, draft_values, saved_by, saved_at) values (?, ?, ?, ?)",
          draft.taskId(), draft.values(), draft.savedBy(), draft.savedAt());
    }
  }

  boolean delete(String taskId) {
    return jdbc.update("delete from samverkan_task_draft where task_id = ?", taskId) > 0;
  }

  /** Removes the drafts of tasks that are gone (completed, cancelled); returns how many. */
  int removeOrphans() {
    return jdbc.update("delete from samverkan_task_draft where not exists "
        + "(select 1 from ACT_RU_TASK t where t.ID_ = samverkan_task_draft.task_id)");
  }
}
