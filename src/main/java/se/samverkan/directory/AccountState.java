package se.samverkan.directory;

import java.time.Instant;

/**
 * A directory user's account state (column {@code account_state} of samverkan_directory_user,
 * migration V7). Only an ACTIVE user holds the functions the source gives; the others keep their
 * Camunda account (the history's names) but no function, and may not log in.
 */
public enum AccountState {
  ACTIVE,
  DISABLED,
  EXPIRED,
  DELETED;

  /** Active Directory's userAccountControl flag ACCOUNTDISABLE. */
  static final int AD_ACCOUNT_DISABLED = 0x2;
  /** accountExpires is in 100-nanosecond intervals since 1601-01-01 UTC (Windows FILETIME). */
  private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

  /**
   * The state of an Active Directory account from its attributes: disabled when bit 0x2 of
   * userAccountControl is set, expired when accountExpires is a time in the past (0 and
   * 0x7FFFFFFFFFFFFFFF mean never). A value that cannot be read counts as disabled: an account whose
   * state is unknown holds no function.
   */
  static AccountState ofActiveDirectory(String userAccountControl, String accountExpires, Instant now) {
    if (userAccountControl != null && !userAccountControl.isBlank()) {
      try {
        if ((Long.parseLong(userAccountControl.strip()) & AD_ACCOUNT_DISABLED) != 0) {
          return DISABLED;
        }
      } catch (NumberFormatException e) {
        return DISABLED;
      }
    }
    if (accountExpires != null && !accountExpires.isBlank()) {
      long value;
      try {
        value = Long.parseLong(accountExpires.strip());
      } catch (NumberFormatException e) {
        return DISABLED;
      }
      if (value > 0 && value != Long.MAX_VALUE && !fromFileTime(value).isAfter(now)) {
        return EXPIRED;
      }
    }
    return ACTIVE;
  }

  /** A Windows FILETIME (100 ns since 1601) as an instant. */
  static Instant fromFileTime(long fileTime) {
    long seconds = fileTime / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS;
    long nanos = (fileTime % 10_000_000L) * 100;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** An instant as a Windows FILETIME, for tests and operators. */
  static long toFileTime(Instant instant) {
    return (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + instant.getNano() / 100;
  }
}
