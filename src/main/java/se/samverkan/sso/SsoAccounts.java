package se.samverkan.sso;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who an identity provider may log in: a Camunda user that is an active user of the provider's own
 * directory source ({@code samverkan_directory_user}, kept by the directory sync). A municipality's
 * provider can never log in a police officer, nor a local account such as the administrator. The
 * functions are never taken from the token: they are the user's Camunda memberships.
 *
 * <p>The account state ({@code account_state}: ACTIVE, DISABLED, EXPIRED, DELETED) is the directory
 * sync's (migration V7): a disabled, expired or deleted account is refused at once.
 */
public class SsoAccounts {

  private static final Logger log = LoggerFactory.getLogger(SsoAccounts.class);

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  public SsoAccounts(JdbcTemplate jdbc, IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  /** Why this provider may not log this user in (Swedish), or empty when it may. */
  public Optional<String> refusal(String providerId, SsoSettings.Provider provider, String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.of("Inloggningstjänsten " + provider.name() + " angav inget användar-id (anspråket '"
          + provider.userIdClaim() + "' saknas).");
    }
    List<String[]> rows = directoryRow(userId);
    if (rows.isEmpty() || !provider.source().equals(rows.get(0)[0])) {
      log.warn("Inloggning nekad: {} hör inte till källan {} (leverantör {})", userId, provider.source(), providerId);
      return Optional.of("Kontot " + userId + " hör inte till " + provider.name()
          + " och kan inte loggas in därifrån.");
    }
    String state = rows.get(0)[1];
    if (!"ACTIVE".equals(state)) {
      log.info("Inloggning nekad: {} är {} i källan {}", userId, state, provider.source());
      return Optional.of("Kontot " + userId + " är inte längre aktivt i " + provider.name() + "s katalog.");
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      return Optional.of("Kontot " + userId + " finns inte i Samverkan.");
    }
    return Optional.empty();
  }

  private List<String[]> directoryRow(String userId) {
    return jdbc.query("SELECT source, account_state FROM samverkan_directory_user WHERE user_id = ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, userId);
  }

}
