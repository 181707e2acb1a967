package se.samverkan.promise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/** Keeps every quarterly status report for the yearly follow-up and the final evaluation. */
@Component("quarterlyReportCollector")
public class QuarterlyReportCollector implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution root = task.getExecution().getProcessInstance();
    ArrayNode reports = JsonVariables.array(root, PromiseProcess.QUARTERLY_REPORT_LIST);
    ObjectNode report = reports.addObject();
    report.put("datum", JsonVariables.now());
    report.put("status", JsonVariables.string(task, "kvartalStatus"));
    report.put("avvikelser", JsonVariables.string(task, "kvartalAvvikelser"));
    JsonVariables.write(root, PromiseProcess.QUARTERLY_REPORT_LIST, reports);
    StringBuilder md = new StringBuilder();
    for (int i = reports.size() - 1; i >= 0; i--) {
      JsonNode r = reports.get(i);
      md.append("#### Kvartalsrapport ").append(Markdown.date(r.path("datum").asText())).append("\n\n")
          .append(Markdown.block(r.path("status").asText()));
      if (!r.path("avvikelser").asText().isBlank()) {
        md.append("\n\n**Avvikelser:** ").append(Markdown.block(r.path("avvikelser").asText()));
      }
      md.append("\n\n");
    }
    root.setVariable(PromiseProcess.QUARTERLY_REPORTS, JsonVariables.longText(md.toString().strip()));
  }
}
