package se.samverkan.directory;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samverkan.directory.DirectoryChanges.Kind;
import se.samverkan.directory.LdapDirectoryReader.DirectoryUser;
import se.samverkan.directory.LdapDirectoryReader.Snapshot;
import se.samverkan.handover.FunctionReconciliation;
import se.samverkan.notification.MailKind;
import se.samverkan.notification.MailOutbox;
import se.samverkan.organisation.Organisation;

/**
 * The directory sync: every samverkan.directory.interval and on demand, each LDAP source is
 * read completely ({@link LdapDirectoryReader}), each SCIM source's pushed users and groups are
 * taken from {@link ScimStore}, and each is then applied to Camunda's identity in one transaction
 * per source:
 * <ul>
 *   <li>users are created and updated (first and last name, e-mail); each user id belongs to one
 *       source: an id another source or a local account already has is a COLLISION, never merged;</li>
 *   <li>the account state is kept in {@code samverkan_directory_user.account_state}: a DISABLED,
 *       EXPIRED or DELETED user (missing from the directory) keeps the Camunda account, so that the
 *       history keeps the name, but loses every membership this source gave;</li>
 *   <li>memberships: an ACTIVE user in a function's mapped group gets the function; a membership
 *       the source gave ({@code samverkan_directory_membership}) and the group no longer gives is
 *       removed. Memberships given by hand are never touched.</li>
 * </ul>
 * Safety valves: a source that cannot be read completely changes nothing (SYNC_FAILED); a source
 * whose removals exceed both its valve's {@code maxRemovals} and {@code maxShare} of its holders is
 * held (SYNC_HELD, mailed to the administrators) until the next sync within the limits, or an
 * administrator lets it through once. One removal is never held. One node syncs at a time
 * ({@link DirectoryLock}); after a sync that changed memberships the function reconciliation runs
 * at once, so a leaver's work goes back to the function with a handover and, where needed, a vacancy.
 */
public class DirectorySync {

  private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
  private static final String ADMINISTRATORS = SourceRules.ADMIN_GROUP;

  /** How a source's sync ended. */
  public enum Status { OK, FAILED, HELD }

  /** What a sync did for one source. */
  public record SourceOutcome(String source, String name, Status status, String message, int usersCreated,
      int usersUpdated, int accountsDeactivated, int membershipsAdded, int membershipsRemoved, int collisions,
      int refused) {}

  /**
   * What one sync did: {@code ran} false when no LDAP source is configured or another node was
   * syncing (then {@code skippedBecauseLocked}).
   */
  public record Outcome(boolean ran, boolean skippedBecauseLocked, List<SourceOutcome> sources,
      boolean reconciliationRun) {

    public boolean membershipsChanged() {
      return sources.stream().anyMatch(s -> s.membershipsAdded() + s.membershipsRemoved() > 0);
    }
  }

  private final DirectorySettings settings;
  private final LdapDirectoryReader reader;
  private final ScimStore scim;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final DirectoryChanges changes;
  private final DirectoryLock lock;
  private final FunctionReconciliation reconciliation;
  private final MailOutbox outbox;
  private final Organisation organisation;

  DirectorySync(DirectorySettings settings, LdapDirectoryReader reader, ScimStore scim, IdentityService identity, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, DirectoryChanges changes, DirectoryLock lock,
      FunctionReconciliation reconciliation, MailOutbox outbox, Organisation organisation) {
    this.settings = settings;
    this.reader = reader;
    this.scim = scim;
    this.identity = identity;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.changes = changes;
    this.lock = lock;
    this.reconciliation = reconciliation;
    this.outbox = outbox;
    this.organisation = organisation;
  }

  @Scheduled(initialDelayString = "${samverkan.directory.first-sync-after:PT5S}",
      fixedDelayString = "${samverkan.directory.interval:PT1M}")
  public void scheduled() {
    run(Set.of());
  }

  public Outcome run() {
    return run(Set.of());
  }

  /**
   * One sync of every source: each LDAP directory is read, each SCIM source's pushed state
   * ({@link ScimStore}) is taken as it stands, and both are applied the same way.
   *
   * @param releaseHeld sources whose held removals an administrator lets through this once
   */
  public Outcome run(Set<String> releaseHeld) {
    var sources = new ArrayList<>(settings.sourcesOf(DirectorySettings.Kind.LDAP));
    sources.addAll(settings.sourcesOf(DirectorySettings.Kind.SCIM));
    if (sources.isEmpty()) {
      return new Outcome(false, false, List.of(), false);
    }
    String holder = changes.node() + "/" + UUID.randomUUID();
    if (!lock.tryAcquire(holder, lease())) {
      log.info("Katalogsynkroniseringen hoppas över: en annan nod synkroniserar just nu");
      return new Outcome(false, true, List.of(), false);
    }
    List<SourceOutcome> outcomes = new ArrayList<>();
    try {
      for (var entry : sources) {
        outcomes.add(syncSource(entry.getKey(), entry.getValue(), releaseHeld.contains(entry.getKey())));
        lock.renew(holder, lease());
      }
    } finally {
      lock.release(holder);
    }
    boolean changed = outcomes.stream().anyMatch(s -> s.membershipsAdded() + s.membershipsRemoved() > 0);
    if (changed) {
      // the reconciliation takes what changed from here: returned work, handovers, vacancies
      reconciliation.run();
    }
    return new Outcome(true, false, outcomes, changed);
  }

