package se.samverkan.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who holds a function right now: the members of its group whose account exists. Read from the
 * engine's identity service, so it does not matter whether a membership was changed in Admin,
 * through REST or by a directory sync. A person leaves a function when removed from its group or
 * when the account is deleted (Camunda 7 has no "disabled" account: an account is disabled by
 * removing its memberships or deleting it). Failed logins never make a person leave: anyone can
 * type a wrong password for a predictable user name (se.samverkan.security.LoginThrottle).
 */
public class FunctionMembers {

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final String membershipTable;

  /**
   * @param dataSource the engine's data source (in Spring it joins the current transaction)
   * @param tablePrefix the engine's table prefix, empty by default
   */
  public FunctionMembers(IdentityService identityService, DataSource dataSource, String tablePrefix) {
    this.identityService = identityService;
    this.jdbc = new JdbcTemplate(dataSource);
    this.membershipTable = (tablePrefix == null ? "" : tablePrefix) + "ACT_ID_MEMBERSHIP";
  }

  public List<User> activeHolders(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list();
  }

  /**
   * The active holders of every group at once, for the runs over the whole organisation (thousands
   * of functions): two queries instead of one per function. The identity service has no query for
   * all memberships, so they are read from the engine's membership table (Camunda's documented
   * schema, written by Admin, REST and a directory sync alike). A group without holders is absent.
   */
  public Map<String, List<User>> activeHoldersByGroup() {
    Map<String, User> active = identityService.createUserQuery().list().stream()
        .collect(Collectors.toMap(User::getId, Function.identity()));
    Map<String, List<User>> byGroup = new HashMap<>();
    jdbc.query("select GROUP_ID_, USER_ID_ from " + membershipTable + " order by GROUP_ID_, USER_ID_", rs -> {
      User user = active.get(rs.getString(2));
      if (user != null) {
        byGroup.computeIfAbsent(rs.getString(1), group -> new ArrayList<>()).add(user);
      }
    });
    return byGroup;
  }

  /** Null when the account no longer exists. */
  public User user(String userId) {
    return identityService.createUserQuery().userId(userId).singleResult();
  }

  /** The groups a person holds; none when the account is deleted. */
  public Set<String> groupsHeldBy(String userId) {
    if (user(userId) == null) {
      return Set.of();
    }
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  public static String displayName(User user, String fallback) {
    if (user == null) {
      return fallback;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }
}
