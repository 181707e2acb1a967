package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountStateTest {

  private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

  @Test
  void shouldReadANormalAccountAsActive() {
    assertThat(AccountState.ofActiveDirectory("512", "0", NOW)).isEqualTo(AccountState.ACTIVE);
    assertThat(AccountState.ofActiveDirectory("66048", "9223372036854775807", NOW)).as("password never expires")
        .isEqualTo(AccountState.ACTIVE);
    assertThat(AccountState.ofActiveDirectory(null, null, NOW)).isEqualTo(AccountState.ACTIVE);
  }

  @Test
  void shouldReadTheDisabledBitAsDisabled() {
    assertThat(AccountState.ofActiveDirectory("514", "0", NOW)).isEqualTo(AccountState.DISABLED);
    assertThat(AccountState.ofActiveDirectory("2", null, NOW)).isEqualTo(AccountState.DISABLED);
    assertThat(AccountState.ofActiveDirectory("66050", "0", NOW)).isEqualTo(AccountState.DISABLED);
    assertThat(AccountState.ofActiveDirectory("528", "0", NOW)).as("locked out (0x10) is temporary, not disabled")
        .isEqualTo(AccountState.ACTIVE);
  }

  @Test
  void shouldReadAnAccountExpiresInThePastAsExpired() {
    long yesterday = AccountState.toFileTime(NOW.minus(Duration.ofDays(1)));
    long tomorrow = AccountState.toFileTime(NOW.plus(Duration.ofDays(1)));
    assertThat(AccountState.ofActiveDirectory("512", Long.toString(yesterday), NOW)).isEqualTo(AccountState.EXPIRED);
    assertThat(AccountState.ofActiveDirectory("512", Long.toString(tomorrow), NOW)).isEqualTo(AccountState.ACTIVE);
    assertThat(AccountState.ofActiveDirectory("514", Long.toString(yesterday), NOW)).as("disabled wins")
        .isEqualTo(AccountState.DISABLED);
  }

  @Test
  void shouldConvertWindowsFileTimes() {
    // 2026-01-01T00:00:00Z as AD stores it (100 ns intervals since 1601-01-01)
    assertThat(AccountState.fromFileTime(134116992000000000L)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(AccountState.toFileTime(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(116444736000000000L);
  }

  @Test
  void shouldTreatAnUnreadableStateAsDisabled() {
    assertThat(AccountState.ofActiveDirectory("abc", "0", NOW)).isEqualTo(AccountState.DISABLED);
    assertThat(AccountState.ofActiveDirectory("512", "nie", NOW)).isEqualTo(AccountState.DISABLED);
  }

  @Test
  void shouldRefuseUserIdsTheEngineCannotHold() {
    assertThat(LdapDirectoryReader.userIdProblem("anna.andersson", "uid")).isNull();
    assertThat(LdapDirectoryReader.userIdProblem("a".repeat(64), "uid")).isNull();
    assertThat(LdapDirectoryReader.userIdProblem("a".repeat(65), "uid")).contains("65 tecken", "högst 64");
    assertThat(LdapDirectoryReader.userIdProblem("anna andersson", "uid")).contains("andra tecken");
    assertThat(LdapDirectoryReader.userIdProblem(null, "sAMAccountName")).contains("sAMAccountName saknas");
  }
}
