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
 * The README's retention table is the decision; the models carry it out. A process owner who changes
 * a model's history time to live changes the table (and its reason) too, and every process has a row.
 */
class RetentionPolicyTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| `(P\\d+D)`", Pattern.MULTILINE);

  @Test
  void shouldKeepEveryProcessForTheTimeTheReadmeDocuments() throws IOException {
    Map<String, String> documented = documentedTimesToLive();
    assertThat(documented).as("retention table in README.md").isNotEmpty();
    assertThat(ModelFiles.bpmn()).as("processes/").isNotEmpty();

    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(documented).as("README retention row for " + process.getId()).containsKey(process.getId());
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + process.getId())
            .isEqualTo(documented.get(process.getId()));
      }
    }
  }

  private static Map<String, String> documentedTimesToLive() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### Retention");
    String section = readme.substring(start, readme.indexOf("\n## ", start));
    Map<String, String> rows = new HashMap<>();
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    return rows;
  }
}
