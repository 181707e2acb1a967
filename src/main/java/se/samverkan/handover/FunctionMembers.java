package se.samverkan.handover;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Who holds a function right now: the members of its group whose account exists and is not
 * locked. Read from the engine's identity service, so it does not matter whether a membership
 * was changed in Admin, through REST or by a directory sync.
 */
public class FunctionMembers {

  private final IdentityService identityService;
  private final int loginMaxAttempts;

  public FunctionMembers(IdentityService identityService, int loginMaxAttempts) {
    this.identityService = identityService;
    this.loginMaxAttempts = loginMaxAttempts;
  }

  public List<User> activeHolders(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .filter(user -> !isLocked(user))
        .toList();
  }

  /** Null when the account no longer exists. */
  public User user(String userId) {
    return identityService.createUserQuery().userId(userId).singleResult();
  }

  /** The groups a person holds; none when the account is deleted or locked. */
  public Set<String> groupsHeldBy(String userId) {
    User user = user(userId);
    if (user == null || isLocked(user)) {
      return Set.of();
    }
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  /**
   * Locked until an administrator unlocks it (Admin's "Unlock"): the failed logins reached
   * login-max-attempts. The few seconds' delay after a single mistyped password does not count,
   * or a typo would hand a person's work over.
   */
  public boolean isLocked(User user) {
    return user instanceof UserEntity entity && entity.getAttempts() >= loginMaxAttempts;
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
