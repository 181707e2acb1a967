package se.samverkan.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization checks, given the authenticated user's groups as they are.
 *
 * <p>Camunda first intersects the user's groups with every group that has any authorization
 * ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}), once per command. Every open task
 * adds authorization rows for its candidate groups, so at national scale that scan reads about
 * 30,000 rows for each command a Tasklist request runs. The intersection changes no result: a
 * group without authorizations matches no row of the checks' {@code GROUP_ID_ IN (...)} conditions,
 * grants and revokes alike, so it can stay in the list. Like Camunda, no groups means an empty list,
 * duplicates and nulls are dropped.
 */
public class AuthenticatedGroupsAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      // MyBatis reflects on the list: an ArrayList, as Camunda's EMPTY_LIST.
      return new ArrayList<>();
    }
    LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
    groups.removeIf(Objects::isNull);
    return new ArrayList<>(groups);
  }
}
