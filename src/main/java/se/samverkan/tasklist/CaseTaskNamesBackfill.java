package se.samverkan.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samverkan.engine.AfterReady;
import se.samverkan.organisation.Organisation;

/**
 * Once Samverkan is ready: open tasks created before tasks were named for their case (CaseTaskNames)
 * get their name for the case too. Only a task still named exactly as its step in the model is
 * renamed, so a second run, or a second node, finds nothing to do.
 */
@Component
public class CaseTaskNamesBackfill {

  private static final Logger log = LoggerFactory.getLogger(CaseTaskNamesBackfill.class);

  private static final int PAGE = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final CaseTaskNames names;
  private final AfterReady afterReady;

  public CaseTaskNamesBackfill(TaskService tasks, RuntimeService runtime, RepositoryService repository,
      Organisation organisation, AfterReady afterReady) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.names = new CaseTaskNames(organisation);
    this.afterReady = afterReady;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void runWhenReady() {
    afterReady.run("uppgifternas namn för sina ärenden", this::backfill);
  }

  /** Names every open task still named as its step for its case; returns how many were renamed. */
  public int backfill() {
    Map<String, Optional<BpmnModelInstance>> models = new HashMap<>();
    int renamed = 0;
    // renaming changes no task's place in the order, so the pages stay as they were
    for (int first = 0; ; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().active().orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        renamed += rename(task, models) ? 1 : 0;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (renamed > 0) {
      log.info("Uppgifternas namn: {} öppna uppgifter namngivna för sina ärenden", renamed);
    }
    return renamed;
  }

  /** Names {@code task} for its case if it is still named as its step; true if it was renamed. */
  private boolean rename(Task task, Map<String, Optional<BpmnModelInstance>> models) {
    if (task.getProcessDefinitionId() == null || task.getExecutionId() == null || task.getName() == null) {
      return false;
    }
    Optional<String> step = models.computeIfAbsent(task.getProcessDefinitionId(), this::model)
        .map(model -> model.<FlowElement>getModelElementById(task.getTaskDefinitionKey()))
        .map(FlowElement::getName);
    if (step.isEmpty() || !step.get().equals(task.getName())) {
      return false;
    }
    Map<String, Object> variables = runtime.getVariables(task.getExecutionId(), CaseTaskNames.variableNames());
    String name = names.nameFor(task.getName(), variables::get);
    if (name.equals(task.getName())) {
      return false;
    }
    task.setName(name);
    try {
      tasks.saveTask(task);
      return true;
    } catch (OptimisticLockingException changedMeanwhile) {
      log.debug("Uppgiften {} ändrades under namnsättningen; den hoppas över", task.getId());
      return false;
    }
  }

  private Optional<BpmnModelInstance> model(String processDefinitionId) {
    try {
      return Optional.ofNullable(repository.getBpmnModelInstance(processDefinitionId));
    } catch (RuntimeException notParsable) {
      return Optional.empty();
    }
  }
}
