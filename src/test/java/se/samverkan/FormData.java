package se.samverkan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import se.samverkan.model.ModelFiles;

/** What Tasklist submits for Camunda Form fields: JSON for lists, all points of a checklist ticked. */
public final class FormData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormData() {}

  /** A checklist, dynamic list or taglist value as Tasklist submits it. */
  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every point of the form's checklist {@code key} ticked. */
  public static TypedValue ticked(String formId, String key) {
    return json(values(formId, key));
  }

  /** Every point of the form's checklist "kontroll" ticked. */
  public static TypedValue ticked(String formId) {
    return ticked(formId, "kontroll");
  }

  public static List<String> values(String formId, String key) {
    try {
      JsonNode form = JSON.readTree(ModelFiles.FORMS.resolve(formId + ".form").toFile());
      List<String> values = new ArrayList<>();
      for (JsonNode component : form.path("components")) {
        if (key.equals(component.path("key").asText())) {
          component.path("values").forEach(v -> values.add(v.path("value").asText()));
        }
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("form " + formId + " has no checklist " + key);
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
