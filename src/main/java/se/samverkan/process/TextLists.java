package se.samverkan.process;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A list variable as the multi-instance collection of a model: {@code ${lists.of(kommuner)}}.
 * Samverkan keeps lists as JSON (Cockpit shows them as JSON, not as a Java class); the engine needs
 * a Java collection, so this turns either form into a list of texts.
 */
@Component("lists")
public class TextLists {

  public List<String> of(Object list) {
    List<String> texts = new ArrayList<>();
    if (list instanceof List<?> values) {
      values.forEach(value -> texts.add(String.valueOf(value)));
    } else {
      JsonVariables.toJson(list).forEach(node -> texts.add(node.asText()));
    }
    return texts;
  }
}
