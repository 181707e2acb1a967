package se.samverkan.modelrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import se.samverkan.organisation.Organisation;

/**
 * Samverkan's one rule set for a deployable model, checked on the BPMN XML at every deployment
 * (startup, REST, Modeler, tests: {@link ModelRulesPlugin}) and by the repository's policy test on
 * processes/ ({@link #problems}). All broken rules of a model are reported at once, in Swedish,
 * naming process, element and rule.
 *
 * <p>What a model must carry:
 * <ul>
 *   <li>every executable process a name and a history time to live;</li>
 *   <li>every user task a name; a candidate group of a function the organisation file declares
 *       (never a named person as assignee or candidate user); a Camunda Form that travels with
 *       the deployment ({@code camunda:formRef} with binding {@code deployment}); a due date
 *       ({@code camunda:dueDate}); and the timeout task listeners {@code ${taskReminder}} and
 *       {@code ${taskEscalation}} with their timer definitions (the process owner sets when the
 *       function is reminded and when the task escalates);</li>
 *   <li>no code of its own ({@link ModelCodeRules}).</li>
 * </ul>
 *
 * <p>What the engine adds to every user task, whatever the model says
 * ({@link se.samverkan.engine.EveryUserTaskPlugin}): before the model's own complete listeners the
 * server-side validation of the form ({@code formValidation}), then the to-do checklists
 * ({@code checklistComplete}, {@link EngineAddedListeners}); after the model's own create
 * listeners the notification of the function and Tasklist's list columns. A model need not and
 * should not declare these; an older one that still does is accepted, and they run once.
 */
public final class ModelRules {

  private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
  private static final String BINDING_DEPLOYMENT = "deployment";
  /** The delegate expression of the reminder's timeout listener. */
  public static final String REMINDER = "${taskReminder}";
  /** The delegate expression of an escalation's timeout listener. */
  public static final String ESCALATION = "${taskEscalation}";

  private ModelRules() {}

  /**
   * The broken rules of one BPMN file as messages, for checks outside a deployment (the policy
   * test of processes/); the same rules and messages as at deployment.
   */
  public static List<String> problems(String resourceName, byte[] bpmn, Set<String> deployedFormIds,
      Organisation organisation) {
    Parse parse = ModelResourceRules.parse(resourceName, bpmn);
    List<String> problems = new ArrayList<>();
    parse.getProblems().forEach(problem -> problems.add(problem.getMessage()));
    if (parse.getRootElement() != null) {
      check(parse.getRootElement(), deployedFormIds, organisation)
          .forEach(violation -> problems.add(violation.message()));
    }
    return problems;
  }

  static List<ModelRuleViolation> check(Element definitions, Set<String> deployedFormIds,
      Organisation organisation) {
    List<ModelRuleViolation> violations = new ArrayList<>();
    for (Element process : definitions.elements("process")) {
      if ("false".equals(process.attribute("isExecutable"))) {
        continue;
      }
      String processLabel = label("Processen", process);
      if (isBlank(process.attribute("name"))) {
        violations.add(new ModelRuleViolation(process, process.attribute("id"), processLabel
            + " saknar namn. Regel: varje process har ett namn som funktionerna känner igen i Tasklist "
            + "(i Modeler: processens 'General' > 'Name')."));
      }
      if (isBlank(process.attributeNS(CAMUNDA, "historyTimeToLive"))) {
        violations.add(new ModelRuleViolation(process, process.attribute("id"), processLabel
            + " saknar historiktid. Regel: varje process anger hur länge dess historik sparas "
            + "(i Modeler: processens 'History cleanup' > 'Time to live', t.ex. P3650D)."));
      }
      checkUserTasks(process, processLabel, deployedFormIds, organisation, violations);
      ModelCodeRules.check(process, processLabel, null, violations);
    }
    for (Element element : definitions.elements()) {
      if (!"process".equals(element.getTagName())) {
        ModelCodeRules.check(element, "Modellen", null, violations);
      }
    }
    return violations;
  }

  private static void checkUserTasks(Element scope, String processLabel, Set<String> deployedFormIds,
      Organisation organisation, List<ModelRuleViolation> violations) {
    for (Element element : scope.elements()) {
      if ("userTask".equals(element.getTagName())) {
        checkUserTask(element, processLabel, deployedFormIds, organisation, violations);
      } else if (!element.elements().isEmpty()) {
        checkUserTasks(element, processLabel, deployedFormIds, organisation, violations);
      }
    }
  }

