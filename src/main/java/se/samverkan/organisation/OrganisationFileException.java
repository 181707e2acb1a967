package se.samverkan.organisation;

/** The organisation file cannot be used; the message names the file, the line and the problem. */
public class OrganisationFileException extends RuntimeException {

  public OrganisationFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public OrganisationFileException(String message) {
    super(message);
  }
}
