package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables a Camunda Form declares as inputs: what form-js submits when the form is filled in
 * Tasklist. Form-js submits every keyed field that is not disabled under the first segment of its
 * value path: a field's key ({@code a.b} submits {@code a}), a group's {@code path}, a dynamic
 * list's {@code path}. Options from a variable ({@code valuesKey}), texts and tables only show
 * values and are no inputs; nor is an {@code expression} field, which form-js computes and would
 * submit (no form of ours has one: a form that adds one must leave it out of what it submits). Walks the form with {@link FormRules#walk}, the same walk the checks use.
 *
 * <p>A variable declared only by read-only or disabled components is {@link Input#readOnly()}:
 * Tasklist sends read-only fields back with the value it showed, so the guard accepts the value it
 * already has and refuses a changed one.
 */
public final class FormInputs {

  /** One declared variable; {@code defaultValue} is the field's default when the form gives one. */
  public record Input(String name, boolean readOnly, JsonNode defaultValue) {}

  private final Map<String, Input> inputs;
  private final Map<String, String> labels;
  private final Set<String> lists;

  private FormInputs(Map<String, Input> inputs, Map<String, String> labels, Set<String> lists) {
    this.inputs = Collections.unmodifiableMap(inputs);
    this.labels = Collections.unmodifiableMap(labels);
    this.lists = Collections.unmodifiableSet(lists);
  }

  public static FormInputs of(JsonNode form) {
    Map<String, Input> inputs = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Set<String> lists = new java.util.LinkedHashSet<>();
    FormRules.walk(form.path("components"), false, new FormRules.ComponentVisitor() {
      @Override
      public void field(JsonNode field, String type, boolean optional) {
        String name = firstSegment(field.get("key").asText());
        declare(inputs, name, readOnly(field), field.get("defaultValue"));
        labels.putIfAbsent(name, field.path("label").asText(name));
        if (LIST_FIELDS.contains(type) && name.equals(field.get("key").asText().trim())) {
          lists.add(name);
        }
      }

      @Override
      public FormRules.ComponentVisitor group(JsonNode group, String path, boolean optional) {
        if (path == null) {
          return this; // a group without a path only arranges its fields: they stay top-level
        }
        declare(inputs, firstSegment(path), false, null);
        return null;
      }

      @Override
      public void list(JsonNode list, String path, boolean optional) {
        if (!path.isBlank()) {
          declare(inputs, firstSegment(path), readOnly(list), null);
          labels.putIfAbsent(firstSegment(path), list.path("label").asText(firstSegment(path)));
          if (!path.contains(".")) {
            lists.add(path.trim());
          }
        }
      }
    });
    return new FormInputs(inputs, labels, lists);
  }

  /** The form fields whose value is a list (checklist, taglist, dynamic list), submitted as JSON. */
  private static final Set<String> LIST_FIELDS = Set.of("checklist", "taglist");

  /** Whether the declared variable holds a list (a checklist, taglist or dynamic list of its own). */
  public boolean isList(String name) {
    return lists.contains(name);
  }

  /** The label a person sees for the variable (its first field's), or the name when it has none. */
  public String label(String name) {
    return labels.getOrDefault(name, name);
  }

  /** The names of the declared variables, in form order. */
  public Set<String> names() {
    return inputs.keySet();
  }

  public Optional<Input> input(String name) {
    return Optional.ofNullable(inputs.get(name));
  }

  /**
   * True when a submitted value of a read-only input is what the form showed: the variable's
   * current value, or, when it has none, the field's default or an empty value.
   */
  public static boolean showsUnchanged(Input input, Object submitted, boolean currentExists, Object current) {
    JsonNode value = FormRules.toJson(submitted);
    if (currentExists) {
      return same(value, FormRules.toJson(current));
    }
    return isBlank(value) || (input.defaultValue() != null && same(value, input.defaultValue()));
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean isBlank(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull()
        || (value.isBoolean() && !value.asBoolean()) // form-js's empty value of a checkbox
        || (value.isTextual() && value.asText().isEmpty())
        || ((value.isArray() || value.isObject()) && value.isEmpty());
  }

  private static void declare(Map<String, Input> inputs, String name, boolean readOnly, JsonNode defaultValue) {
    if (name.isBlank()) {
      return;
    }
    // Several components may write one variable: it is read-only only if every one of them is.
    inputs.merge(name, new Input(name, readOnly, defaultValue),
        (a, b) -> new Input(name, a.readOnly() && b.readOnly(), a.defaultValue() != null ? a.defaultValue() : b.defaultValue()));
  }

  private static boolean readOnly(JsonNode component) {
    return component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
  }

  private static String firstSegment(String path) {
    int dot = path.indexOf('.');
    return (dot < 0 ? path : path.substring(0, dot)).trim();
  }
}
