package se.samverkan.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ModelDeployment;
import se.samverkan.ProcessTestEngine;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestBeans;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseStart;

/**
 * Running samverkansprocesser, EST cycles and medborgarlöften follow a version the process owner changed: a renamed step,
 * a changed reminder, a form with a new checklist, an added step, a removed step. Driven through
 * {@link ModelVersions} as the page drives it, with the batch run as the job executor would.
 */
class RunningWorkFollowsNewVersionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  static final ZonedDateTime MEETING = ZonedDateTime.of(2026, 12, 8, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
  static final String NEW_CHECKLIST = "rapportKontroll";

  final ProcessEngine engine = ProcessTestEngine.engine();
  final ModelVersions versions = new ModelVersions(engine.getRepositoryService(), engine.getRuntimeService(),
      engine.getManagementService(), engine.getHistoryService(), engine.getIdentityService());
  final EstCycles cycles = new EstCycles(EstTestBeans.schedule(ProcessTestEngine.organisation()));
  String firstDeployment;
  String secondDeployment;

  @BeforeEach
  void deployTheProduct() {
    firstDeployment = ModelDeployment.deployAll(engine);
  }

  @AfterEach
  void undeployBoth() {
    ClockUtil.reset();
    ModelDeployment.undeploy(engine, secondDeployment);
    ModelDeployment.undeploy(engine, firstDeployment);
  }

  @Test
  void shouldMoveRunningEstReportsToARenamedStepWithItsNewReminderAndNewForm() throws IOException {
    ProcessInstance cycle = startCollection();
    List<Task> reports = reports(cycle);
    assertThat(reports).hasSizeGreaterThan(3);
    Date oldReminder = reminderOf(reports.get(0)).getDuedate();

    secondDeployment = NewVersion.ofTheProduct()
        .replace("est-cykel.bpmn", "name=\"Lämna EST-rapport\"", "name=\"Lämna EST-rapport före mötet\"")
        .replace("est-cykel.bpmn", "<bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>",
            "<bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>")
        .replace("est-rapport.form", "\"components\": [", "\"components\": [\n    {\"id\": \"Field_ReportCheck\", "
            + "\"type\": \"checklist\", \"key\": \"" + NEW_CHECKLIST + "\", \"label\": \"Kontroll före inlämning\", "
            + "\"values\": [{\"label\": \"Inga namn på enskilda personer\", \"value\": \"inga-namn\"}]},")
        .deploy(engine.getRepositoryService(), "est-cykel v2");

    MigrationProposal proposal = versions.propose(cycle.getProcessDefinitionId());
    assertThat(proposal.refusals()).isEmpty();
    assertThat(proposal.movable()).isEqualTo(1);
    MigrationProposal.CarriedOver report = step(proposal, EstCycleProcess.SUBMIT_REPORT);
    assertThat(report.waiting()).isEqualTo(reports.size());
    assertThat(report.targetName()).isEqualTo("Lämna EST-rapport före mötet");
    assertThat(report.changes()).anyMatch(c -> c.startsWith("Byter namn till «Lämna EST-rapport före mötet»"))
        .anyMatch(c -> c.startsWith("Påminnelse ändras från P1D till P3D"))
        .anyMatch(c -> c.contains("den nya versionens formulär «est-rapport»"))
        .anyMatch(c -> c.equals("Nytt fält «Kontroll före inlämning»: planen sätter det till en tom lista."));
    assertThat(proposal.variables()).extracting(MigrationProposal.NewVariable::name).containsExactly(NEW_CHECKLIST);

    String batch = versions.migrate(cycle.getProcessDefinitionId(), List.of(), "processagare");
    assertThat(versions.batch(batch)).hasValueSatisfying(b -> assertThat(b.done()).isZero());
    Batches.runJobs(engine.getManagementService(), batch);
    assertThat(versions.batch(batch)).hasValueSatisfying(b -> {
      assertThat(b.done()).isEqualTo(b.total());
      assertThat(b.failed()).isZero();
    });

    ProcessDefinition latest = latest(EstCycleProcess.KEY);
    for (Task moved : reports(cycle)) {
      assertThat(moved.getProcessDefinitionId()).isEqualTo(latest.getId());
      try (InputStream form = engine.getFormService().getDeployedTaskForm(moved.getId())) {
        assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("Kontroll före inlämning");
      }
      Object checklist = engine.getTaskService().getVariable(moved.getId(), NEW_CHECKLIST);
      assertThat(checklist).isInstanceOf(SpinJsonNode.class);
      assertThat(((SpinJsonNode) checklist).elements()).isEmpty();
      assertThat(reminderOf(moved).getDuedate()).isAfter(oldReminder);
      assertThat(timers(moved)).hasSize(2);
    }

    // a report submitted after the move passes the new form's checks, and the next cycle gets the new step
    engine.getTaskService().complete(reports(cycle).get(0).getId(), Variables.createVariables()
        .putValue(EstCycleProcess.NOTHING_TO_REPORT, true));
    ProcessInstance next = startCollection(MEETING.plusWeeks(1));
    assertThat(next.getProcessDefinitionId()).isEqualTo(latest.getId());
    Task fresh = reports(next).get(0);
    assertThat(fresh.getName()).as("the new step's name, for its case").startsWith("Lämna EST-rapport före mötet – EST ");
    assertThat(timers(fresh)).hasSize(2);
  }

  @Test
  void shouldRefuseToMoveACycleWaitingInARemovedStepAndMoveTheOthers() {
    ProcessInstance collecting = startCollection();
    ProcessInstance compiling = startCollection(MEETING.plusWeeks(1));
    reports(compiling).forEach(task -> engine.getTaskService().complete(task.getId(),
        Variables.createVariables().putValue(EstCycleProcess.NOTHING_TO_REPORT, true)));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(compiling.getId())
        .taskDefinitionKey(EstCycleProcess.COMPILE_SITUATION_PICTURE).count()).isEqualTo(1);

    secondDeployment = NewVersion.ofTheProduct()
        .remove("est-cykel.bpmn", "<bpmn:userTask id=\"Task_CompileSituationPicture\".*?</bpmn:userTask>\\s*")
        .remove("est-cykel.bpmn", "<bpmn:flowNodeRef>Task_CompileSituationPicture</bpmn:flowNodeRef>\\s*")
        .remove("est-cykel.bpmn", "<bpmn:sequenceFlow id=\"Flow_ToFollowUp\"[^>]*/>\\s*")
        .remove("est-cykel.bpmn", "<bpmndi:BPMNShape id=\"Task_CompileSituationPicture_di\".*?</bpmndi:BPMNShape>\\s*")
        .remove("est-cykel.bpmn", "<bpmndi:BPMNEdge id=\"Flow_ToFollowUp_di\".*?</bpmndi:BPMNEdge>\\s*")
        .replace("est-cykel.bpmn", "sourceRef=\"Task_RegisterReportStatus\" targetRef=\"Task_CompileSituationPicture\"",
            "sourceRef=\"Task_RegisterReportStatus\" targetRef=\"Task_LoadFollowUp\"")
        .replace("est-cykel.bpmn", "<bpmn:incoming>Flow_ToFollowUp</bpmn:incoming>",
            "<bpmn:incoming>Flow_ToSituationPicture</bpmn:incoming>")
        .deploy(engine.getRepositoryService(), "est-cykel v2 without compile");

    MigrationProposal proposal = versions.propose(collecting.getProcessDefinitionId());
    assertThat(proposal.removed()).anySatisfy(step -> {
      assertThat(step.activityId()).isEqualTo(EstCycleProcess.COMPILE_SITUATION_PICTURE);
      assertThat(step.name()).isEqualTo("Sammanställ lokal lägesbild");
      assertThat(step.waiting()).isEqualTo(1);
    });
    assertThat(proposal.running()).isEqualTo(2);
    assertThat(proposal.movable()).isEqualTo(1);
    assertThatThrownBy(() -> versions.migrate(collecting.getProcessDefinitionId(),
        List.of(EstCycleProcess.COMPILE_SITUATION_PICTURE), "processagare"))
        .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("inga ärenden som kan flyttas");

    Batches.runToEnd(engine.getManagementService(),
        versions.migrate(collecting.getProcessDefinitionId(), List.of(), "processagare"));

    ProcessDefinition latest = latest(EstCycleProcess.KEY);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(collecting.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(latest.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(compiling.getId())
        .singleResult().getProcessDefinitionId()).isNotEqualTo(latest.getId());
  }

  @Test
  void shouldMoveARunningPromiseToAVersionWithAnAddedStep() {
    ProcessInstance promise = PromiseStart.start(engine.getRuntimeService(), Variables.createVariables()
        .putValue(PromiseProcess.MUNICIPALITY, "lycksele").putValue(PromiseProcess.PERIOD, "2027–2030")
        .putValue(PromiseProcess.ROUND, 1).putValue(PromiseProcess.SITUATION_PICTURE, "Otrygghet vid resecentrum."));
    Task formulate = engine.getTaskService().createTaskQuery().processInstanceId(promise.getId()).singleResult();

    secondDeployment = NewVersion.ofTheProduct()
        .edit("medborgarlofte.bpmn", PromiseVersions::withReviewBeforeSigning)
        .deploy(engine.getRepositoryService(), "medborgarlofte v2");

    MigrationProposal proposal = versions.propose(promise.getProcessDefinitionId());
    assertThat(proposal.refusals()).isEmpty();
    assertThat(proposal.added()).extracting(MigrationProposal.Step::name)
        .contains(PromiseVersions.REVIEW_NAME);
    assertThat(step(proposal, formulate.getTaskDefinitionKey()).waiting()).isEqualTo(1);

    Batches.runToEnd(engine.getManagementService(),
        versions.migrate(promise.getProcessDefinitionId(), List.of(formulate.getTaskDefinitionKey()), "processagare"));

    Task moved = engine.getTaskService().createTaskQuery().processInstanceId(promise.getId()).singleResult();
    assertThat(moved.getId()).isEqualTo(formulate.getId());
    assertThat(moved.getProcessDefinitionId()).isEqualTo(latest(PromiseProcess.KEY).getId());
    assertThat(timers(moved)).hasSize(2);
  }

  @Test
  void shouldMoveARunningAgreementCycleWaitingForItsSituationPictures() {
    engine.getIdentityService().setAuthentication("kommunpolis.sodra-lappland", List.of("kommunpolis-sodra-lappland"));
    ProcessInstance agreement;
    try {
      agreement = engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY, Variables.createVariables()
          .putValue(AgreementProcess.LPO, "sodra-lappland").putValue(AgreementProcess.PERIOD, AgreementScenario.uniquePeriod()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    long openSituationPictures = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(agreement.getBusinessKey()).count();

    secondDeployment = NewVersion.ofTheProduct()
        .replace("samverkansprocess.bpmn", "name=\"Formulera samverkansöverenskommelsen (kommunpolis med samordnarna)\"",
            "name=\"Skriv samverkansöverenskommelsen (kommunpolis med samordnarna)\"")
        .replace("samverkansprocess.bpmn", "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P15D</bpmn:timeDuration>",
            "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P10D</bpmn:timeDuration>")
        .deploy(engine.getRepositoryService(), "samverkansprocess v2");

    MigrationProposal proposal = versions.propose(agreement.getProcessDefinitionId());
    assertThat(proposal.refusals()).isEmpty();
    assertThat(step(proposal, "CallActivity_SituationPictureAndAnalysis").waiting()).isEqualTo(1);
    assertThat(step(proposal, AgreementProcess.TASK_DRAFT_AGREEMENT).changes())
        .anyMatch(c -> c.startsWith("Byter namn till «Skriv samverkansöverenskommelsen"))
        .anyMatch(c -> c.startsWith("Påminnelse ändras från P15D till P10D"));

    Batches.runToEnd(engine.getManagementService(),
        versions.migrate(agreement.getProcessDefinitionId(), List.of(), "processagare"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(agreement.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(latest(AgreementProcess.KEY).getId());
    // the situation pictures of the called instances go on where they were
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(agreement.getBusinessKey()).count())
        .isEqualTo(openSituationPictures).isPositive();
  }

  private ProcessInstance startCollection() {
    return startCollection(MEETING);
  }

  private ProcessInstance startCollection(ZonedDateTime meeting) {
    ClockUtil.setCurrentTime(Date.from(meeting.minusDays(6).toInstant()));
    ProcessInstance cycle = cycles.start(engine.getRuntimeService(), "lycksele", meeting, null);
    Job start = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId(EstCycleProcess.CYCLE_START_TIMER).singleResult();
    engine.getManagementService().executeJob(start.getId());
    return cycle;
  }

  private List<Task> reports(ProcessInstance cycle) {
    return engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT).list();
  }

  /** The timeout-listener timers (reminder, escalation) of the task's step. */
  private List<Job> timers(Task task) {
    return engine.getManagementService().createJobQuery().executionId(task.getExecutionId()).timers().list().stream()
        .filter(job -> engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getJobType().equals("timer-task-listener")).toList();
  }

  private Job reminderOf(Task task) {
    return timers(task).stream().min(java.util.Comparator.comparing(Job::getDuedate)).orElseThrow();
  }

  private ProcessDefinition latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
  }

  private static MigrationProposal.CarriedOver step(MigrationProposal proposal, String activityId) {
    return proposal.carriedOver().stream().filter(s -> s.activityId().equals(activityId)).findFirst().orElseThrow();
  }
}
