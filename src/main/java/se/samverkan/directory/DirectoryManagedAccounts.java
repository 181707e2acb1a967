package se.samverkan.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.samverkan.security.WebSessions;

/**
 * Where an account comes from, for Admin's page of a user (the script samverkan-katalog.js): the
 * directory source that manages it and the memberships that source gave, or {@code hanterasAv: null}
 * for a local account. For administrators logged in to the webapps only (the session's current
 * groups, read at every request).
 */
@RestController
class DirectoryManagedAccounts {

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final DirectorySettings settings;

  DirectoryManagedAccounts(ProcessEngine engine, JdbcTemplate jdbc, DirectorySettings settings) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.jdbc = jdbc;
    this.settings = settings;
  }

  @GetMapping("/samverkan/katalog/anvandare/{userId}")
  ResponseEntity<Map<String, Object>> source(@PathVariable String userId, HttpServletRequest request) {
    String user = loggedIn(request);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "Logga in i Admin först."));
    }
    if (identity.createGroupQuery().groupMember(user).groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("message", "Bara administratören kan se var ett konto kommer ifrån."));
    }
    List<String> sources = jdbc.queryForList("SELECT source FROM samverkan_directory_user WHERE user_id = ?",
        String.class, userId);
    if (sources.isEmpty()) {
      return ResponseEntity.ok(Map.of("anvandare", userId, "lokal", true));
    }
    String source = sources.get(0);
    DirectorySettings.Source configured = settings.sources().get(source);
    String name = configured == null || configured.name() == null ? source : configured.name();
    List<String> memberships = jdbc.queryForList(
        "SELECT group_id FROM samverkan_directory_membership WHERE user_id = ? ORDER BY group_id", String.class, userId);
    return ResponseEntity.ok(Map.of("anvandare", userId, "lokal", false, "kalla", source, "hanterasAv", name,
        "medlemskap", memberships));
  }

  private String loggedIn(HttpServletRequest request) {
    return WebSessions.webappLogin(request, engine.getName()).map(Authentication::getIdentityId).orElse(null);
  }
}
