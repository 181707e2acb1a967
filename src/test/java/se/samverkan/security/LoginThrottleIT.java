package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.HttpFromAddress;
import se.samverkan.handover.FunctionReconciliation;
import se.samverkan.handover.MembershipReconciler;
import se.samverkan.handover.Overlamning;

/**
 * Finding 6 of issue 13: wrong passwords slow an address down and lock it for a while, never an
 * account for good; the person logs in from their own address meanwhile, the lock ends by itself,
 * and a locked-out account is never treated as a person who left. Each test uses its own loopback
 * addresses (127.0.0.x) as the attacker's and the person's sources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottleIT {

  private static final String PERSON = "samordnare.storuman";
  private static final String FUNCTION = "samordnare-storuman";

  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired FunctionReconciliation reconciliation;
  @LocalServerPort int port;

  @BeforeEach
  void recordTheHolders() {
    reconciliation.run();
  }

  @AfterEach
  void liftTheLocks() {
    throttle.setClock(Clock.systemUTC());
    throttle.clear();
  }

  @Test
  void shouldThrottleTheAttackersAddressWhileThePersonLogsInFromTheirOwn() throws Exception {
    HttpFromAddress attacker = new HttpFromAddress(port, "127.0.0.3");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(attacker.login(PERSON, "gissning-" + i).status());
    }

    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 12)).containsOnly(429);
    HttpFromAddress.Response throttled = attacker.login(PERSON, "demo");
    assertThat(throttled.status()).as("not even the right password is checked").isEqualTo(429);
    assertThat(throttled.body()).contains("För många misslyckade inloggningar");
    assertThat(throttled.header("Retry-After")).isNotNull();
    assertThat(attacker.basic("GET", "/engine-rest/task?maxResults=1", PERSON, "demo").status()).isEqualTo(429);

    HttpFromAddress person = new HttpFromAddress(port, "127.0.0.2");
    assertThat(person.login(PERSON, "demo").status()).isEqualTo(200);
    assertThat(person.basic("GET", "/engine-rest/task?maxResults=1", PERSON, "demo").status()).isEqualTo(200);

    FunctionReconciliation.Outcome outcome = reconciliation.run();
    assertThat(outcome.membership().departed()).extracting(MembershipReconciler.Departure::userId).doesNotContain(PERSON);
    assertThat(outcome.vacantFunctions()).doesNotContain(FUNCTION);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, PERSON)).count()).isZero();
  }

  @Test
  void shouldNeverLockAnAccountForGoodAsCamundaWouldAfterItsMaximumOfFailedLogins() throws Exception {
    // twelve wrong passwords from twelve addresses: none of them is throttled, so all reach the engine
    for (int i = 0; i < 12; i++) {
      assertThat(new HttpFromAddress(port, "127.0.1." + (10 + i)).basic("GET", "/engine-rest/task?maxResults=1",
          "kommunledning.vilhelmina", "fel-" + i).status()).isEqualTo(401);
    }

    HttpFromAddress.Response login = new HttpFromAddress(port, "127.0.1.2").login("kommunledning.vilhelmina", "demo");
    assertThat(login.status()).as(login.headers() + " " + login.body()).isEqualTo(200);
    assertThat(identityService.checkPassword("kommunledning.vilhelmina", "demo")).isTrue();
  }

  @Test
  void shouldLockAnAddressThatTriesManyAccountsAndLiftTheLockByItself() throws Exception {
    HttpFromAddress guesser = new HttpFromAddress(port, "127.0.0.4");
    for (int i = 0; i < 20; i++) {
      assertThat(guesser.basic("GET", "/engine-rest/task?maxResults=1", "gissad.anvandare" + i, "fel").status())
          .isEqualTo(401);
    }
    assertThat(guesser.basic("GET", "/engine-rest/task?maxResults=1", "admin", "demo").status())
        .as("the whole address is throttled").isEqualTo(429);

    throttle.setClock(Clock.offset(Clock.systemUTC(), throttle.lockDuration().plus(Duration.ofSeconds(1))));

    assertThat(guesser.basic("GET", "/engine-rest/task?maxResults=1", "admin", "demo").status()).isEqualTo(200);
  }

  @Test
  void shouldAlwaysLeaveTheAdministratorAWayBack() throws Exception {
    HttpFromAddress office = new HttpFromAddress(port, "127.0.0.5");
    for (int i = 0; i < 6; i++) {
      office.login("admin", "fel-" + i);
    }
    assertThat(office.login("admin", "demo").status()).isEqualTo(429);

    // at once from another address ...
    HttpFromAddress elsewhere = new HttpFromAddress(port, "127.0.0.6");
    assertThat(elsewhere.login("admin", "demo").status()).isEqualTo(200);
    assertThat(elsewhere.basic("GET", "/engine-rest/user?maxResults=1", "admin", "demo").status()).isEqualTo(200);
    // ... and from the same one once the lock has run out
    throttle.setClock(Clock.offset(Clock.systemUTC(), throttle.lockDuration().plus(Duration.ofSeconds(1))));
    assertThat(new HttpFromAddress(port, "127.0.0.5").login("admin", "demo").status()).isEqualTo(200);
  }
}
