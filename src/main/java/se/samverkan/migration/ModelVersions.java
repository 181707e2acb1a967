package se.samverkan.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.samverkan.forms.DeploymentForms;
import se.samverkan.forms.FormInputs;
import se.samverkan.modelrules.ModelRules;
import se.samverkan.migration.MigrationProposal.CarriedOver;
import se.samverkan.migration.MigrationProposal.NewVariable;
import se.samverkan.migration.MigrationProposal.Step;

/**
 * The process owner's view of versions and running work: how many instances run on which version,
 * the migration plan from an older version to the latest (Camunda's migration API, validated and
 * described in Swedish), and its run as a batch. Works with counts and ids only, as the engine
 * itself (no Camunda authentication): the process owner may not read the cases, and is checked
 * by the page before anything here is called.
 */
@Service
public class ModelVersions {

  private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

  /** One version of a process and how many instances run on it. */
  public record Version(String definitionId, int version, String name, long running, boolean latest) {}

  /** A process key with its versions, newest first (the latest and every one with running instances). */
  public record Process(String key, String name, List<Version> versions) {
    public boolean hasOlderRunning() {
      return versions.stream().anyMatch(v -> !v.latest() && v.running() > 0);
    }
  }

  /** How far a migration batch has come. */
  public record BatchResult(String id, long total, long done, long failed, long remaining, boolean finished,
      List<String> failures) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;

