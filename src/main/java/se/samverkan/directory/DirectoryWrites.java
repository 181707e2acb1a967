package se.samverkan.directory;

import java.util.function.Supplier;

/**
 * Marks the directory's own writes. Directory-managed users and the memberships a directory gave
 * are read-only for everyone else ({@link DirectoryIdentityProvider} refuses them); the directory
 * sync and SCIM provisioning make their identity-service calls inside {@link #run} or {@link #call},
 * on the calling thread, e.g. {@code DirectoryWrites.run(() -> identityService.saveUser(user))}.
 */
public final class DirectoryWrites {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private DirectoryWrites() {}

  /** Runs the directory's own identity writes. */
  public static void run(Runnable writes) {
    call(() -> {
      writes.run();
      return null;
    });
  }

  /** Runs the directory's own identity writes and returns their result. */
  public static <T> T call(Supplier<T> writes) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return writes.get();
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  /** Whether the current thread is inside the directory's own writes. */
  public static boolean active() {
    return DEPTH.get() > 0;
  }
}
