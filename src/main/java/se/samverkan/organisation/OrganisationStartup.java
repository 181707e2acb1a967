package se.samverkan.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samverkan.demo.DemoUsers;
import se.samverkan.security.FunctionAuthorizations;
import se.samverkan.tasklist.TasklistFilters;

/** At startup: functions as groups, their authorizations, the demo users, the Tasklist filters. */
@Component
@Order(0)
class OrganisationStartup implements ApplicationRunner {

  private final Organisation organisation;
  private final GroupSynchronizer groups;
  private final FunctionAuthorizations authorizations;
  private final Optional<DemoUsers> demoUsers;
  private final TasklistFilters filters;

  OrganisationStartup(Organisation organisation, GroupSynchronizer groups, FunctionAuthorizations authorizations,
      Optional<DemoUsers> demoUsers, TasklistFilters filters) {
    this.organisation = organisation;
    this.groups = groups;
    this.authorizations = authorizations;
    this.demoUsers = demoUsers;
    this.filters = filters;
  }

  @Override
  public void run(ApplicationArguments args) {
    groups.synchronize(organisation);
    authorizations.grant(organisation);
    demoUsers.map(users -> users.createMissing(organisation)).orElse(List.of());
    filters.createOrUpdate();
  }
}
