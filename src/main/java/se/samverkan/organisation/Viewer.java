package se.samverkan.organisation;

import java.util.Collection;
import java.util.Optional;

/**
 * How much of one municipality's overview a user may see, from the functions (groups) they hold.
 * The levels follow docs/security.md "Who may see what": the municipality's own functions and the
 * LPO's police see all of it; the other municipalities of the LPO and the county's länsstyrelsen see
 * counts and signed documents only (no EST places or texts); everyone else nothing.
 */
public enum Viewer {
  OWN, POLICE, PEER, COUNTY, NONE;

  /** The highest level any of {@code groupIds} gives on {@code kommun}. */
  public static Viewer of(Organisation organisation, Collection<String> groupIds, String kommun) {
    if (organisation.municipality(kommun).isEmpty()) {
      return NONE;
    }
    Optional<String> lpo = organisation.lpoOf(kommun).map(l -> l.slug());
    Optional<String> county = organisation.countyOf(kommun);
    Viewer best = NONE;
    for (String groupId : groupIds) {
      Viewer level = organisation.function(groupId)
          .map(f -> levelOf(organisation, f, kommun, lpo, county))
          .orElse(NONE);
      if (level.ordinal() < best.ordinal()) {
        best = level;
      }
    }
    return best;
  }

  /** Whether the level sees the municipality's details (EST places, texts), not only counts. */
  public boolean seesDetails() {
    return this == OWN || this == POLICE;
  }

  public boolean seesAnything() {
    return this != NONE;
  }

  private static Viewer levelOf(
      Organisation organisation, OrganisationFunction f, String kommun, Optional<String> lpo, Optional<String> county) {
    FunctionScope scope = organisation.scopeOf(f);
    if (scope == FunctionScope.kommun) {
      if (kommun.equals(f.scopeSlug())) {
        return OWN;
      }
      return lpo.isPresent() && lpo.equals(organisation.lpoOf(f.scopeSlug()).map(l -> l.slug())) ? PEER : NONE;
    }
    if (scope == FunctionScope.lpo) {
      return lpo.isPresent() && lpo.get().equals(f.scopeSlug()) ? POLICE : NONE;
    }
    Optional<String> followedCounty = organisation.countyOfFunction(f.groupId());
    return county.isPresent() && county.equals(followedCounty) ? COUNTY : NONE;
  }
}
