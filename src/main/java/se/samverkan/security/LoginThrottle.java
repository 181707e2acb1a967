package se.samverkan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins slow down and lock for a while, never for good, and never for everyone: counted per
 * source address and per account from that source, in this node's memory.
 * <ul>
 *   <li>After {@code maxFailuresPerAccount} failures for one account from one source within
 *       {@code window}, that source may not try that account for {@code lockDuration}; the person
 *       still logs in from their own computer.</li>
 *   <li>After {@code maxFailuresPerSource} failures from one source (any accounts) within
 *       {@code window}, that source may not log in at all for {@code lockDuration}.</li>
 * </ul>
 * A success clears the failures of that account from that source (not those of the source). Every
 * lock ends by itself after {@code lockDuration}; a restart clears them all. Camunda's own lock-out
 * is switched off (application.yaml), since it locks an account for good and, during its delay,
 * refuses the right password too: anyone could keep anyone out.
 */
public class LoginThrottle {

  /** Entries kept at most per kind before expired ones are dropped (a flood of invented names). */
  private static final int MAX_ENTRIES = 100_000;

  private final int maxFailuresPerAccount;
  private final int maxFailuresPerSource;
  private final Duration window;
  private final Duration lockDuration;
  private volatile Clock clock = Clock.systemUTC();

  private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAccountAndSource = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerSource, Duration window, Duration lockDuration) {
    this.maxFailuresPerAccount = maxFailuresPerAccount;
    this.maxFailuresPerSource = maxFailuresPerSource;
    this.window = window;
    this.lockDuration = lockDuration;
  }

  /** How long this source must wait before it may try this account; empty when it may try now. */
  public Optional<Duration> waitBefore(String source, String account) {
    Instant now = clock.instant();
    Optional<Instant> until = lockedUntil(bySource.get(source), now);
    if (until.isEmpty() && account != null) {
      until = lockedUntil(byAccountAndSource.get(key(account, source)), now);
    }
    return until.map(u -> Duration.between(now, u));
  }

  public void failed(String source, String account) {
    Instant now = clock.instant();
    record(bySource, source, maxFailuresPerSource, now);
    if (account != null) {
      record(byAccountAndSource, key(account, source), maxFailuresPerAccount, now);
    }
  }

  public void succeeded(String source, String account) {
    if (account != null) {
      byAccountAndSource.remove(key(account, source));
    }
  }

  /** Lifts every lock and forgets every failure (tests; a restart does the same). */
  public void clear() {
    bySource.clear();
    byAccountAndSource.clear();
  }

  public Duration lockDuration() {
    return lockDuration;
  }

  /** Tests drive time with it. */
  void setClock(Clock clock) {
    this.clock = clock;
  }

  private void record(Map<String, Failures> failures, String key, int max, Instant now) {
    if (failures.size() >= MAX_ENTRIES) {
      failures.values().removeIf(f -> f.isIdle(now));
    }
    failures.computeIfAbsent(key, k -> new Failures()).add(now, max);
  }

  private Optional<Instant> lockedUntil(Failures failures, Instant now) {
    return failures == null ? Optional.empty() : failures.lockedUntil(now);
  }

  private static String key(String account, String source) {
    return account + "\u0000" + source;
  }

  /** The failures within the window, and the end of the lock they caused. */
  private final class Failures {

    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant lockedUntil;

    synchronized void add(Instant now, int max) {
      prune(now);
      times.addLast(now);
      if (times.size() >= max) {
        lockedUntil = now.plus(lockDuration);
        times.clear();
      }
    }

    synchronized Optional<Instant> lockedUntil(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    synchronized boolean isIdle(Instant now) {
      prune(now);
      return times.isEmpty() && (lockedUntil == null || !lockedUntil.isAfter(now));
    }

    private void prune(Instant now) {
      Instant oldest = now.minus(window);
      while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
        times.removeFirst();
      }
    }
  }
}
