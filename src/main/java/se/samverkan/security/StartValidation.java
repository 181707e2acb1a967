package se.samverkan.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;
import se.samverkan.agreement.AgreementPeriods;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.engine.CallerGroups;
import se.samverkan.forms.FormInputs;
import se.samverkan.forms.FormRules;
import se.samverkan.forms.StartRefusedException;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.ProcessStarts;

/**
 * The one start check of every top-level process, on its start event as a built-in listener that
 * skipCustomListeners does not skip (see {@link StartValidationPlugin}, which also refuses start
 * instructions, restarts and modifications to function users). In this order:
 * <ol>
 *   <li>a function user's own start of a process Samverkan starts by itself (överlämning,
 *       medborgarlöfte, EST) or that is not startable in Tasklist: 403;</li>
 *   <li>a person's own start: the start form's rules (required, type, length, pattern), and for a
 *       function user only the variables the start form declares (without a start form: kommun and
 *       lpo), and at least a kommun or an lpo: 400;</li>
 *   <li>every start: {@code kommun} and {@code lpo} name a municipality and LPO of the organisation,
 *       the municipality in that LPO: 400;</li>
 *   <li>a person's own start: one of their functions belongs to that municipality or LPO (the
 *       police functions act for every municipality of their LPO): 403;</li>
 *   <li>the samverkansprocess: an LPO and a period, and the pair claimed once for ever
 *       ({@link AgreementPeriods}): 400, or {@link se.samverkan.forms.StartConflictException}.</li>
 * </ol>
 * Starts without a person (timers, the application itself) and starts by another process (a
 * medborgarlöfte per municipality once the agreement is signed) are checked for the names and the
 * period only. Refusals of input are {@link StartRefusedException}s, refusals of a person
 * {@link AuthorizationException}s; both in Swedish.
 */
@Component("startValidation")
public class StartValidation implements ExecutionListener {

  static final String KOMMUN = "kommun";
  static final String LPO = "lpo";
  /** What a function user may pass to a process without a start form. */
  static final Set<String> WITHOUT_START_FORM = Set.of(KOMMUN, LPO);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode NO_FORM = JSON.createObjectNode();

  private final Organisation organisation;
  private final Map<String, JsonNode> startForms = new ConcurrentHashMap<>();

