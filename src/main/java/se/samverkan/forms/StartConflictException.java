package se.samverkan.forms;

/**
 * A start refused because what it would create exists already, e.g. a second samverkansprocess
 * for the same LPO and agreement period (also when two starts race: the database's unique key
 * decides). A {@link StartRefusedException}, so a client gets a Swedish refusal and nothing is
 * started; a {@link Conflict}, so both REST doors answer it with 409.
 */
public class StartConflictException extends StartRefusedException implements Conflict {

  public StartConflictException(String message) {
    super(message);
  }
}