  private Duration lease() {
    Duration perSource = settings.sourcesOf(DirectorySettings.Kind.LDAP).stream()
        .map(e -> e.getValue().ldap() == null ? Duration.ofSeconds(10) : e.getValue().ldap().timeout())
        .max(Duration::compareTo).orElse(Duration.ofSeconds(10));
    return Duration.ofMinutes(5).plus(perSource.multipliedBy(20));
  }

  private SourceOutcome syncSource(String sourceId, DirectorySettings.Source source, boolean releaseHeld) {
    String name = source.name() == null ? sourceId : source.name();
    Snapshot snapshot;
    try {
      snapshot = source.kind() == DirectorySettings.Kind.SCIM ? scim.snapshot(sourceId, source)
          : reader.read(source, ClockUtil.getCurrentTime().toInstant());
    } catch (DirectoryUnavailableException e) {
      String message = "Katalogen «" + name + "» kunde inte läsas helt: " + e.getMessage()
          + ". Inget ändrades för källan; ingen behandlas som att ha slutat.";
      log.warn("{} ({})", message, sourceId, e.getCause());
      transaction.executeWithoutResult(status -> {
        if (!("FAILED|" + e.getMessage()).equals(changes.lastStatus(sourceId))) {
          changes.record(sourceId, null, null, Kind.SYNC_FAILED, e.getMessage());
        }
        changes.sourceState(sourceId, "FAILED", e.getMessage());
      });
      return new SourceOutcome(sourceId, name, Status.FAILED, message, 0, 0, 0, 0, 0, 0, 0);
    } catch (RuntimeException e) {
      log.error("Katalogen {} ({}) kunde inte läsas; inget ändrades", name, sourceId, e);
      String detail = "oväntat fel: " + e;
      transaction.executeWithoutResult(status -> {
        changes.record(sourceId, null, null, Kind.SYNC_FAILED, detail);
        changes.sourceState(sourceId, "FAILED", detail);
      });
      return new SourceOutcome(sourceId, name, Status.FAILED, "Katalogen «" + name + "» kunde inte läsas: " + detail,
          0, 0, 0, 0, 0, 0, 0);
    }
    // the directory's own writes: directory-managed users and memberships are read-only for everyone else
    return transaction.execute(status -> DirectoryWrites.call(() -> apply(sourceId, name, source, snapshot, releaseHeld)));
  }

  private record Row(String userId, String source, AccountState state) {}

  private record Membership(String userId, String groupId) implements Comparable<Membership> {
    @Override
    public int compareTo(Membership o) {
      int c = groupId.compareTo(o.groupId);
      return c != 0 ? c : userId.compareTo(o.userId);
    }
  }

