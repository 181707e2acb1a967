package se.samverkan.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.directory.LdapDirectoryReader.DirectoryUser;
import se.samverkan.directory.LdapDirectoryReader.Refusal;
import se.samverkan.directory.LdapDirectoryReader.Snapshot;

/**
 * What SCIM sources' providers have pushed (migration V8): users, groups and their members per
 * source, exactly as the provider sees them. Nothing here changes Camunda's identity: the directory
 * sync reads a source's {@link #snapshot} as it reads an LDAP directory and applies it with the
 * same rules (the functions the source may fill, collisions, account state, the valve, the change
 * record). A user id that another source or a local account already has is refused here at once
 * (409), so that the provider's log says so.
 */
class ScimStore {

  /** One provisioned user; {@code userName} is its Camunda user id. */
  record ScimUser(String id, String userName, String externalId, boolean active, String givenName, String familyName,
      String displayName, String email, Timestamp created, Timestamp modified) {}

  /** One provisioned group; {@code members} is null when not read. */
  record ScimGroup(String id, String displayName, String externalId, Timestamp created, Timestamp modified,
      List<Member> members) {}

  /** A group's member: the SCIM id of the user and its userName. */
  record Member(String id, String userName) {}

  /** One page of a listing, with the total the filter matches. */
  record Page<T>(int total, List<T> resources) {}

