package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samverkan.forms.DeploymentForms;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/**
 * When the collection ends (all reports in, or the deadline passed): every actor's report in
 * one list for the lägesbild, missing ones marked as missing. A missing report never blocks the meeting.
 */
@Component("estReportStatus")
public class EstReportStatus implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(EstReportStatus.class);

  private final Organisation organisation;
  /** The report form's labels of the incident kinds, per process definition (a deployed form never changes). */
  private final Map<String, Map<String, String>> incidentKindLabels = new ConcurrentHashMap<>();

  public EstReportStatus(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    List<String> actors = organisation.municipality(kommun).orElseThrow().est().actors();
    ArrayNode reports = JsonVariables.newArray();
    ArrayNode missing = JsonVariables.newArray();
    List<String> missingNames = new ArrayList<>();
    StringBuilder details = new StringBuilder();
    for (String actor : actors) {
      String name = organisation.estActors().getOrDefault(actor, actor);
      JsonNode report = JsonVariables.toJson(execution.getVariable(REPORT_PREFIX + actor));
      if (report.isObject()) {
        reports.add(report);
        details.append("\n\n#### ").append(name).append(report.path(NOTHING_TO_REPORT).asBoolean()
            ? "\nInget att rapportera denna period." : "\n" + describe(report, incidentKindLabels(execution)));
      } else {
        ObjectNode absent = reports.addObject();
        absent.put("aktor", actor).put("funktion", name).put("inlamnad", false);
        missing.add(actor);
        missingNames.add(name);
        details.append("\n\n#### ").append(name).append(" – SAKNAS\nRapporten kom inte in före ")
            .append(execution.getVariable(REPORT_DEADLINE_TEXT)).append(" (uppgiften har stängts).");
      }
    }
    String summary = "**Inlämnade rapporter: " + (actors.size() - missing.size()) + " av " + actors.size() + ".**"
        + (missingNames.isEmpty() ? " Alla rapporter kom in." : " Saknas: " + String.join(", ", missingNames) + ".");
    execution.setVariable(REPORTS, JsonVariables.json(reports));
    execution.setVariable(MISSING_REPORTS, JsonVariables.json(missing));
    execution.setVariable(REPORT_OVERVIEW, summary + details);
    if (!missingNames.isEmpty()) {
      log.info("EST {}: saknade rapporter från {}", kommun, missingNames);
    }
  }

  /**
   * The labels the actors chose from ("Ordningsstörning", not "ordningsstorning"): the options of the
   * report form this definition's report task shows. Read without the caller's authorizations: a
   * report's completion may end the collection, and an EST actor may not read the deployment.
   */
  private Map<String, String> incidentKindLabels(DelegateExecution execution) {
    return incidentKindLabels.computeIfAbsent(execution.getProcessDefinitionId(), definitionId -> {
      UserTask reportTask = execution.getBpmnModelInstance().getModelElementById(SUBMIT_REPORT);
      String formId = reportTask == null ? null : reportTask.getCamundaFormRef();
      RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
      return Context.getCommandContext().runWithoutAuthorization(() -> DeploymentForms
          .find(repository, repository.getProcessDefinition(definitionId).getDeploymentId(), formId)
          .map(form -> DeploymentForms.optionLabels(form, INCIDENT_KINDS))
          .orElse(Map.of()));
    });
  }

  private static String describe(JsonNode report, Map<String, String> kindLabels) {
    List<String> lines = new ArrayList<>();
    line(lines, "Platser", String.join(", ", JsonVariables.text(report, PLACES).strip().split("\\s*\\n\\s*")));
    line(lines, "Tider", JsonVariables.text(report, TIMES));
    List<String> kinds = new ArrayList<>();
    report.path(INCIDENT_KINDS).forEach(k -> kinds.add(kindLabels.getOrDefault(k.asText(), k.asText())));
    line(lines, "Händelsetyper", String.join(", ", kinds));
    line(lines, "Grupper", JsonVariables.text(report, GROUPS));
    line(lines, "Oro och signaler", JsonVariables.text(report, WORRIES));
    return String.join("\n", lines);
  }

  private static void line(List<String> lines, String label, String value) {
    if (!value.isBlank()) {
      lines.add("- " + label + ": " + value.strip());
    }
  }
}
