package se.samverkan.modelrules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import se.samverkan.organisation.Organisation;
import se.samverkan.security.FunctionAuthorizations;

/**
 * The rules for a deployment's decisions and cases, before the engine's own deployers run (BPMN has
 * its rules in {@link ModelRules}): a DMN decision is written in FEEL only (JUEL or a script
 * language in a decision is code; Camunda 7.24 builds its FEEL engine with external Java functions
 * disabled, {@code ScalaFeelEngine#buildFeelEngine}), and a function user deploys no CMMN case at
 * all. Every reason of every resource is reported at once, as a ParseException (400 to Modeler), and
 * nothing of the deployment stays: when more than one resource breaks a rule, the BPMN models' reasons
 * ({@link ModelRules}) are reported here together with the others, not one file after the other. Uses the engine's XML parser (impl classes) to report elements
 * and lines the way BPMN parse errors are reported.
 */
final class ModelResourceRules implements Deployer {

  private final Organisation organisation;

  ModelResourceRules(Organisation organisation) {
    this.organisation = organisation;
  }

  private static final Set<String> FEEL = Set.of("feel", "feel-scala", "feel-scala-unary-tests",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20180521/feel/",
      "http://www.omg.org/spec/dmn/20180521/feel/");

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, List<Problem>> errors = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>();
    int bpmnResourcesWithErrors = 0;
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName() == null ? "" : resource.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      Parse parse = null;
      if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn10.xml") || lower.endsWith(".cmmn11.xml")) {
        if (isFunctionUser()) {
          parse = parse(name, resource.getBytes());
          parse.addError("Ärendet (CMMN) " + name + " kan inte driftsättas. Regel: Samverkans processer modelleras "
              + "i BPMN; en ärendemodell (CMMN) driftsätts inte av en funktion.", parse.getRootElement());
        }
      } else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        parse = parse(name, resource.getBytes());
        if (parse.getRootElement() != null && !parse.hasErrors()) {
          for (ModelRuleViolation violation : ModelRules.check(parse.getRootElement(), DeploymentFormIds.of(deployment), organisation)) {
            parse.addError(violation.message(), violation.element(), violation.elementId());
          }
          bpmnResourcesWithErrors += parse.hasErrors() ? 1 : 0;
        } else {
          parse = null; // the engine's BPMN parse reports what is not BPMN
        }
      } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        parse = parse(name, resource.getBytes());
        if (parse.getRootElement() != null && !parse.hasErrors()) {
          checkDecision(parse.getRootElement(), name, null, parse);
        } else {
          parse = null; // not XML at all: the engine's DMN deployer says so itself
        }
      }
      if (parse != null && parse.hasErrors()) {
        errors.put(name, parse.getProblems());
        for (Problem problem : parse.getProblems()) {
          messages.add("* " + problem.getMessage() + " | resource " + name + " | line " + problem.getLine());
        }
      }
    }
    // One BPMN model alone: the engine's BPMN parse (ModelRulesBpmnParse) reports the same reasons itself.
    boolean oneModelAlone = errors.size() == 1 && bpmnResourcesWithErrors == 1;
    if (!errors.isEmpty() && !oneModelAlone) {
      throw new RefusedResources("Modellen kan inte driftsättas:\n" + String.join("\n", messages), errors);
    }
  }

  /** A ParseException with a report per refused file, as the engine's own has per BPMN file. */
  static final class RefusedResources extends ParseException {
    RefusedResources(String message, Map<String, List<Problem>> errorsByResource) {
      super(message, null, List.of(), List.of());
      resorceReports.clear();
      errorsByResource.forEach((resource, problems) -> resorceReports.add(new Report(resource, problems)));
    }
  }

  private record Report(String resource, List<Problem> problems) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return problems;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }

  private static void checkDecision(Element element, String resource, String owner, Parse parse) {
    String id = element.attribute("id") != null ? element.attribute("id") : owner;
    for (String key : element.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      String value = element.attribute(key);
      if ("expressionLanguage".equals(name) && value != null
          && !FEEL.contains(value.trim().toLowerCase(Locale.ROOT))) {
        parse.addError("Beslutet " + resource + (id == null ? "" : ", elementet " + id) + ": uttrycksspråket '"
            + value + "' är inte tillåtet. Regel: beslut (DMN) skrivs i FEEL, som inte kan köra kod.",
            element, id == null ? new String[0] : new String[] {id});
      }
    }
    for (Element child : element.elements()) {
      checkDecision(child, resource, id, parse);
    }
  }

  static Parse parse(String name, byte[] bytes) {
    Parser parser = new Parser() {
      @Override
      public Parse createParse() {
        return new Parse(this) {};
      }

      /** Our own SAX parser: the engine's one is shared per thread and may validate against the BPMN schema. */
      @Override
      protected SAXParser getSaxParser() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory.newSAXParser();
      }
    };
    return parser.createParse().name(name).sourceInputStream(new ByteArrayInputStream(bytes)).execute();
  }

  /** An authenticated user who is not an administrator; the engine's own work (startup) is none. */
  private static boolean isFunctionUser() {
    if (Context.getCommandContext() == null) {
      return false;
    }
    Authentication authentication = Context.getCommandContext().getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    List<String> groups = authentication.getGroupIds();
    return groups == null || !groups.contains(FunctionAuthorizations.ADMINISTRATORS);
  }
}