  private static void checkUserTask(Element task, String processLabel, Set<String> deployedFormIds,
      Organisation organisation, List<ModelRuleViolation> violations) {
    String where = processLabel + ", " + label("uppgiften", task) + ": ";
    String id = task.attribute("id");
    String candidateGroups = task.attributeNS(CAMUNDA, "candidateGroups");
    String assignee = task.attributeNS(CAMUNDA, "assignee");
    String candidateUsers = task.attributeNS(CAMUNDA, "candidateUsers");
    String formRef = task.attributeNS(CAMUNDA, "formRef");
    String binding = task.attributeNS(CAMUNDA, "formRefBinding");

    if (isBlank(task.attribute("name"))) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar namn. Regel: varje uppgift "
          + "har ett namn som säger funktionen vad som ska göras (i Modeler: 'General' > 'Name')."));
    }
    if (isBlank(candidateGroups)) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar kandidatgrupp. Regel: varje "
          + "uppgift går till en funktion, inte till en person (i Modeler: 'User assignment' > "
          + "'Candidate groups', t.ex. samordnare-${kommun})."));
    } else if (organisation != null) {
      for (String group : candidateGroups.split(",")) {
        String unknown = unknownFunction(group.strip(), organisation);
        if (unknown != null) {
          violations.add(new ModelRuleViolation(task, id, where + "kandidatgruppen '" + group.strip()
              + "' är ingen funktion i organisationen (" + unknown + "). Regel: uppgifter går till funktioner "
              + "som organisationsfilen anger, t.ex. samordnare-${kommun} eller kommunpolis-${lpo}."));
        }
      }
    }
    if (!isBlank(assignee) && !assignee.contains("${")) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften är tilldelad personen '" + assignee
          + "'. Regel: uppgifter går till funktioner så att arbetet går vidare när någon slutar; "
          + "ta bort 'Assignee' och ange 'Candidate groups'."));
    }
    if (!isBlank(candidateUsers) && !candidateUsers.contains("${")) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften har namngivna personer ('"
          + candidateUsers + "') som kandidater. Regel: uppgifter går till funktioner; ta bort "
          + "'Candidate users' och ange 'Candidate groups'."));
    }
    if (isBlank(formRef)) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar formulär. Regel: varje uppgift "
          + "visar ett formulär från forms/ (i Modeler: 'Form' > 'Camunda Form (linked)', Form ID och "
          + "binding 'deployment')."));
    } else if (isBlank(binding)) {
      violations.add(new ModelRuleViolation(task, id, where + "formuläret '" + formRef + "' saknar binding. "
          + "Regel: ange binding 'deployment' så att uppgiften alltid visar formuläret som driftsattes med modellen."));
    } else if (!BINDING_DEPLOYMENT.equals(binding)) {
      violations.add(new ModelRuleViolation(task, id, where + "formuläret '" + formRef + "' har binding '" + binding
          + "'. Regel: ange binding 'deployment' så att uppgiften alltid visar formuläret som driftsattes med modellen."));
    } else if (!formRef.contains("${")
        && !deployedFormIds.contains(formRef)) {
      violations.add(new ModelRuleViolation(task, id, where + "formuläret '" + formRef + "' finns inte i "
          + "driftsättningen. Regel: driftsätt formulärfilen (forms/" + formRef + ".form) tillsammans med "
          + "modellen (i Modeler: bifoga formuläret i dialogen 'Deploy')."));
    }
    if (isBlank(task.attributeNS(CAMUNDA, "dueDate"))) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar förfallodatum. Regel: varje "
          + "uppgift har ett datum då den ska vara klar (i Modeler: 'Task' > 'Due date', t.ex. P10D eller "
          + "${motestid})."));
    }
    checkTimeoutListener(task, where, REMINDER, "påminnelse",
        "när funktionen påminns om en uppgift som står still", violations);
    checkTimeoutListener(task, where, ESCALATION, "eskalering",
        "när en uppgift som står still eskaleras till nästa funktion", violations);
  }

  /** The timeout task listener {@code expression} with a timer of its own, which the process owner sets. */
  private static void checkTimeoutListener(Element task, String where, String expression, String what,
      String purpose, List<ModelRuleViolation> violations) {
    String id = task.attribute("id");
    boolean declared = false;
    for (Element listener : camundaTaskListeners(task)) {
      if (!"timeout".equals(listener.attribute("event"))
          || !expression.equals(strip(listener.attribute("delegateExpression")))) {
        continue;
      }
      declared = true;
      if (!hasTimer(listener)) {
        violations.add(new ModelRuleViolation(task, id, where + "lyssnaren " + expression + " ("
            + what + ") saknar tid. Regel: processägaren anger " + purpose + " (i Modeler: 'Task listeners' > "
            + "lyssnaren > 'Timer', t.ex. Duration P2D)."));
      }
    }
    if (!declared) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar " + what + " (timeout-lyssnaren "
          + expression + "). Regel: processägaren anger " + purpose + " (i Modeler: 'Task listeners' > "
          + "Event type 'timeout', Delegate expression " + expression + ", Timer t.ex. Duration P2D)."));
    }
  }

  private static List<Element> camundaTaskListeners(Element task) {
    Element extensions = task.element("extensionElements");
    return extensions == null ? List.of() : extensions.elementsNS(CAMUNDA, "taskListener");
  }

  private static boolean hasTimer(Element listener) {
    Element timer = listener.element("timerEventDefinition");
    if (timer == null) {
      return false;
    }
    for (String kind : List.of("timeDuration", "timeDate", "timeCycle")) {
      Element time = timer.element(kind);
      if (time != null && !isBlank(time.getText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code group} is no function of the organisation, or null when it is one: a literal group
   * must be a function (samordnare-lycksele, processagare); a group with an expression after its
   * type (samordnare-${kommun}) a function type or EST actor the file declares. A group that is
   * wholly an expression (${funktion}) is decided at run time and not checked here.
   */
  private static String unknownFunction(String group, Organisation organisation) {
    if (group.isEmpty() || group.startsWith("${") || group.startsWith("#{")) {
      return null;
    }
    int dollar = group.indexOf("${");
    int hash = group.indexOf("#{");
    int expression = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    if (expression < 0) {
      return organisation.function(group).isPresent() ? null : "organisationsfilen har ingen sådan grupp";
    }
    String type = group.substring(0, expression);
    type = type.endsWith("-") ? type.substring(0, type.length() - 1) : type;
    boolean known = organisation.functions().containsKey(type) || organisation.estActors().containsKey(type);
    return known ? null : "organisationsfilen har ingen funktion '" + type + "'";
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String label(String kind, Element element) {
    String name = element.attribute("name");
    String id = element.attribute("id");
    return isBlank(name) ? kind + " " + id : kind + " \"" + name + "\" (" + id + ")";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
