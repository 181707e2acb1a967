package se.samverkan.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static se.samverkan.FormData.json;
import static se.samverkan.promise.PromiseScenario.activity;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ModelDeployment;
import se.samverkan.ProcessTestEngine;
import se.samverkan.modelrules.TaskRecipientRefusedException;
import se.samverkan.process.CandidateGroups;
import se.samverkan.signing.SignatureCollector;

/**
 * A medborgarlöfte's activity goes to the function its row names ({@code ${aktivitetAnsvarig}}),
 * which the engine checks when it creates the task: a function of the promise's municipality or
 * LPO passes; another municipality's function, a group the organisation does not know and a group
 * that is no function (camunda-admin) are refused, and publishing the promises fails as a whole.
 * The activity rows are set past the formulation's own rules (PromiseRules), as a REST caller or a
 * changed model could.
 */
class ActivityRecipientProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine = ProcessTestEngine.engine();
  String deployment;

  @BeforeEach
  void deploy() {
    deployment = ModelDeployment.deployAll(engine);
  }

  @AfterEach
  void undeploy() {
    ModelDeployment.undeploy(engine, deployment);
  }

  @Test
  void shouldGiveAnActivityToAFunctionOfThePromisesMunicipality() {
    PromiseScenario promise = signedPromiseWhoseActivityGoesTo("fritid-lycksele");

    promise.complete(PromiseProcess.TASK_PUBLISH, PromiseScenario.publication());

    List<Task> activities = promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY);
    assertThat(activities).hasSize(1);
    assertThat(CandidateGroups.of(engine.getTaskService(), activities.get(0).getId()))
        .containsExactly("fritid-lycksele");
  }

  @Test
  void shouldRefuseAnActivityForAnotherMunicipalitysFunction() {
    assertRefused("samordnare-mala", "hör inte till kommunen Lycksele");
  }

  @Test
  void shouldRefuseAnActivityForAGroupTheOrganisationDoesNotKnow() {
    assertRefused("samordnare-umea", "är ingen funktion i organisationen");
  }

  @Test
  void shouldRefuseAnActivityForTheAdministratorsGroup() {
    assertRefused("camunda-admin", "är ingen funktion i organisationen");
  }

  private void assertRefused(String group, String reason) {
    PromiseScenario promise = signedPromiseWhoseActivityGoesTo(group);
    Task publish = promise.one(PromiseProcess.TASK_PUBLISH);

    assertThat(refusal(() -> promise.complete(publish, PromiseScenario.publication())))
        .hasMessageContaining("Genomför aktiviteten (ansvarig funktion)")
        .hasMessageContaining("'" + group + "'")
        .hasMessageContaining(reason);
    assertThat(promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY)).isEmpty();
    assertThat(promise.one(PromiseProcess.TASK_PUBLISH).getId()).isEqualTo(publish.getId());
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).count()).isZero();
  }

  /** A Lycksele promise, formulated, signed and ready to publish, whose one activity is then given to {@code group}. */
  private PromiseScenario signedPromiseWhoseActivityGoesTo(String group) {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele");
    promise.complete(PromiseProcess.TASK_FORMULATE, promise.formulation());
    promise.complete(PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.SIGN, null));
    promise.complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    engine.getRuntimeService().setVariable(promise.instance.getId(), PromiseProcess.ACTIVITIES,
        json(List.of(activity(1, "Fredagsvandringar vid resecentrum", group, "2027-06-30"))));
    return promise;
  }

  /** What the engine threw, unwrapped to the refusal (the engine wraps what a task listener throws). */
  private static TaskRecipientRefusedException refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    return TaskRecipientRefusedException.findRefusalIn(thrown)
        .orElseThrow(() -> new AssertionError("expected a refusal of the task's recipient, got " + thrown));
  }
}