  private static final String USER_COLUMNS = "id, user_name, external_id, active, given_name, family_name, display_name, "
      + "email, created_at, modified_at";

  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  ScimStore(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  // --- users

  Page<ScimUser> users(String source, ScimFilter.Sql filter, int startIndex, int count) {
    List<Object> args = new ArrayList<>(List.of(source));
    args.addAll(filter.parameters());
    Integer total = jdbc.queryForObject("select count(*) from samverkan_scim_user where source = ?" + filter.where(),
        Integer.class, args.toArray());
    args.add(count);
    args.add(Math.max(0, startIndex - 1));
    List<ScimUser> users = count == 0 ? List.of() : jdbc.query("select " + USER_COLUMNS
        + " from samverkan_scim_user where source = ?" + filter.where() + " order by created_at, id limit ? offset ?",
        ScimStore::user, args.toArray());
    return new Page<>(total == null ? 0 : total, users);
  }

  Optional<ScimUser> user(String source, String id) {
    return jdbc.query("select " + USER_COLUMNS + " from samverkan_scim_user where source = ? and id = ?", ScimStore::user,
        source, id).stream().findFirst();
  }

  ScimUser createUser(String source, ScimUser draft) {
    refuseTaken(source, draft.userName(), null);
    String id = UUID.randomUUID().toString();
    Timestamp now = DirectoryChanges.now();
    try {
      jdbc.update("insert into samverkan_scim_user (" + USER_COLUMNS + ", source, user_name_key) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, draft.userName(), draft.externalId(), draft.active(),
          draft.givenName(), draft.familyName(), draft.displayName(), draft.email(), now, now, source, key(draft.userName()));
    } catch (DuplicateKeyException e) {
      throw userNameTaken(draft.userName());
    }
    return user(source, id).orElseThrow();
  }

  ScimUser saveUser(String source, ScimUser user) {
    refuseTaken(source, user.userName(), user.id());
    try {
      jdbc.update("update samverkan_scim_user set user_name = ?, user_name_key = ?, external_id = ?, active = ?, given_name = ?, "
              + "family_name = ?, display_name = ?, email = ?, modified_at = ? where source = ? and id = ?", user.userName(),
          key(user.userName()), user.externalId(), user.active(), user.givenName(), user.familyName(), user.displayName(),
          user.email(), DirectoryChanges.now(), source, user.id());
    } catch (DuplicateKeyException e) {
      throw userNameTaken(user.userName());
    }
    return user(source, user.id()).orElseThrow();
  }

  boolean deleteUser(String source, String id) {
    jdbc.update("delete from samverkan_scim_member where user_id in (select id from samverkan_scim_user where source = ? and id = ?)",
        source, id);
    return jdbc.update("delete from samverkan_scim_user where source = ? and id = ?", source, id) > 0;
  }

  /**
   * Refuses a userName that is taken: by another user of this source (any case), by a user of
   * another source or by a local account (the same Camunda user id is never two people).
   */
  private void refuseTaken(String source, String userName, String exceptId) {
    Integer same = jdbc.queryForObject("select count(*) from samverkan_scim_user where source = ? and user_name_key = ?"
        + (exceptId == null ? "" : " and id <> ?"), Integer.class,
        exceptId == null ? new Object[] {source, key(userName)} : new Object[] {source, key(userName), exceptId});
    if (same != null && same > 0) {
      throw userNameTaken(userName);
    }
    List<String> owner = jdbc.queryForList("select source from samverkan_directory_user where user_id = ?", String.class, userName);
    Integer otherScim = jdbc.queryForObject("select count(*) from samverkan_scim_user where user_name_key = ? and source <> ?",
        Integer.class, key(userName), source);
    if ((!owner.isEmpty() && !owner.get(0).equals(source)) || (otherScim != null && otherScim > 0)) {
      throw new ScimException(409, "uniqueness", "Användar-id:t «" + userName + "» hör redan till en annan katalogkälla i "
          + "Samverkan och slås inte ihop med denna.");
    }
    if (owner.isEmpty() && identity.createUserQuery().userId(userName).count() > 0) {
      throw new ScimException(409, "uniqueness", "Användar-id:t «" + userName + "» är redan ett lokalt konto i Samverkan "
          + "och slås inte ihop med en katalogs användare.");
    }
  }

  private static ScimException userNameTaken(String userName) {
    return new ScimException(409, "uniqueness", "Det finns redan en användare med userName «" + userName + "» i källan.");
  }

  // --- groups

  Page<ScimGroup> groups(String source, ScimFilter.Sql filter, int startIndex, int count, boolean withMembers) {
    List<Object> args = new ArrayList<>(List.of(source));
    args.addAll(filter.parameters());
    Integer total = jdbc.queryForObject("select count(*) from samverkan_scim_group g where source = ?" + filter.where(),
        Integer.class, args.toArray());
    args.add(count);
    args.add(Math.max(0, startIndex - 1));
    List<ScimGroup> groups = count == 0 ? List.of() : jdbc.query("select id, display_name, external_id, created_at, modified_at "
        + "from samverkan_scim_group g where source = ?" + filter.where() + " order by created_at, id limit ? offset ?",
        (rs, i) -> group(rs, null), args.toArray());
    if (withMembers) {
      groups = groups.stream().map(g -> withMembers(g)).toList();
    }
    return new Page<>(total == null ? 0 : total, groups);
  }

  Optional<ScimGroup> group(String source, String id, boolean withMembers) {
    Optional<ScimGroup> group = jdbc.query("select id, display_name, external_id, created_at, modified_at "
        + "from samverkan_scim_group where source = ? and id = ?", (rs, i) -> group(rs, null), source, id).stream().findFirst();
    return withMembers ? group.map(this::withMembers) : group;
  }

  private ScimGroup withMembers(ScimGroup group) {
    List<Member> members = jdbc.query("select u.id, u.user_name from samverkan_scim_member m join samverkan_scim_user u "
        + "on u.id = m.user_id where m.group_id = ? order by u.user_name_key", (rs, i) -> new Member(rs.getString(1), rs.getString(2)),
        group.id());
    return new ScimGroup(group.id(), group.displayName(), group.externalId(), group.created(), group.modified(), members);
  }

  ScimGroup createGroup(String source, String displayName, String externalId, Collection<String> memberIds) {
    String id = UUID.randomUUID().toString();
    Timestamp now = DirectoryChanges.now();
    refuseUnknownMembers(source, memberIds);
    try {
      jdbc.update("insert into samverkan_scim_group (id, source, display_name, display_name_key, external_id, created_at, modified_at) "
          + "values (?, ?, ?, ?, ?, ?, ?)", id, source, displayName, key(displayName), externalId, now, now);
    } catch (DuplicateKeyException e) {
      throw groupNameTaken(displayName);
    }
    addMembers(id, memberIds);
    return group(source, id, true).orElseThrow();
  }

  /** Saves the group's name and external id and, unless null, sets its members to exactly these. */
  void saveGroup(String source, String id, String displayName, String externalId, Collection<String> memberIds) {
    Integer same = jdbc.queryForObject("select count(*) from samverkan_scim_group where source = ? and display_name_key = ? "
        + "and id <> ?", Integer.class, source, key(displayName), id);
    if (same != null && same > 0) {
      throw groupNameTaken(displayName);
    }
    try {
      jdbc.update("update samverkan_scim_group set display_name = ?, display_name_key = ?, external_id = ?, modified_at = ? "
          + "where source = ? and id = ?", displayName, key(displayName), externalId, DirectoryChanges.now(), source, id);
    } catch (DuplicateKeyException e) {
      throw groupNameTaken(displayName);
    }
    if (memberIds != null) {
      refuseUnknownMembers(source, memberIds);
      Set<String> wanted = new TreeSet<>(memberIds);
      Set<String> current = new TreeSet<>(memberIds(id));
      List<String> gone = current.stream().filter(m -> !wanted.contains(m)).toList();
      removeMembers(id, gone);
      addMembers(id, wanted.stream().filter(m -> !current.contains(m)).toList());
    }
  }

  Set<String> memberIds(String groupId) {
    return new TreeSet<>(jdbc.queryForList("select user_id from samverkan_scim_member where group_id = ?", String.class, groupId));
  }

  void addMembers(String groupId, Collection<String> memberIds) {
    Set<String> current = memberIds(groupId);
    List<Object[]> rows = new LinkedHashSet<>(memberIds).stream().filter(m -> !current.contains(m))
        .map(m -> new Object[] {groupId, m}).toList();
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("insert into samverkan_scim_member (group_id, user_id) select ?, ? where not exists "
          + "(select 1 from samverkan_scim_member where group_id = ? and user_id = ?)",
          rows.stream().map(r -> new Object[] {r[0], r[1], r[0], r[1]}).toList());
    }
  }