  public StartValidation(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return; // a called process: its parent was checked when it started
    }
    Optional<Starter> starter = OutermostCommand.isDirectStart()
        ? Starter.current(Context.getProcessEngineConfiguration())
        : Optional.empty();
    boolean functionUser = starter.map(s -> !s.administrator()).orElse(false);
    if (functionUser) {
      refuseWhatIsNotStartedByHand(execution);
    }
    if (starter.isPresent()) {
      checkStartForm(execution, functionUser);
    }
    Optional<Municipality> kommun = municipality(execution.getVariable(KOMMUN));
    Optional<Lpo> lpo = lpo(execution.getVariable(LPO));
    if (kommun.isPresent() && lpo.isPresent()
        && lpo.get().municipalities().stream().noneMatch(m -> m.slug().equals(kommun.get().slug()))) {
      throw new StartRefusedException(
          "Kommunen " + kommun.get().name() + " hör inte till lokalpolisområdet " + lpo.get().name() + ".");
    }
    if (functionUser && kommun.isEmpty() && lpo.isEmpty()) {
      throw new StartRefusedException("Ange kommunen (kommun) eller lokalpolisområdet (lpo) som processen gäller, "
          + "t.ex. kommun \"lycksele\" eller lpo \"sodra-lappland\".");
    }
    if (starter.isPresent() && (kommun.isPresent() || lpo.isPresent())
        && !mayStartFor(starter.get().groups(), kommun, lpo)) {
      String where = kommun.map(Municipality::name).orElseGet(() -> lpo.get().name());
      throw new AuthorizationException("Du kan inte starta en process för " + where
          + ": ingen av dina funktioner hör till " + where + ".");
    }
    if (AgreementProcess.KEY.equals(processDefinition(execution).getKey())) {
      claimAgreementPeriod(execution, lpo);
    }
  }

  /**
   * The rule of step 4: whether a person in these groups may start a process for the municipality or
   * LPO, that is whether one of their functions {@link #covers} it. Administrators are no exception.
   */
  boolean mayStartFor(List<String> groups, Optional<Municipality> kommun, Optional<Lpo> lpo) {
    return groups.stream().map(organisation::function).flatMap(Optional::stream)
        .anyMatch(function -> covers(organisation, function, kommun, lpo));
  }

  /** The LPOs a person in these groups may start a process for (by {@link #mayStartFor}), in the organisation's order. */
  List<Lpo> startableLpos(List<String> groups) {
    return organisation.lpos().stream().filter(lpo -> mayStartFor(groups, Optional.empty(), Optional.of(lpo))).toList();
  }

  /** Whether a function may act for the municipality or LPO: its own, or the LPO's police for its municipalities. */
  static boolean covers(Organisation organisation, OrganisationFunction function, Optional<Municipality> kommun,
      Optional<Lpo> lpo) {
    String scope = function.scopeSlug();
    if (scope == null) {
      return false;
    }
    if (kommun.isPresent()) {
      String lpoOfKommun = organisation.lpoOf(kommun.get().slug()).map(Lpo::slug).orElse(null);
      return scope.equals(kommun.get().slug()) || scope.equals(lpoOfKommun);
    }
    return scope.equals(lpo.get().slug())
        || lpo.get().municipalities().stream().anyMatch(m -> m.slug().equals(scope));
  }

  private static void refuseWhatIsNotStartedByHand(DelegateExecution execution) {
    ProcessDefinition definition = processDefinition(execution);
    if (ProcessStarts.STARTED_BY_SAMVERKAN.contains(definition.getKey()) || !definition.isStartableInTasklist()) {
      String name = definition.getName() == null ? definition.getKey() : definition.getName();
      throw new AuthorizationException("Processen " + name + " startar Samverkan själv när den behövs; "
          + "den kan inte startas för hand.");
    }
  }

  private void checkStartForm(DelegateExecution execution, boolean functionUser) {
    JsonNode form = startForm(execution);
    List<String> problems = new ArrayList<>();
    if (form != NO_FORM) {
      problems.addAll(new FormRules(form).check(execution::getVariable));
    }
    if (functionUser) {
      Set<String> declared = form == NO_FORM ? WITHOUT_START_FORM : FormInputs.of(form).names();
      Set<String> undeclared = new TreeSet<>(execution.getVariableNames());
      undeclared.removeAll(declared);
      if (!undeclared.isEmpty()) {
        problems.add("Startformuläret har inga fält för " + undeclared.stream().limit(5).map(StartValidation::shortened)
            .collect(Collectors.joining(", ")) + (undeclared.size() > 5 ? " med flera" : "")
            + "; skicka bara det formuläret frågar efter" + (form == NO_FORM ? " (kommun, lpo)." : "."));
      }
    }
    if (!problems.isEmpty()) {
      throw new StartRefusedException(problems);
    }
  }

  /** The start event's deployed Camunda Form, read once per process definition; NO_FORM without one. */
  private JsonNode startForm(DelegateExecution execution) {
    return startForms.computeIfAbsent(execution.getProcessDefinitionId(), id -> {
      FlowElement element = execution.getBpmnModelElementInstance();
      if (!(element instanceof StartEvent start) || (start.getCamundaFormRef() == null
          && (start.getCamundaFormKey() == null || !start.getCamundaFormKey().startsWith("camunda-forms:")))) {
        return NO_FORM;
      }
      try (InputStream in = execution.getProcessEngineServices().getFormService().getDeployedStartForm(id)) {
        return JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void claimAgreementPeriod(DelegateExecution execution, Optional<Lpo> lpo) {
    List<String> problems = new ArrayList<>();
    if (lpo.isEmpty()) {
      problems.add("Ange lokalpolisområdet, t.ex. " + organisation.lpos().stream().findFirst().map(Lpo::slug)
          .orElse("sodra-lappland") + ".");
    }
    Object value = execution.getVariable(AgreementProcess.PERIOD);
    String period = value instanceof String text ? AgreementPeriods.normalised(text) : "";
    if (value != null && !(value instanceof String)) {
      problems.add("Avtalsperioden ska anges som text, t.ex. 2027–2030.");
    } else if (period.isBlank()) {
      problems.add("Ange avtalsperioden, t.ex. 2027–2030.");
    } else if (AgreementPeriods.orderProblem(period) != null) {
      problems.add(AgreementPeriods.orderProblem(period));
    }
    if (!problems.isEmpty()) {
      throw new StartRefusedException(problems);
    }
    execution.setVariable(AgreementProcess.PERIOD, period);
    AgreementPeriods.claim(lpo.get().slug(), lpo.get().name(), period, execution.getProcessInstanceId());
  }

  private static ProcessDefinition processDefinition(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId());
  }

  private Optional<Municipality> municipality(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String slug)) {
      throw new StartRefusedException("Kommun ska anges som kommunens id i text, t.ex. \"lycksele\".");
    }
    return Optional.of(organisation.municipality(slug).orElseThrow(() -> new StartRefusedException(
        "Kommunen «" + shortened(slug) + "» finns inte i organisationen. Kända kommuner: " + organisation.municipalities().stream()
            .map(Municipality::slug).collect(Collectors.joining(", ")) + ".")));
  }

  private Optional<Lpo> lpo(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String slug)) {
      throw new StartRefusedException("Lokalpolisområde ska anges som id i text, t.ex. \"sodra-lappland\".");
    }
    return Optional.of(organisation.lpo(slug).orElseThrow(() -> new StartRefusedException(
        "Lokalpolisområdet «" + shortened(slug) + "» finns inte i organisationen. Kända lokalpolisområden: "
            + organisation.lpos().stream().map(Lpo::slug).collect(Collectors.joining(", ")) + ".")));
  }

  /** Echo at most a little of what was sent: the message must stay readable and small. */
  static String shortened(String text) {
    String printable = text.replaceAll("[^\\p{L}\\p{N} ._-]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
  }

  /**
   * The person calling into the engine: the authenticated user and their groups (from the
   * authentication, else from their memberships); an administrator is in Camunda's admin group.
   */
  record Starter(String userId, List<String> groups, boolean administrator) {

    static Optional<Starter> current(ProcessEngineConfigurationImpl configuration) {
      IdentityService identity = configuration.getIdentityService();
      Authentication authentication = identity.getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return Optional.empty();
      }
      List<String> groups = CallerGroups.of(identity, authentication);
      return Optional.of(new Starter(authentication.getUserId(), groups,
          Administrators.includes(authentication.getUserId(), groups, configuration)));
    }
  }
}
