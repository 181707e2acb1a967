package se.samverkan.directory;

/**
 * A directory could not be read completely: unreachable, a failed bind, a time or size limit, an
 * error in a page, a referral. The sync changes nothing for that source.
 */
class DirectoryUnavailableException extends Exception {

  DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  DirectoryUnavailableException(String message) {
    super(message);
  }
}
