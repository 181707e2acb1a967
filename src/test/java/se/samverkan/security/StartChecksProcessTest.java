package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ModelDeployment;
import se.samverkan.ProcessTestEngine;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.forms.FormValidationException;
import se.samverkan.forms.StartConflictException;

/**
 * The two places that make the start checks impossible to skip, each on its own, on the process
 * tests' engine (the same StartValidationPlugin as production, without authorizations): the
 * built-in start listener runs although skipCustomListeners skips the model's listeners, and the
 * command guard refuses start instructions to a function user before anything runs.
 */
class StartChecksProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private final RuntimeService runtime = engine.getRuntimeService();
  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = ModelDeployment.deployAll(engine);
  }

  @AfterEach
  void undeploy() {
    engine.getIdentityService().clearAuthentication();
    ModelDeployment.undeploy(engine, deployment);
  }

  @Test
  void shouldRunTheBuiltInStartCheckWhenTheCustomListenersAreSkipped() {
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("est-cykel").startBeforeActivity("Event_CycleDue")
        .setVariable("kommun", "gotland").execute(true, true))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Kommunen «gotland» finns inte i organisationen"));
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void shouldClaimTheAgreementPeriodWhenTheCustomListenersAreSkipped() {
    runtime.startProcessInstanceByKey(AgreementProcess.KEY, java.util.Map.of(AgreementProcess.LPO, "sodra-lappland",
        AgreementProcess.PERIOD, "2027–2030"));

    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(AgreementProcess.KEY)
        .startBeforeActivity(AgreementProcess.START).setVariable(AgreementProcess.LPO, "sodra-lappland")
        .setVariable(AgreementProcess.PERIOD, "2027 - 2030").execute(true, true))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().isInstanceOf(StartConflictException.class)
            .extracting(Throwable::getMessage).asString().contains("Det finns redan en samverkansprocess för Södra Lappland 2027–2030"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseStartInstructionsToAFunctionUserButNotToTheEngineItself() {
    engine.getIdentityService().setAuthentication("samordnare.lycksele", List.of("samordnare-lycksele"));
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey(AgreementProcess.KEY)
        .startBeforeActivity(AgreementProcess.START).setVariable(AgreementProcess.LPO, "sodra-lappland")
        .setVariable(AgreementProcess.PERIOD, "2031–2034").execute())
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("från dess början");
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();

    engine.getIdentityService().clearAuthentication();
    ProcessInstance started = runtime.createProcessInstanceByKey(AgreementProcess.KEY)
        .startBeforeActivity(AgreementProcess.START).setVariable(AgreementProcess.LPO, "sodra-lappland")
        .setVariable(AgreementProcess.PERIOD, "2031–2034").execute();
    assertThat(started.getBusinessKey()).isEqualTo("sodra-lappland 2031–2034");
  }

  @Test
  void shouldRefuseAFunctionUsersOwnStartOfAnEstCycleButLetSamverkanStartIt() {
    engine.getIdentityService().setAuthentication("samordnare.lycksele", List.of("samordnare-lycksele"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("est-cykel", java.util.Map.of("kommun", "lycksele")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("kan inte startas för hand");
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }
}
