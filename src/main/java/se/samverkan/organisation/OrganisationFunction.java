package se.samverkan.organisation;

/**
 * One concrete function, i.e. one Camunda group: a function type in a scope.
 *
 * @param groupId the Camunda group id, e.g. {@code samordnare-lycksele}
 * @param type the function type, e.g. {@code samordnare} or an EST actor such as {@code skola}
 * @param scopeSlug the municipality or LPO slug, null for global functions
 * @param name the Swedish display name, e.g. "Brottsförebyggande samordnare, Lycksele"
 */
public record OrganisationFunction(String groupId, String type, String scopeSlug, String name) {}
