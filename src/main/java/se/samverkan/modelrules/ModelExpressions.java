package se.samverkan.modelrules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do, checked on the expression's syntax tree (the JUEL parser
 * the engine itself uses; its AST classes are Camunda impl classes, kept in this class and
 * ModelElResolver): read process variables, compare and combine them, call the methods of the
 * beans in {@link ModelBeans} and a short list of methods on values (Spin's JSON, collections,
 * Optional, the organisation's records). Nothing reaches the engine's services, its API behind
 * {@code execution}/{@code task}, or Java reflection.
 */
final class ModelExpressions {

  /** Where an expression stands: a delegate/listener reference, or any other value. */
  enum Use { DELEGATE, VALUE }

  /** Identifiers that name the engine or its services (beans of the Spring context, or the engine's own). */
  static final Set<String> ENGINE_NAMES = Set.of("processEngine", "processEngineServices",
      "processEngineConfiguration", "identityService", "runtimeService", "repositoryService", "taskService",
      "historyService", "managementService", "formService", "authorizationService", "filterService",
      "externalTaskService", "caseService", "decisionService", "applicationContext", "environment", "dataSource",
      "jdbcTemplate", "transactionManager", "commandContext");

  /** Methods of Java reflection and class loading, on whatever base. */
  static final Set<String> REFLECTION_METHODS = Set.of("getClass", "forName", "getClassLoader", "loadClass",
      "newInstance", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getConstructor",
      "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getFields",
      "getDeclaredField", "getDeclaredFields", "invoke", "setAccessible", "getRuntime", "exec", "lookup",
      "getProcessEngineServices", "getProcessEngine", "getProcessEngineConfiguration");

  /** Properties that lead to classes, class loaders or the engine, on whatever base. */
  static final Set<String> DENIED_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
      "protectionDomain", "processEngineServices", "processEngine", "processEngineConfiguration", "runtime");

  /** The engine API behind {@code execution} and {@code task} a model may use: its variables and ids. */
  static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
      "getVariableLocalTyped", "hasVariable", "hasVariableLocal", "setVariable", "setVariableLocal",
      "getProcessInstanceId", "getProcessBusinessKey", "getBusinessKey", "getId", "getEventName",
      "getCurrentActivityId", "getCurrentActivityName", "getActivityInstanceId", "getProcessDefinitionId",
      "getTenantId", "getName", "getAssignee", "getTaskDefinitionKey", "getDueDate", "getFollowUpDate",
      "getPriority", "getCreateTime", "getDescription", "getOwner");

  static final Set<String> EXECUTION_PROPERTIES = Set.of("processInstanceId", "processBusinessKey", "businessKey",
      "id", "eventName", "currentActivityId", "currentActivityName", "activityInstanceId", "processDefinitionId",
      "tenantId", "name", "assignee", "taskDefinitionKey", "dueDate", "followUpDate", "priority", "createTime",
      "description", "owner", "variables", "variablesLocal");

  /**
   * Methods on values (process variables and what published beans return): what the product's
   * models use today and the like. Spin's {@code mapTo} is not here: it builds any named Java class.
   */
  static final Set<String> VALUE_METHODS = Set.of(
      // Spin JSON
      "prop", "elements", "stringValue", "boolValue", "numberValue", "isNull", "hasProp", "isString", "isNumber",
      "isBoolean", "isArray", "isObject", "isValue", "value", "fieldNames",
      // collections, maps, Optional
      "size", "isEmpty", "contains", "containsKey", "get", "indexOf", "isPresent", "orElse",
      // strings
      "equals", "length", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "toString",
      // the organisation's records
      "name", "slug");

  /** The functions the engine and Spin offer expressions. */
  static final Set<String> FUNCTIONS = Set.of("S", "JSON", "XML", "now", "dateTime", "currentUser",
      "currentUserGroups");

  static final Set<String> ENGINE_API_NAMES = Set.of("execution", "task", "caseExecution", "externalTask");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private ModelExpressions() {}

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The reasons an expression is refused, in Swedish, each naming what it does; empty if it may stay. */
  static List<String> check(String expression, Use use) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException | IllegalArgumentException unparseable) {
      return List.of("uttrycket kan inte tolkas (" + unparseable.getMessage() + ")");
    }
    Set<String> reasons = new LinkedHashSet<>();
    if (use == Use.DELEGATE) {
      checkDelegate(expression, root, reasons);
    }
    walk(root, reasons);
    return new ArrayList<>(reasons);
  }

  private static void checkDelegate(String expression, Node root, Set<String> reasons) {
    Optional<String> name = plainIdentifier(root);
    if (name.isEmpty()) {
      reasons.add("en delegat eller lyssnare anges som ${bönnamn}, inte som '" + expression + "'");
    } else if (ModelBeans.named(name.get()).filter(ModelBeans.Bean::delegate).isEmpty()
        && !ENGINE_NAMES.contains(name.get())) {
      reasons.add("'" + name.get() + "' är ingen delegat eller lyssnare som Samverkan erbjuder modeller");
    }
  }

  /** The identifier of {@code ${name}}, and nothing else. */
  private static Optional<String> plainIdentifier(Node root) {
    Node node = root;
    // Tree root: AstEval around the expression (no composite for a single ${...}).
    while (!(node instanceof AstIdentifier) && node.getCardinality() == 1 && !(node instanceof AstProperty)
        && !(node instanceof AstFunction)) {
      node = node.getChild(0);
    }
    return node instanceof AstIdentifier identifier ? Optional.of(identifier.getName()) : Optional.empty();
  }

  /** Inner parts first, so that the reasons read in the order the expression is written. */
  private static void walk(Node node, Set<String> reasons) {
    if (node instanceof AstMethod) {
      // The method's own name node is no property read: walk its base and a computed name, then the arguments.
      Node property = node.getChild(0);
      for (int i = 0; i < property.getCardinality(); i++) {
        walk(property.getChild(i), reasons);
      }
      checkMethod(node, reasons);
      walk(node.getChild(1), reasons);
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Node child = node.getChild(i);
      if (child != null) {
        walk(child, reasons);
      }
    }
    if (node instanceof AstProperty property) {
      checkProperty(property, reasons);
    } else if (node instanceof AstIdentifier identifier) {
      checkIdentifier(identifier.getName(), reasons);
    } else if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      reasons.add("anropar funktionen '" + function.getName() + "()', som Samverkan inte erbjuder modeller");
    }
  }

  private static void checkIdentifier(String name, Set<String> reasons) {
    if (ENGINE_NAMES.contains(name)) {
      reasons.add("når motorns tjänst '" + name + "'");
    }
  }

  /** {@code base.name(args)}: the method's property node is child 0, its base that node's child 0. */
  private static void checkMethod(Node method, Set<String> reasons) {
    Node property = method.getChild(0);
    Node base = property.getChild(0);
    String name = propertyName(property);
    if (name == null) {
      reasons.add("anropar en metod vars namn räknas ut ('" + property + "')");
      return;
    }
    if (REFLECTION_METHODS.contains(name)) {
      reasons.add("anropar '" + name + "' (Java-reflektion eller motorns tjänster)");
      return;
    }
    if ("mapTo".equals(name)) {
      reasons.add("anropar Spins 'mapTo', som bygger godtyckliga Java-klasser");
      return;
    }
    String baseName = base instanceof AstIdentifier identifier ? identifier.getName() : null;
    if (baseName != null && ENGINE_NAMES.contains(baseName)) {
      return; // reported as the identifier
    }
    if (baseName != null && ENGINE_API_NAMES.contains(baseName)) {
      if (!EXECUTION_METHODS.contains(name)) {
        reasons.add("anropar '" + baseName + "." + name + "()', motorns API (bara variabler och id:n är tillåtna)");
      }
      return;
    }
    Optional<ModelBeans.Bean> bean = baseName == null ? Optional.empty() : ModelBeans.named(baseName);
    if (bean.isPresent()) {
      if (!bean.get().methods().contains(name)) {
        reasons.add("anropar '" + baseName + "." + name + "()', en metod som bönan '" + baseName
            + "' inte erbjuder modeller");
      }
      return;
    }
    if (!VALUE_METHODS.contains(name)) {
      reasons.add("anropar metoden '" + name + "()', som Samverkan inte erbjuder modeller");
    }
  }

  private static void checkProperty(AstProperty property, Set<String> reasons) {
    String name = propertyName(property);
    Node base = property.getChild(0);
    if (property instanceof AstBracket && name == null) {
      Node index = property.getChild(1);
      if (!(index instanceof AstNumber)) {
        reasons.add("läser en egenskap vars namn räknas ut ('" + property + "')");
      }
      return;
    }
    if (name == null) {
      return;
    }
    if (DENIED_PROPERTIES.contains(name)) {
      reasons.add("läser '" + name + "' (Java-reflektion eller motorns tjänster)");
      return;
    }
    String baseName = base instanceof AstIdentifier identifier ? identifier.getName() : null;
    if (baseName != null && ENGINE_API_NAMES.contains(baseName) && !EXECUTION_PROPERTIES.contains(name)) {
      reasons.add("läser '" + baseName + "." + name + "', motorns API (bara variabler och id:n är tillåtna)");
    } else if (baseName != null && ModelBeans.named(baseName).isPresent()) {
      reasons.add("läser '" + baseName + "." + name + "'; bönan '" + baseName + "' används bara genom sina metoder");
    }
  }

  /** The name of {@code .name} or {@code ['name']}; null when it is computed. */
  private static String propertyName(Node property) {
    if (property instanceof AstDot) {
      // AstDot keeps its name in a protected field; toString() is ". name".
      String text = property.toString();
      return text.startsWith(". ") ? text.substring(2) : text;
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString string) {
      String text = string.toString();
      // AstString.toString() is the literal with its quotes.
      return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
    }
    return null;
  }
}
