package se.samverkan.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's own identity provider (users, groups, memberships in the engine's tables) with two
 * differences for directory-managed users ({@code samverkan_directory_user}):
 * <ul>
 *   <li>the password is checked by an LDAP bind against the user's own source ({@link DirectoryLogin}),
 *       and only while the account's state is ACTIVE; a local account checks Camunda's password;</li>
 *   <li>the user, its password and the memberships its directory gave ({@code samverkan_directory_membership})
 *       are refused to every writer but the directory itself ({@link DirectoryWrites}): 403 with a Swedish
 *       message through REST and Admin.</li>
 * </ul>
 */
public class DirectoryIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger log = LoggerFactory.getLogger(DirectoryIdentityProvider.class);

  private final DirectorySettings settings;
  private final AtomicBoolean tablesPresent;

  /**
   * @param tablesPresent shared by the engine's providers: whether Samverkan's directory tables exist
   *     yet (the engine writes its administrator before Flyway has run)
   */
  public DirectoryIdentityProvider(DirectorySettings settings, AtomicBoolean tablesPresent) {
    this.settings = settings;
    this.tablesPresent = tablesPresent;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    Optional<DirectoryAccount> account = userId == null ? Optional.empty() : account(userId);
    if (account.isEmpty()) {
      return super.checkPassword(userId, password);
    }
    DirectoryAccount directory = account.get();
    if (!directory.active()) {
      log.info("Inloggning nekad för {}: kontot är {} i katalogen {}", userId, directory.state(), directory.source());
      return false;
    }
    DirectorySettings.Source source = settings.sources().get(directory.source());
    if (source == null || source.kind() != DirectorySettings.Kind.LDAP || source.ldap() == null) {
      log.warn("Inloggning nekad för {}: källan {} är ingen konfigurerad LDAP-katalog", userId, directory.source());
      return false;
    }
    if (findUserById(userId) == null) {
      return false;
    }
    return DirectoryLogin.bind(source.ldap(), directory.externalId(), password);
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    refuseUnlessDirectory(user.getId());
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    refuseUnlessDirectory(userId);
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    refuseMembershipUnlessDirectory(userId, groupId);
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    refuseMembershipUnlessDirectory(userId, groupId);
    return super.deleteMembership(userId, groupId);
  }

  private void refuseUnlessDirectory(String userId) {
    if (DirectoryWrites.active() || userId == null) {
      return;
    }
    account(userId).ifPresent(account -> {
      throw new AuthorizationException("Användaren '" + userId + "' hanteras av katalogen " + sourceName(account.source())
          + " och kan inte ändras, tas bort eller få nytt lösenord här. Ändra personen i katalogen; "
          + "Samverkan hämtar ändringen vid nästa synkronisering.");
    });
  }

  private void refuseMembershipUnlessDirectory(String userId, String groupId) {
    if (DirectoryWrites.active() || userId == null || groupId == null) {
      return;
    }
    membershipSource(userId, groupId).ifPresent(source -> {
      throw new AuthorizationException("Medlemskapet för '" + userId + "' i funktionen '" + groupId
          + "' kommer från katalogen " + sourceName(source) + " och kan inte ändras här. Ändra gruppen i katalogen; "
          + "Samverkan hämtar ändringen vid nästa synkronisering.");
    });
  }

  private String sourceName(String source) {
    DirectorySettings.Source configured = settings.sources().get(source);
    return configured == null || configured.name() == null ? source : configured.name() + " (" + source + ")";
  }

  /** The user's directory row, read in the command's own transaction. */
  Optional<DirectoryAccount> account(String userId) {
    return query("SELECT user_id, source, external_id, account_state FROM samverkan_directory_user WHERE user_id = ?",
        userId, null, row -> new DirectoryAccount(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
  }

  private Optional<String> membershipSource(String userId, String groupId) {
    return query("SELECT source FROM samverkan_directory_membership WHERE user_id = ? AND group_id = ?",
        userId, groupId, row -> row.getString(1));
  }

  /** Asked of the metadata, never by a failing query (which would abort a PostgreSQL transaction). */
  private boolean tablesPresent(Connection connection) {
    if (tablesPresent.get()) {
      return true;
    }
    try {
      for (String name : new String[] {"samverkan_directory_user", "SAMVERKAN_DIRECTORY_USER"}) {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
          if (tables.next()) {
            tablesPresent.set(true);
            return true;
          }
        }
      }
      return false;
    } catch (SQLException failed) {
      throw new ProcessEngineException("the database's tables could not be listed", failed);
    }
  }

  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> Optional<T> query(String sql, String first, String second, Row<T> row) {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    if (!tablesPresent(connection)) {
      return Optional.empty();
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, first);
      if (second != null) {
        statement.setString(2, second);
      }
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? Optional.of(row.read(result)) : Optional.empty();
      }
    } catch (SQLException failed) {
      throw new ProcessEngineException("samverkan_directory_user could not be read", failed);
    }
  }
}
