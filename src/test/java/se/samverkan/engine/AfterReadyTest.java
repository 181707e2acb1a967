package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AfterReadyTest {

  @Test
  void shouldRunTheWorkBesideTheCallerInTheBackground() throws Exception {
    AfterReady afterReady = new AfterReady(true, Duration.ofMillis(10));
    try {
      AtomicReference<String> thread = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      afterReady.run("testet", () -> {
        thread.set(Thread.currentThread().getName());
        done.countDown();
      });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(thread.get()).isEqualTo("samverkan-after-ready").isNotEqualTo(Thread.currentThread().getName());
    } finally {
      afterReady.destroy();
    }
  }

  @Test
  void shouldTryAFailedRunAgainUntilItSucceeds() throws Exception {
    AfterReady afterReady = new AfterReady(true, Duration.ofMillis(10));
    try {
      AtomicInteger attempts = new AtomicInteger();
      CountDownLatch succeeded = new CountDownLatch(1);
      afterReady.run("testet", () -> {
        if (attempts.incrementAndGet() < 3) {
          throw new IllegalStateException("databasen svarar inte än");
        }
        succeeded.countDown();
      });
      assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(attempts.get()).isEqualTo(3);
    } finally {
      afterReady.destroy();
    }
  }

  @Test
  void shouldRunTheWorkInTheCallersThreadWhenNotInTheBackground() {
    AfterReady afterReady = new AfterReady(false, Duration.ofMinutes(1));
    AtomicReference<String> thread = new AtomicReference<>();
    afterReady.run("testet", () -> thread.set(Thread.currentThread().getName()));
    assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
    afterReady.destroy();
  }
}
