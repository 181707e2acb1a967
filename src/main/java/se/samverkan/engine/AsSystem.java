package se.samverkan.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads or changes the engine as the system, after the caller's own right has been checked by the
 * code that asks (e.g. a municipality's figures for a reader who may see them but not the instances
 * behind them): the caller's authentication is taken off the thread for the call and put back after
 * it, also when it fails. The one place that does so; never a way around a check not made.
 */
public final class AsSystem {

  private AsSystem() {}

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
