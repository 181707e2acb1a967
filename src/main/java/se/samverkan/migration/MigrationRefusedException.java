package se.samverkan.migration;

/** A migration the page does not run, with the Swedish reason shown to the process owner. */
public class MigrationRefusedException extends RuntimeException {

  public MigrationRefusedException(String message) {
    super(message);
  }
}