  public ModelVersions(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history, IdentityService identity) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.identity = identity;
  }

  public List<Process> overview() {
    return asEngine(() -> {
      Map<String, List<Version>> byKey = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
          .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
      for (ProcessDefinition definition : definitions) {
        boolean latest = !byKey.containsKey(definition.getKey());
        long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
        names.putIfAbsent(definition.getKey(), Objects.requireNonNullElse(definition.getName(), definition.getKey()));
        List<Version> versions = byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>());
        if (latest || running > 0) {
          versions.add(new Version(definition.getId(), definition.getVersion(), definition.getName(), running, latest));
        }
      }
      List<Process> processes = new ArrayList<>();
      byKey.forEach((key, versions) -> processes.add(new Process(key, names.get(key), versions)));
      return processes;
    });
  }

  /** The plan from this version to the latest of its process. */
  public MigrationProposal propose(String sourceDefinitionId) {
    return asEngine(() -> proposal(sourceDefinitionId));
  }

  /**
   * Moves the movable instances of the version (all, or those waiting in the chosen steps) to the
   * latest version, as a batch; returns the batch id.
   */
  public String migrate(String sourceDefinitionId, Collection<String> chosenSteps, String byUser) {
    return asEngine(() -> {
      MigrationProposal proposal = proposal(sourceDefinitionId);
      if (!proposal.runnable()) {
        throw new MigrationRefusedException("Planen kan inte köras: " + String.join(" ", proposal.refusals()));
      }
      Set<String> instances = movableInstances(proposal, runningInstanceIds(sourceDefinitionId));
      if (chosenSteps != null && !chosenSteps.isEmpty()) {
        Set<String> inChosen = new LinkedHashSet<>();
        for (String step : chosenSteps) {
          if (proposal.choosable().stream().noneMatch(choosable -> choosable.activityId().equals(step))) {
            throw new MigrationRefusedException("Steget " + step + " har inga ärenden som kan flyttas.");
          }
          runtime.createExecutionQuery().processDefinitionId(sourceDefinitionId).activityId(step).list()
              .forEach(execution -> inChosen.add(execution.getProcessInstanceId()));
        }
        instances.retainAll(inChosen);
      }
      if (instances.isEmpty()) {
        throw new MigrationRefusedException("Inga ärenden att flytta.");
      }
      Batch batch = runtime.newMigration(proposal.plan()).processInstanceIds(List.copyOf(instances)).executeAsync();
      log.info("{} flyttar {} ärenden av {} från version {} till version {} (batch {})", byUser, instances.size(),
          proposal.source().getKey(), proposal.source().getVersion(), proposal.target().getVersion(), batch.getId());
      return batch.getId();
    });
  }

  public Optional<BatchResult> batch(String batchId) {
    return asEngine(() -> {
      BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      if (running != null) {
        if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
          return Optional.<BatchResult>empty();
        }
        List<String> failures = management.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
            .withException().list().stream().map(Job::getExceptionMessage).distinct().toList();
        return Optional.of(new BatchResult(batchId, running.getTotalJobs(), running.getCompletedJobs(),
            running.getFailedJobs(), running.getRemainingJobs(), false, failures));
      }
      HistoricBatch ended = history.createHistoricBatchQuery().batchId(batchId).singleResult();
      if (ended == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())) {
        return Optional.<BatchResult>empty();
      }
      return Optional.of(new BatchResult(batchId, ended.getTotalJobs(), ended.getTotalJobs(), 0, 0,
          ended.getEndTime() != null, List.of()));
    });
  }

  private MigrationProposal proposal(String sourceDefinitionId) {
    ProcessDefinition source = repository.getProcessDefinition(sourceDefinitionId);
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(source.getKey())
        .latestVersion().singleResult();
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    Map<String, Long> waiting = new LinkedHashMap<>();
    for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).list()) {
      waiting.put(statistics.getId(), (long) statistics.getInstances());
    }
    List<String> runningIds = runningInstanceIds(source.getId());
    long running = runningIds.size();
    List<String> refusals = new ArrayList<>();
    if (source.getId().equals(target.getId())) {
      refusals.add("Version " + source.getVersion() + " är redan den senaste.");
    }

    List<NewVariable> variables = new ArrayList<>();
    Map<String, TypedValue> values = new LinkedHashMap<>();
    List<CarriedOver> carriedOver = new ArrayList<>();
    List<Step> removed = new ArrayList<>();
    for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
      ModelElementInstance counterpart = targetModel.getModelElementById(node.getId());
      long there = waiting.getOrDefault(node.getId(), 0L);
      if (!(counterpart instanceof FlowNode targetNode) || !sameKind(node, targetNode)) {
        removed.add(new Step(node.getId(), nameOf(node), there));
        continue;
      }
      List<String> changes = changes(node, targetNode, source, target, variables, values);
      carriedOver.add(new CarriedOver(node.getId(), nameOf(node), nameOf(targetNode), there, changes));
    }
    List<Step> added = new ArrayList<>();
    for (FlowNode node : targetModel.getModelElementsByType(FlowNode.class)) {
      ModelElementInstance counterpart = sourceModel.getModelElementById(node.getId());
      if (!(counterpart instanceof FlowNode sourceNode) || !sameKind(sourceNode, node)) {
        added.add(new Step(node.getId(), nameOf(node), 0));
      }
    }

    MigrationPlan plan = null;
    if (!source.getId().equals(target.getId())) {
      try {
        plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
            .setVariables(values.isEmpty() ? null : new LinkedHashMap<>(values)).build();
        Set<String> mapped = new LinkedHashSet<>();
        plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);
        // what Camunda does not map although the id stayed (e.g. a step moved into another scope) is gone too
        List<CarriedOver> notMapped = carriedOver.stream()
            .filter(step -> !mapped.contains(step.activityId()) && step.waiting() > 0).toList();
        carriedOver.removeAll(notMapped);
        notMapped.forEach(step -> removed.add(new Step(step.activityId(), step.sourceName(), step.waiting())));
      } catch (MigrationPlanValidationException refused) {
        for (MigrationInstructionValidationReport report : refused.getValidationReport().getInstructionReports()) {
          String step = nameIn(sourceModel, report.getMigrationInstruction().getSourceActivityId());
          refusals.add("Camunda kan inte föra över steget «" + step + "»: " + String.join("; ", report.getFailures()) + ".");
        }
        refused.getValidationReport().getVariableReports().forEach((name, report) ->
            refusals.add("Variabeln «" + name + "» kan inte sättas: " + String.join("; ", report.getFailures()) + "."));
        if (refusals.isEmpty()) {
          refusals.add("Camunda godtar inte planen: " + refused.getMessage());
        }
      }
    }

    List<Step> waitingSteps = new ArrayList<>();
    waiting.forEach((activityId, count) -> waitingSteps.add(new Step(activityId, nameIn(sourceModel, activityId), count)));
    MigrationProposal draft = new MigrationProposal(source, target, plan, refusals, carriedOver, removed, added,
        variables, waitingSteps, running, 0);
    long movable = plan == null ? 0 : movableInstances(draft, runningIds).size();
    for (NewVariable variable : variables) {
      long present = runningIds.isEmpty() ? 0 : runtime.createVariableInstanceQuery()
          .processInstanceIdIn(runningIds.toArray(String[]::new)).variableName(variable.name()).count();
      if (present > 0) {
        refusals.add("Variabeln «" + variable.name() + "» (" + variable.label() + ") finns redan i " + present
            + " ärenden av version " + source.getVersion() + "; planen skulle skriva över den. Byt fältets nyckel i formuläret.");
      }
    }
    return new MigrationProposal(source, target, plan, refusals, carriedOver, removed, added, variables,
        waitingSteps, running, movable);
  }

  private List<String> runningInstanceIds(String definitionId) {
    return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  /** Of the version's running instances, those that stand in no removed step. */
  private Set<String> movableInstances(MigrationProposal proposal, List<String> runningIds) {
    Set<String> instances = new LinkedHashSet<>(runningIds);
    for (Step step : proposal.removed()) {
      if (step.waiting() > 0) {
        runtime.createExecutionQuery().processDefinitionId(proposal.source().getId()).activityId(step.activityId()).list()
            .forEach(execution -> instances.remove(execution.getProcessInstanceId()));
      }
    }
    return instances;
  }

  private List<String> changes(FlowNode source, FlowNode target, ProcessDefinition sourceDefinition,
      ProcessDefinition targetDefinition, List<NewVariable> variables, Map<String, TypedValue> values) {
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(source.getName(), target.getName())) {
      changes.add(source instanceof UserTask
          ? "Byter namn till «" + nameOf(target) + "»; nya uppgifter får det nya namnet, en uppgift som redan väntar behåller sitt i Tasklist."
          : "Byter namn till «" + nameOf(target) + "».");
    }
    if (source instanceof BoundaryEvent && target instanceof BoundaryEvent) {
      String before = timerOf(((BoundaryEvent) source).getEventDefinitions().stream()
          .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).findFirst().orElse(null));
      String after = timerOf(((BoundaryEvent) target).getEventDefinitions().stream()
          .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).findFirst().orElse(null));
      if (before != null && after != null && !before.equals(after)) {
        changes.add("Tidsgränsen ändras från " + before + " till " + after
            + "; för väntande ärenden räknas den om från flytten.");
      }
    }
    if (source instanceof UserTask sourceTask && target instanceof UserTask targetTask) {
      Map<String, Timeout> before = timeouts(sourceTask);
      Map<String, Timeout> after = timeouts(targetTask);
      after.forEach((id, timeout) -> {
        Timeout was = before.get(id);
        if (was == null) {
          changes.add("Ny " + timeout.name() + " efter " + timeout.timer() + ", räknad från flytten.");
        } else if (!Objects.equals(was.timer(), timeout.timer())) {
          changes.add(capitalized(timeout.name()) + " ändras från " + was.timer() + " till " + timeout.timer()
              + "; för den flyttade uppgiften räknas den om från flytten.");
        }
      });
      before.forEach((id, timeout) -> {
        if (!after.containsKey(id)) {
          changes.add(capitalized(timeout.name()) + " (" + timeout.timer() + ") tas bort.");
        }
      });
      if (!Objects.equals(sourceTask.getCamundaCandidateGroups(), targetTask.getCamundaCandidateGroups())) {
        changes.add("Utförs av " + targetTask.getCamundaCandidateGroups() + " i stället för "
            + sourceTask.getCamundaCandidateGroups() + " (gäller nya uppgifter; en flyttad uppgift behåller sina).");
      }
      formChanges(sourceTask, targetTask, sourceDefinition, targetDefinition, changes, variables, values);
    }
    return changes;
  }

  private void formChanges(UserTask source, UserTask target, ProcessDefinition sourceDefinition,
      ProcessDefinition targetDefinition, List<String> changes, List<NewVariable> variables,
      Map<String, TypedValue> values) {
    Optional<JsonNode> before = DeploymentForms.find(repository, sourceDefinition.getDeploymentId(), source.getCamundaFormRef());
    Optional<JsonNode> after = DeploymentForms.find(repository, targetDefinition.getDeploymentId(), target.getCamundaFormRef());
    if (after.isEmpty() || before.equals(after)) {
      return;
    }
    changes.add("Formuläret är ändrat: uppgiften visar den nya versionens formulär «" + target.getCamundaFormRef() + "».");
    FormInputs oldInputs = before.map(FormInputs::of).orElse(null);
    FormInputs newInputs = FormInputs.of(after.get());
    for (String name : newInputs.names()) {
      if (oldInputs != null && oldInputs.names().contains(name)) {
        continue;
      }
      if (newInputs.isList(name)) {
        // a migrated task runs no input mappings: the new list starts empty, as a new task's would
        if (values.putIfAbsent(name, SpinValues.jsonValue("[]").create()) == null) {
          variables.add(new NewVariable(name, newInputs.label(name), nameOf(target), "tom lista"));
        }
        changes.add("Nytt fält «" + newInputs.label(name) + "»: planen sätter det till en tom lista.");
      } else {
        changes.add("Nytt fält «" + newInputs.label(name) + "»: tomt tills det fylls i.");
      }
    }
  }

  /** A timeout listener of a user task: what it does, in Swedish, and its timer. */
  private record Timeout(String name, String timer) {}

  /**
   * The timeout listeners of a user task, by listener id (which pairs them between versions), named
   * by what they run, as the model rules know them ({@link ModelRules#REMINDER},
   * {@link ModelRules#ESCALATION}): "påminnelse", "eskalering", "andra eskalering", …
   */
  private static Map<String, Timeout> timeouts(UserTask task) {
    Map<String, Timeout> timeouts = new LinkedHashMap<>();
    if (task.getExtensionElements() == null) {
      return timeouts;
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list()) {
      if (!"timeout".equals(listener.getCamundaEvent())) {
        continue;
      }
      String id = Objects.requireNonNullElse(listener.getAttributeValue("id"), "timeout");
      String kind = switch (Objects.requireNonNullElse(listener.getCamundaDelegateExpression(), "").strip()) {
        case ModelRules.REMINDER -> "påminnelse";
        case ModelRules.ESCALATION -> "eskalering";
        default -> "tidsgräns (" + id + ")";
      };
      int nth = seen.merge(kind, 1, Integer::sum);
      String name = nth == 1 ? kind : ORDINALS.getOrDefault(nth, nth + ":e") + " " + kind;
      listener.getTimeouts().stream().findFirst().ifPresent(timer -> timeouts.put(id, new Timeout(name, timerOf(timer))));
    }
    return timeouts;
  }

  private static final Map<Integer, String> ORDINALS = Map.of(2, "andra", 3, "tredje", 4, "fjärde");

  private static String timerOf(TimerEventDefinition timer) {
    if (timer == null) {
      return null;
    }
    if (timer.getTimeDuration() != null) {
      return timer.getTimeDuration().getTextContent().strip();
    }
    if (timer.getTimeDate() != null) {
      return timer.getTimeDate().getTextContent().strip();
    }
    return timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent().strip();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static boolean sameKind(FlowNode a, FlowNode b) {
    return a.getElementType().getTypeName().equals(b.getElementType().getTypeName());
  }

  private static String nameOf(FlowNode node) {
    return node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName().strip();
  }

  private static String nameIn(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    return element instanceof FlowNode node ? nameOf(node) : activityId;
  }

  /** Counts and plans as the engine itself: the page has checked the process owner already. */
  private <T> T asEngine(Supplier<T> work) {
    return se.samverkan.engine.AsSystem.call(identity, work);
  }
}
