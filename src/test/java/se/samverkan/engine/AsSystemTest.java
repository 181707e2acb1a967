package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;

/** The caller's authentication is off the thread during the call and back after it, whatever the call does. */
class AsSystemTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final IdentityService identity = ProcessTestEngine.engine().getIdentityService();

  @AfterEach
  void clear() {
    identity.clearAuthentication();
  }

  @Test
  void shouldCallWithoutTheCallersAuthenticationAndRestoreIt() {
    identity.setAuthentication("samordnare.lycksele", List.of("samordnare-lycksele"));
    Object during = AsSystem.call(identity, identity::getCurrentAuthentication);
    assertThat(during).isNull();
    assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("samordnare.lycksele");
    assertThat(identity.getCurrentAuthentication().getGroupIds()).containsExactly("samordnare-lycksele");
  }

  @Test
  void shouldRestoreTheCallerWhenTheCallFails() {
    identity.setAuthentication("kommunpolis.sodra-lappland", List.of("kommunpolis-sodra-lappland"));
    assertThatThrownBy(() -> AsSystem.run(identity, () -> {
      throw new IllegalStateException("fel i anropet");
    })).hasMessage("fel i anropet");
    assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("kommunpolis.sodra-lappland");
  }

  @Test
  void shouldLeaveNoAuthenticationWhenThereWasNone() {
    assertThat(AsSystem.call(identity, () -> "klart")).isEqualTo("klart");
    assertThat(identity.getCurrentAuthentication()).isNull();
  }
}
