package se.samverkan.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a user comes from: the directory source that manages the account, or none for a local
 * account (the administrator, service accounts). Read from {@code samverkan_directory_user}
 * (migration {@code V6__directory.sql}), which the directory sync and SCIM provisioning keep.
 */
public class UserSources {

  private final JdbcTemplate jdbc;

  public UserSources(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The source managing this user, or empty for a local account. */
  public Optional<String> sourceOf(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    List<String> sources = jdbc.queryForList(
        "SELECT source FROM samverkan_directory_user WHERE user_id = ?", String.class, userId);
    return sources.stream().findFirst();
  }

  /** Whether the account is managed by a directory (read-only in Admin). */
  public boolean isDirectoryManaged(String userId) {
    return sourceOf(userId).isPresent();
  }
}
