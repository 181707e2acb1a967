package se.samverkan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The retention table in docs/operations.md is the decision; the models carry it out. A process owner
 * who changes a model's history time to live changes the table (and its reason) too, and every process
 * has a row.
 */
class RetentionPolicyTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| `(P\\d+D)`", Pattern.MULTILINE);

  @Test
  void shouldKeepEveryProcessForTheTimeTheOperationsGuideDocuments() throws IOException {
    Map<String, String> documented = documentedTimesToLive();
    assertThat(documented).as("retention table in docs/operations.md").isNotEmpty();
    assertThat(ModelFiles.bpmn()).as("processes/").isNotEmpty();

    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(documented).as("docs/operations.md retention row for " + process.getId()).containsKey(process.getId());
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + process.getId())
            .isEqualTo(documented.get(process.getId()));
      }
    }
  }

  private static Map<String, String> documentedTimesToLive() throws IOException {
    String guide = Files.readString(Path.of("docs", "operations.md"));
    int start = guide.indexOf("\n## Retention\n");
    assertThat(start).as("section 'Retention' in docs/operations.md").isNotNegative();
    int end = guide.indexOf("\n## ", start + 1);
    String section = guide.substring(start, end < 0 ? guide.length() : end);
    Map<String, String> rows = new HashMap<>();
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }
}
