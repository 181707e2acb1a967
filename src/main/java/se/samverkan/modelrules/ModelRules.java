package se.samverkan.modelrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Samverkan's rules for a deployable model, checked on the BPMN XML: a process keeps its history
 * for a set time; every user task belongs to a function (a candidate group, never a named person)
 * and shows a Camunda Form that travels with the model; and no model runs code of its own
 * ({@link ModelCodeRules}).
 */
final class ModelRules {

  private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
  private static final String BINDING_DEPLOYMENT = "deployment";

  private ModelRules() {}

  static List<ModelRuleViolation> check(Element definitions, Set<String> deployedFormIds) {
    List<ModelRuleViolation> violations = new ArrayList<>();
    for (Element process : definitions.elements("process")) {
      if ("false".equals(process.attribute("isExecutable"))) {
        continue;
      }
      String processLabel = label("Processen", process);
      if (isBlank(process.attributeNS(CAMUNDA, "historyTimeToLive"))) {
        violations.add(new ModelRuleViolation(process, process.attribute("id"), processLabel
            + " saknar historiktid. Regel: varje process anger hur länge dess historik sparas "
            + "(i Modeler: processens 'History cleanup' > 'Time to live', t.ex. P3650D)."));
      }
      checkUserTasks(process, processLabel, deployedFormIds, violations);
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
      List<ModelRuleViolation> violations) {
    for (Element element : scope.elements()) {
      if ("userTask".equals(element.getTagName())) {
        checkUserTask(element, processLabel, deployedFormIds, violations);
      } else if (!element.elements().isEmpty()) {
        checkUserTasks(element, processLabel, deployedFormIds, violations);
      }
    }
  }

  private static void checkUserTask(Element task, String processLabel, Set<String> deployedFormIds,
      List<ModelRuleViolation> violations) {
    String where = processLabel + ", " + label("uppgiften", task) + ": ";
    String id = task.attribute("id");
    String candidateGroups = task.attributeNS(CAMUNDA, "candidateGroups");
    String assignee = task.attributeNS(CAMUNDA, "assignee");
    String candidateUsers = task.attributeNS(CAMUNDA, "candidateUsers");
    String formRef = task.attributeNS(CAMUNDA, "formRef");
    String binding = task.attributeNS(CAMUNDA, "formRefBinding");

    if (isBlank(candidateGroups)) {
      violations.add(new ModelRuleViolation(task, id, where + "uppgiften saknar kandidatgrupp. Regel: varje "
          + "uppgift går till en funktion, inte till en person (i Modeler: 'User assignment' > "
          + "'Candidate groups', t.ex. samordnare-${kommun})."));
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
    } else if (BINDING_DEPLOYMENT.equals(binding) && !formRef.contains("${")
        && !deployedFormIds.contains(formRef)) {
      violations.add(new ModelRuleViolation(task, id, where + "formuläret '" + formRef + "' finns inte i "
          + "driftsättningen. Regel: driftsätt formulärfilen (forms/" + formRef + ".form) tillsammans med "
          + "modellen (i Modeler: bifoga formuläret i dialogen 'Deploy')."));
    }
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
