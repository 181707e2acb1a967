package se.samverkan.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * Demo profile only: one user per function, id {@code <function>.<scope>} (e.g.
 * {@code samordnare.lycksele}), password {@code demo}. Never created in any other profile.
 */
@Component
@Profile("demo & !prod")
public class DemoUsers {

  public static final String PASSWORD = "demo";

  private final IdentityService identityService;
  private final boolean fromDirectory;

  /**
   * @param fromDirectory samverkan.directory.embedded.enabled: the demo's people come from the
   *     embedded directory through the sync, so none is created here
   */
  public DemoUsers(IdentityService identityService,
      @Value("${samverkan.directory.embedded.enabled:false}") boolean fromDirectory) {
    this.identityService = identityService;
    this.fromDirectory = fromDirectory;
  }

  public static String userIdOf(OrganisationFunction function) {
    return function.scopeSlug() == null ? function.type() : function.type() + "." + function.scopeSlug();
  }

  /**
   * Creates missing demo users and memberships (none when they come from the embedded directory);
   * returns the ids of all demo users.
   */
  public List<String> createMissing(Organisation organisation) {
    Set<String> existing = identityService.createUserQuery().list().stream()
        .map(User::getId)
        .collect(Collectors.toSet());
    List<String> ids = new ArrayList<>();
    for (OrganisationFunction function : organisation.allFunctions()) {
      String id = userIdOf(function);
      ids.add(id);
      if (!fromDirectory && !existing.contains(id)) {
        User user = identityService.newUser(id);
        user.setFirstName("Demo");
        user.setLastName(function.name());
        user.setEmail(id + "@samverkan.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, function.groupId());
      }
    }
    return ids;
  }
}