  private SourceOutcome apply(String sourceId, String name, DirectorySettings.Source source, Snapshot snapshot,
      boolean releaseHeld) {
    Map<String, Row> rows = new HashMap<>();
    jdbc.query("select user_id, source, account_state from samverkan_directory_user", rs -> {
      rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), AccountState.valueOf(rs.getString(3))));
    });
    // who of the snapshot is this source's; the rest collide with another source or a local account
    Map<String, DirectoryUser> accepted = new HashMap<>();
    List<String[]> collisions = new ArrayList<>();
    for (DirectoryUser user : snapshot.users().values()) {
      Row row = rows.get(user.userId());
      if (row != null && !row.source().equals(sourceId)) {
        collisions.add(new String[] {user.userId(), "användar-id:t hör redan till källan '" + row.source()
            + "'; " + user.dn() + " slås inte ihop med det"});
      } else if (row == null && identity.createUserQuery().userId(user.userId()).count() > 0) {
        collisions.add(new String[] {user.userId(), "ett lokalt konto med samma id finns redan; " + user.dn()
            + " slås inte ihop med det"});
      } else {
        accepted.put(user.userId(), user);
      }
    }
    Map<String, AccountState> newStates = new HashMap<>();
    accepted.values().forEach(u -> newStates.put(u.userId(), u.state()));
    rows.values().stream().filter(r -> r.source().equals(sourceId) && !accepted.containsKey(r.userId()))
        .forEach(r -> newStates.put(r.userId(), AccountState.DELETED));

    Set<Membership> desired = new TreeSet<>();
    snapshot.holders().forEach((groupId, userIds) -> {
      if (!source.functions().containsKey(groupId) || SourceRules.refusal(groupId, source, organisation) != null) {
        return; // SourceRules refused it at startup; never filled, whatever the settings became
      }
      userIds.stream().filter(id -> newStates.get(id) == AccountState.ACTIVE && accepted.containsKey(id))
          .forEach(id -> desired.add(new Membership(id, groupId)));
    });
    Set<Membership> current = new TreeSet<>(jdbc.query(
        "select user_id, group_id from samverkan_directory_membership where source = ?",
        (rs, i) -> new Membership(rs.getString(1), rs.getString(2)), sourceId));
    Set<Membership> additions = new TreeSet<>(desired);
    additions.removeAll(current);
    Set<Membership> removals = new TreeSet<>(current);
    removals.removeAll(desired);

    DirectorySettings.Valve valve = source.valve();
    boolean overValve = removals.size() > 1 && removals.size() > valve.maxRemovals()
        && removals.size() > valve.maxShare() * current.size();
    if (overValve && !releaseHeld) {
      return hold(sourceId, name, removals, current.size(), valve);
    }

    int created = 0;
    int updated = 0;
    int deactivated = 0;
    Timestamp now = DirectoryChanges.now();
    for (DirectoryUser user : accepted.values().stream().sorted((a, b) -> a.userId().compareTo(b.userId())).toList()) {
      Row row = rows.get(user.userId());
      User account = identity.createUserQuery().userId(user.userId()).singleResult();
      if (account == null) {
        account = identity.newUser(user.userId());
        fill(account, user);
        identity.saveUser(account);
        if (row == null) {
          jdbc.update("insert into samverkan_directory_user (user_id, source, external_id, first_synced_at, last_synced_at, "
              + "account_state, account_state_since) values (?, ?, ?, ?, ?, ?, ?)", user.userId(), sourceId,
              DirectoryChanges.truncate(user.dn(), 1024), now, now, user.state().name(), now);
        }
        created++;
        changes.record(sourceId, user.userId(), null, Kind.USER_CREATED, user.dn() + ", " + user.state());
      } else if (!same(account, user)) {
        fill(account, user);
        identity.saveUser(account);
        updated++;
        changes.record(sourceId, user.userId(), null, Kind.USER_UPDATED, user.dn());
      }
      jdbc.update("update samverkan_directory_user set external_id = ?, last_synced_at = ? where user_id = ?",
          DirectoryChanges.truncate(user.dn(), 1024), now, user.userId());
    }
    for (Map.Entry<String, AccountState> state : new java.util.TreeMap<>(newStates).entrySet()) {
      Row row = rows.get(state.getKey());
      if (row == null || row.state() == state.getValue()) {
        continue;
      }
      jdbc.update("update samverkan_directory_user set account_state = ?, account_state_since = ? where user_id = ?",
          state.getValue().name(), now, state.getKey());
      if (state.getValue() != AccountState.ACTIVE) {
        deactivated++;
      }
      Kind kind = switch (state.getValue()) {
        case ACTIVE -> Kind.USER_ENABLED;
        case DISABLED -> Kind.USER_DISABLED;
        case EXPIRED -> Kind.USER_EXPIRED;
        case DELETED -> Kind.USER_DELETED;
      };
      changes.record(sourceId, state.getKey(), null, kind, row.state() + " → " + state.getValue());
      log.info("Katalogen {}: kontot {} är nu {} (var {})", sourceId, state.getKey(), state.getValue(), row.state());
    }

    int added = 0;
    for (Membership m : additions) {
      if (identity.createGroupQuery().groupId(m.groupId()).count() == 0) {
        changes.recordOnce(sourceId, m.userId(), Kind.REFUSED_FUNCTION, "gruppen " + m.groupId() + " finns inte i motorn");
        continue;
      }
      boolean byHand = identity.createUserQuery().userId(m.userId()).memberOfGroup(m.groupId()).count() > 0;
      if (!byHand) {
        identity.createMembership(m.userId(), m.groupId());
      }
      jdbc.update("insert into samverkan_directory_membership (user_id, group_id, source) values (?, ?, ?)",
          m.userId(), m.groupId(), sourceId);
      added++;
      changes.record(sourceId, m.userId(), m.groupId(), Kind.MEMBERSHIP_ADDED,
          byHand ? "fanns redan (given för hand), ges nu av katalogen" : source.functions().get(m.groupId()));
    }
    int removed = 0;
    for (Membership m : removals) {
      identity.deleteMembership(m.userId(), m.groupId());
      jdbc.update("delete from samverkan_directory_membership where user_id = ? and group_id = ? and source = ?",
          m.userId(), m.groupId(), sourceId);
      removed++;
      AccountState state = newStates.getOrDefault(m.userId(), AccountState.DELETED);
      String reason = state != AccountState.ACTIVE ? "kontot är " + state
          : !source.functions().containsKey(m.groupId()) ? "funktionen mappas inte längre av källan"
          : "inte längre medlem i " + source.functions().get(m.groupId());
      changes.record(sourceId, m.userId(), m.groupId(), Kind.MEMBERSHIP_REMOVED,
          reason + (overValve ? " (släppt igenom av en administratör trots spärren)" : ""));
      log.info("Katalogen {}: {} har inte längre funktionen {} ({})", sourceId, m.userId(), m.groupId(), reason);
    }
    for (String[] collision : collisions) {
      changes.recordOnce(sourceId, collision[0], Kind.COLLISION, collision[1]);
      log.warn("Katalogen {}: {} – {}", sourceId, collision[0], collision[1]);
    }
    for (LdapDirectoryReader.Refusal refusal : snapshot.refused()) {
      changes.recordOnce(sourceId, refusal.userId(), Kind.REFUSED_USER, refusal.detail());
      log.warn("Katalogen {}: posten tas inte in: {}", sourceId, refusal.detail());
    }
    changes.sourceState(sourceId, "OK", null);
    String message = "Katalogen «" + name + "» synkroniserad: " + created + " nya användare, " + updated
        + " uppdaterade, " + deactivated + " konton avstängda eller borttagna, " + added + " funktioner givna, "
        + removed + " tagna, " + collisions.size() + " krockar, " + snapshot.refused().size() + " poster som inte togs in.";
    if (created + updated + deactivated + added + removed > 0) {
      log.info(message);
    }
    return new SourceOutcome(sourceId, name, Status.OK, message, created, updated, deactivated, added, removed,
        collisions.size(), snapshot.refused().size());
  }

  private SourceOutcome hold(String sourceId, String name, Set<Membership> removals, int holders,
      DirectorySettings.Valve valve) {
    String detail = removals.size() + " av " + holders + " funktionsinnehav skulle tas bort på en gång (spärren: fler än "
        + valve.maxRemovals() + " och fler än " + Math.round(valve.maxShare() * 100) + " %): "
        + String.join(", ", removals.stream().limit(20).map(m -> m.userId() + " (" + m.groupId() + ")").toList())
        + (removals.size() > 20 ? ", …" : "");
    String message = "Katalogen «" + name + "» hölls inne: " + detail + ". Inget ändrades. Kontrollera katalogen; "
        + "är borttagningarna avsedda, släpp igenom dem med POST /engine-rest/samverkan/katalog/synkronisera?slappIgenom="
        + sourceId + ".";
    log.warn(message);
    if (!("HELD|" + detail).equals(changes.lastStatus(sourceId))) {
      changes.record(sourceId, null, null, Kind.SYNC_HELD, detail);
      mailAdministrators(name, message);
    }
    changes.sourceState(sourceId, "HELD", detail);
    return new SourceOutcome(sourceId, name, Status.HELD, message, 0, 0, 0, 0, 0, 0, 0);
  }

  private void mailAdministrators(String name, String message) {
    Set<String> sent = new LinkedHashSet<>();
    for (User admin : identity.createUserQuery().memberOfGroup(ADMINISTRATORS).list()) {
      if (admin.getEmail() != null && !admin.getEmail().isBlank() && sent.add(admin.getId())) {
        outbox.add(MailKind.DIRECTORY_HELD, admin.getId(), admin.getEmail(), null,
            "Katalogsynkroniseringen hölls inne: " + name, message
                + "\n\nSå länge den hålls inne behåller alla sina funktioner från katalogen. Se "
                + "GET /engine-rest/samverkan/katalog/andringar för vad som registrerats.");
      }
    }
    if (sent.isEmpty()) {
      log.warn("Ingen administratör (camunda-admin) har e-postadress; meddelandet om den inhållna synkroniseringen skickades inte");
    }
  }

  private static void fill(User account, DirectoryUser user) {
    account.setFirstName(DirectoryChanges.truncate(user.firstName(), 255));
    account.setLastName(DirectoryChanges.truncate(user.lastName(), 255));
    account.setEmail(DirectoryChanges.truncate(user.email(), 255));
  }

  private static boolean same(User account, DirectoryUser user) {
    return Objects.equals(account.getFirstName(), DirectoryChanges.truncate(user.firstName(), 255))
        && Objects.equals(account.getLastName(), DirectoryChanges.truncate(user.lastName(), 255))
        && Objects.equals(account.getEmail(), DirectoryChanges.truncate(user.email(), 255));
  }

}
