package se.samverkan.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Work that runs once when the application is ready, beside the users' first requests rather than
 * before them: the EST scheduler's pass, the first reconciliation of the functions, the list
 * columns of older tasks. Each is safe to run beside the users (and on several nodes at once). A failed run is logged and tried
 * again after {@code samverkan.startup.retry-delay}. With {@code samverkan.startup.background=false}
 * (the tests) the work runs in the caller's thread instead, before the application reports ready.
 */
@Component
public class AfterReady implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AfterReady.class);

  private final boolean background;
  private final Duration retryDelay;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(work -> {
    Thread thread = new Thread(work, "samverkan-after-ready");
    thread.setDaemon(true);
    return thread;
  });

  public AfterReady(@Value("${samverkan.startup.background}") boolean background,
      @Value("${samverkan.startup.retry-delay}") Duration retryDelay) {
    this.background = background;
    this.retryDelay = retryDelay;
  }

  /** Runs {@code work} (named {@code what} in the log, in Swedish) in the background, or now. */
  public void run(String what, Runnable work) {
    if (!background) {
      work.run();
      return;
    }
    executor.execute(() -> attempt(what, work));
  }

  private void attempt(String what, Runnable work) {
    long start = System.nanoTime();
    try {
      work.run();
      log.info("Efter start: {} klar på {} ms", what, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Efter start: {} misslyckades; nytt försök om {} s", what, retryDelay.toSeconds(), e);
      if (!executor.isShutdown()) {
        executor.schedule(() -> attempt(what, work), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
