package se.samverkan.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstTestCycles;
import se.samverkan.est.EstScheduler;
import se.samverkan.est.StartedInstances;

/** Tasklist's lists show a function the municipality and the police area of each of its tasks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListColumnsIT {

  @Autowired EstScheduler scheduler;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired ListColumnsBackfill backfill;

  List<String> started = List.of();

  @AfterEach
  void removeTheStartedInstances() {
    StartedInstances.removeRunning(runtimeService, started, "ListColumnsIT städar");
  }

  /** Lycksele's next EST cycle (the scheduler's), with its report tasks open. */
  private String lyckselesCycleWithItsReports() {
    started = scheduler.ensureRunning();
    String cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey(EstCycleProcess.KEY)
        .variableValueEquals(EstCycleProcess.KOMMUN, "lycksele").list().stream()
        .filter(p -> started.contains(p.getId())).findFirst().orElseThrow().getId();
    EstTestCycles.openReports(managementService, cycle);
    return cycle;
  }

  @Test
  void shouldShowTheFunctionTheMunicipalityAndPoliceAreaOfItsTasks() throws Exception {
    String cycle = lyckselesCycleWithItsReports();

    // as Tasklist asks for a list: HAL, with the variables the filter names embedded per task
    String filter = filterService.createFilterQuery().filterName(TasklistFilters.FUNCTION_TASKS).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("socialtjanst.lycksele", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    String body = rest.exchange("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50", HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class).getBody();

    List<Map<String, String>> reports = new ArrayList<>();
    for (JsonNode task : new ObjectMapper().readTree(body).path("_embedded").path("task")) {
      if (cycle.equals(task.path("processInstanceId").asText())) {
        Map<String, String> columns = new LinkedHashMap<>();
        task.path("_embedded").path("variable").forEach(variable -> {
          columns.put(variable.path("name").asText(), variable.path("value").asText());
          // the task's own copy, not the case's variable
          assertThat(variable.path("_links").path("self").path("href").asText())
              .startsWith("/task/" + task.path("id").asText() + "/");
        });
        reports.add(columns);
      }
    }
    assertThat(reports).as("socialtjänstens EST-rapport i Lycksele").hasSize(1);
    assertThat(reports.get(0)).containsEntry("kolumnKommun", "Lycksele");
    assertThat(reports.get(0).get("kolumnLpo")).as("lokalpolisområdet").isNotBlank();
  }

  @Test
  void shouldNameTheColumnsSoThatTheListReadsOnlyTheTasksOwnCopies() {
    String cycle = lyckselesCycleWithItsReports();

    // Camunda's list looks for the columns' names in the task's, its execution's and its case's scope and
    // checks every row against the user's grants: no case variable may carry a column's name
    assertThat(runtimeService.getVariables(cycle)).containsKeys("kommunNamn", "lpoNamn")
        .doesNotContainKeys(TasklistFilters.listColumnVariables().toArray(String[]::new));
    String report = taskService.createTaskQuery().processInstanceId(cycle).list().get(0).getId();
    assertThat(runtimeService.createVariableInstanceQuery().variableNameIn(
            TasklistFilters.listColumnVariables().toArray(String[]::new))
        .variableScopeIdIn(cycle, report).list())
        .extracting(org.camunda.bpm.engine.runtime.VariableInstance::getTaskId)
        .containsOnly(report).hasSize(TasklistFilters.LIST_COLUMNS.size());
  }

  @Test
  void shouldGiveTheColumnsToOpenTasksCreatedBeforeTheyExisted() {
    String cycle = lyckselesCycleWithItsReports();
    List<String> reports = taskService.createTaskQuery().processInstanceId(cycle).list().stream()
        .map(org.camunda.bpm.engine.task.Task::getId).toList();
    // as a task created before ListColumns existed (the first) and one holding the copies under their
    // earlier names, the case variables' own (the others)
    reports.forEach(task -> taskService.removeVariablesLocal(task, TasklistFilters.listColumnVariables()));
    reports.subList(1, reports.size()).forEach(task -> taskService.setVariablesLocal(task,
        Map.of("kommunNamn", "Lycksele", "lpoNamn", "Södra Lappland")));

    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(reports.size());

    for (String task : reports) {
      assertThat(taskService.getVariablesLocal(task)).containsEntry("kolumnKommun", "Lycksele").containsKey("kolumnLpo");
    }
    assertThat(backfill.backfill()).as("nothing left on a second run").isZero();
  }
}
