package se.samverkan.directory;

/**
 * A directory-managed account as the sync wrote it ({@code samverkan_directory_user}).
 *
 * @param userId the Camunda user id
 * @param source the source's id in {@code samverkan.directory.sources}
 * @param externalId the user's identity in the source (for LDAP its DN, which the login binds as)
 * @param state ACTIVE, DISABLED, EXPIRED or DELETED
 */
public record DirectoryAccount(String userId, String source, String externalId, String state) {

  public static final String ACTIVE = "ACTIVE";

  public boolean active() {
    return ACTIVE.equalsIgnoreCase(state);
  }
}
