package se.samverkan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.model.ModelFiles;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.OrganisationLoader;

/**
 * form-js 1.8.7 (Tasklist 7.24) leaves the rows of a collapsed dynamic list out of the submission
 * (camunda/camunda#21348): a returned draft of seven municipalities showed five ("Expand all (7)")
 * and the server refused the two it never received. Every list in forms/ therefore never collapses.
 */
class DynamicListsNeverCollapseTest {

  /**
   * Rows a list may need: nationally an LPO has up to about ten municipalities, and a list of actions
   * or interventions may hold several per municipality. form-js collapses only above this count.
   */
  static final int MAX_ROWS = 50;

  @Test
  void shouldNeverCollapseADynamicListOfAProductForm() throws IOException {
    List<String> lists = new ArrayList<>();
    for (Path file : ModelFiles.forms()) {
      for (JsonNode list : dynamicLists(new ObjectMapper().readTree(file.toFile()).path("components"), new ArrayList<>())) {
        String name = file.getFileName() + " " + list.path("id").asText();
        assertThat(list.path("disableCollapse").asBoolean(false)).as(name + ": disableCollapse").isTrue();
        assertThat(list.path("nonCollapsedItems").asInt(0)).as(name + ": nonCollapsedItems").isGreaterThanOrEqualTo(MAX_ROWS);
        lists.add(name);
      }
    }
    assertThat(lists).as("the lists this test guards").contains(
        "samverkan-overenskommelse.form List_kommunensAtgarder_1", "samverkan-gemensam-analys.form List_problem_1",
        "medborgarlofte-formulera.form List_aktiviteter_1", "est-planering.form List_Interventions");
  }

  @Test
  void shouldBoundTheRowsAboveTheLargestLpoOfTheOrganisation() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/organisation.yaml")) {
      int largest = OrganisationLoader.load(in, "organisation.yaml").lpos().stream()
          .map(Lpo::municipalities).mapToInt(List::size).max().orElse(0);
      assertThat(largest).isPositive();
      // one row per municipality at least, with room for an LPO five times the size of the largest one
      assertThat(MAX_ROWS).isGreaterThanOrEqualTo(5 * largest).isGreaterThanOrEqualTo(10);
    }
  }

  private static List<JsonNode> dynamicLists(JsonNode components, List<JsonNode> found) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        found.add(component);
      }
      if (component.has("components")) {
        dynamicLists(component.get("components"), found);
      }
    }
    return found;
  }
}
