package se.samverkan.modelrules;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * No code in a model: a deployment must not run anything Samverkan does not offer. Refused are
 * script tasks and scripts (listeners, conditions, input/output), Java classes ({@code camunda:class}
 * and the like), embedded forms ({@code camunda:formKey}: JavaScript in the users' browsers), and
 * every expression that does more than {@link ModelExpressions} allows, wherever it stands (attribute
 * or element text).
 */
final class ModelCodeRules {

  private static final String RULE_CODE = " Regel: en modell kör ingen egen kod, bara det Samverkan erbjuder modeller "
      + "(docs/process-owners.md: 'Modellens bönor').";
  private static final String RULE_EXPRESSION = " Regel: ett uttryck får läsa och jämföra processvariabler och "
      + "anropa det Samverkan erbjuder modeller (docs/process-owners.md: 'Modellens bönor'), inget annat.";

  /** Not evaluated by the engine: diagram layout, documentation, free-text properties. */
  private static final Set<String> NOT_EVALUATED = Set.of("BPMNDiagram", "documentation", "textAnnotation",
      "properties", "extensionElements:properties");
  /** Elements whose name the engine evaluates as an expression. */
  private static final Set<String> EVALUATED_NAMES = Set.of("userTask", "message", "signal");
  private static final Set<String> FORM_ELEMENTS = Set.of("startEvent", "userTask");

  private ModelCodeRules() {}

  /** Adds a violation for everything in {@code scope} (and below) that would run code. */
  static void check(Element scope, String where, Element owner, List<ModelRuleViolation> violations) {
    String tag = scope.getTagName();
    if (NOT_EVALUATED.contains(tag)) {
      return;
    }
    Element here = scope.attribute("id") != null ? scope : owner;
    boolean process = "process".equals(tag);
    String at = where + (here == null || process ? "" : ", " + label(here)) + ": ";
    String id = here == null ? null : here.attribute("id");
    Element element = here == null ? scope : here;

    if ("scriptTask".equals(tag)) {
      violations.add(new ModelRuleViolation(element, id, at + "skriptuppgifter är inte tillåtna ("
          + orUnknown(scope.attribute("scriptFormat")) + ")." + RULE_CODE));
      return;
    }
    if ("script".equals(tag)) {
      violations.add(new ModelRuleViolation(element, id, at + "skript (" + orUnknown(scope.attribute("scriptFormat"))
          + ") är inte tillåtna i lyssnare, villkor eller in- och utdata." + RULE_CODE));
      return;
    }
    boolean scriptLanguage = false;
    for (String key : scope.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      String value = scope.attribute(key);
      if ("class".equals(name) || name.endsWith("Class")) {
        violations.add(new ModelRuleViolation(element, id, at + "anger Java-klassen '" + value + "' (" + name
            + "). En modell anropar Samverkans bönor som ${bönnamn}, aldrig egna klasser." + RULE_CODE));
      } else if ("language".equals(name) || "scriptFormat".equals(name)) {
        scriptLanguage = true;
        violations.add(new ModelRuleViolation(element, id, at + "villkoret eller värdet är skrivet i skriptspråket '"
            + value + "'; bara uttryck (${...}) är tillåtna." + RULE_CODE));
      } else if ("formKey".equals(name) && FORM_ELEMENTS.contains(tag)) {
        violations.add(new ModelRuleViolation(element, id, at + "använder ett inbäddat formulär (formKey '" + value
            + "'), som kör JavaScript i användarnas webbläsare. Regel: visa ett Camunda Form ur forms/ "
            + "(i Modeler: 'Form' > 'Camunda Form (linked)')."));
      } else if (ModelExpressions.isExpression(value) && (!"name".equals(name) || EVALUATED_NAMES.contains(tag))) {
        ModelExpressions.Use use = name.endsWith("elegateExpression")
            ? ModelExpressions.Use.DELEGATE : ModelExpressions.Use.VALUE;
        expression(value, name, use, element, id, at, violations);
      }
    }
    if (!scriptLanguage && scope.elements().isEmpty() && ModelExpressions.isExpression(scope.getText())) {
      expression(scope.getText().trim(), tag, ModelExpressions.Use.VALUE, element, id, at, violations);
    }
    for (Element child : scope.elements()) {
      check(child, where, here, violations);
    }
  }

  private static void expression(String expression, String where, ModelExpressions.Use use, Element element,
      String id, String at, List<ModelRuleViolation> violations) {
    List<String> reasons = ModelExpressions.check(expression, use);
    if (!reasons.isEmpty()) {
      violations.add(new ModelRuleViolation(element, id, at + "uttrycket '" + expression + "' (" + where + "): "
          + String.join("; ", reasons) + "." + RULE_EXPRESSION));
    }
  }

  private static String label(Element element) {
    String name = element.attribute("name");
    String id = element.attribute("id");
    String kind = "elementet";
    return name == null || name.isBlank() ? kind + " " + id : kind + " \"" + name + "\" (" + id + ")";
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "okänt språk" : value;
  }
}
