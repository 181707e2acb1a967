package se.samverkan.startup;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samverkan.demo.DemoUsers;
import se.samverkan.organisation.GroupSynchronizer;
import se.samverkan.organisation.Organisation;
import se.samverkan.security.FunctionAuthorizations;
import se.samverkan.tasklist.TasklistFilters;

/**
 * At startup: functions as groups, their authorizations, the demo users, the Tasklist filters. Here
 * in the application's wiring rather than in {@code organisation}, which the features build on and
 * which depends on none of them (ArchitectureTest).
 */
@Component
@Order(0)
class OrganisationStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationStartup.class);

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
    long t0 = System.nanoTime();
    groups.synchronize(organisation);
    long t1 = System.nanoTime();
    authorizations.grant(organisation);
    long t2 = System.nanoTime();
    demoUsers.map(users -> users.createMissing(organisation)).orElse(List.of());
    long t3 = System.nanoTime();
    filters.createOrUpdate();
    long t4 = System.nanoTime();
    log.debug("Organisationen vid start: grupper {} ms, behörigheter {} ms, demoanvändare {} ms, filter {} ms",
        millis(t0, t1), millis(t1, t2), millis(t2, t3), millis(t3, t4));
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }
}