  void removeMembers(String groupId, Collection<String> memberIds) {
    List<Object[]> rows = new LinkedHashSet<>(memberIds).stream().map(m -> new Object[] {groupId, m}).toList();
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("delete from samverkan_scim_member where group_id = ? and user_id = ?", rows);
    }
  }

  /** Members must be users this source has pushed; anything else is refused, naming what is missing. */
  void refuseUnknownMembers(String source, Collection<String> memberIds) {
    Set<String> wanted = new TreeSet<>(memberIds);
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> known = new TreeSet<>();
    List<String> all = new ArrayList<>(wanted);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      List<Object> args = new ArrayList<>(List.of(source));
      args.addAll(chunk);
      known.addAll(jdbc.queryForList("select id from samverkan_scim_user where source = ? and id in ("
          + String.join(", ", chunk.stream().map(c -> "?").toList()) + ")", String.class, args.toArray()));
    }
    wanted.removeAll(known);
    if (!wanted.isEmpty()) {
      throw ScimException.invalidValue("Medlemmarna finns inte bland källans användare: "
          + String.join(", ", wanted.stream().limit(10).toList()) + (wanted.size() > 10 ? ", …" : "")
          + ". Skapa användarna först (POST /Users) och ange deras id.");
    }
  }

  boolean deleteGroup(String source, String id) {
    jdbc.update("delete from samverkan_scim_member where group_id in (select id from samverkan_scim_group where source = ? and id = ?)",
        source, id);
    return jdbc.update("delete from samverkan_scim_group where source = ? and id = ?", source, id) > 0;
  }

  private static ScimException groupNameTaken(String displayName) {
    return new ScimException(409, "uniqueness", "Det finns redan en grupp med displayName «" + displayName + "» i källan.");
  }

  // --- what the directory sync applies

  /**
   * The source as the sync applies it: every pushed user (active or DISABLED), and for each
   * function the source maps, the users of the group with that displayName (any case). A function
   * whose group the provider has not pushed has no holders.
   */
  Snapshot snapshot(String sourceId, DirectorySettings.Source source) {
    Map<String, DirectoryUser> users = new TreeMap<>();
    List<Refusal> refused = new ArrayList<>();
    jdbc.query("select " + USER_COLUMNS + " from samverkan_scim_user where source = ?", rs -> {
      ScimUser user = user(rs, 0);
      String problem = LdapDirectoryReader.userIdProblem(user.userName(), "userName");
      if (problem != null) {
        refused.add(new Refusal(null, "SCIM-användaren " + user.id() + ": " + problem));
        return;
      }
      users.put(user.userName(), new DirectoryUser(user.userName(), "scim:" + user.id(), user.givenName(), user.familyName(),
          user.email(), user.active() ? AccountState.ACTIVE : AccountState.DISABLED));
    }, sourceId);
    Map<String, Set<String>> holders = new TreeMap<>();
    for (Map.Entry<String, String> mapping : new TreeMap<>(source.functions()).entrySet()) {
      holders.put(mapping.getKey(), new TreeSet<>(jdbc.queryForList("select u.user_name from samverkan_scim_group g "
          + "join samverkan_scim_member m on m.group_id = g.id join samverkan_scim_user u on u.id = m.user_id "
          + "where g.source = ? and g.display_name_key = ?", String.class, sourceId, key(mapping.getValue()))));
    }
    return new Snapshot(users, holders, refused);
  }

  static String key(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  private static ScimUser user(ResultSet rs, int row) throws SQLException {
    return new ScimUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getTimestamp(9), rs.getTimestamp(10));
  }

  private static ScimGroup group(ResultSet rs, List<Member> members) throws SQLException {
    return new ScimGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5), members);
  }
}
