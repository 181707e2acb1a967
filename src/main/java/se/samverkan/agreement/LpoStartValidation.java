package se.samverkan.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.JsonVariables;

/**
 * The start form cannot offer the LPOs as options, so the start is checked here: the LPO must
 * exist in the organisation, and a person may start only for an LPO where one of their functions
 * belongs (the LPO's own functions or those of its municipalities). A start without a person
 * (the previous cycle starting the next) is not restricted.
 */
@Component("lpoStartValidation")
public class LpoStartValidation implements ExecutionListener {

  static final String STEP = "Starta samverkansprocessen";

  private final Organisation organisation;

  public LpoStartValidation(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String slug = JsonVariables.string(execution, AgreementProcess.LPO);
    List<String> problems = new ArrayList<>();
    if (slug.isBlank()) {
      problems.add("Ange lokalpolisområdet.");
    } else if (organisation.lpo(slug).isEmpty()) {
      problems.add("Lokalpolisområdet «" + slug + "» finns inte i organisationen. Kända lokalpolisområden: "
          + organisation.lpos().stream().map(Lpo::slug).collect(Collectors.joining(", ")) + ".");
    } else if (!starterBelongsTo(execution, organisation.lpo(slug).get())) {
      problems.add("Du har ingen funktion i lokalpolisområdet " + organisation.lpo(slug).get().name()
          + " och kan därför inte starta dess samverkansprocess.");
    }
    String period = JsonVariables.string(execution, AgreementProcess.PERIOD);
    if (period.isBlank()) {
      problems.add("Ange avtalsperioden, t.ex. 2027–2030.");
    } else if (problems.isEmpty() && execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
        .processInstanceBusinessKey(businessKey(slug, period)).count() > 0) {
      problems.add("Det finns redan en samverkansprocess för " + organisation.lpo(slug).get().name() + " " + period
          + "; fortsätt i den (en process per lokalpolisområde och avtalsperiod).");
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(STEP, problems);
    }
  }

  /** One samverkansprocess per LPO and agreement period: its business key. */
  public static String businessKey(String lpo, String period) {
    return lpo + " " + period;
  }

  private boolean starterBelongsTo(DelegateExecution execution, Lpo lpo) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return true;
    }
    List<String> groups = authentication.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      groups = identity.createGroupQuery().groupMember(authentication.getUserId()).list().stream()
          .map(Group::getId).toList();
    }
    Set<String> scopes = lpo.municipalities().stream().map(Municipality::slug).collect(Collectors.toSet());
    scopes.add(lpo.slug());
    return groups.stream()
        .map(organisation::function)
        .flatMap(java.util.Optional::stream)
        .map(OrganisationFunction::scopeSlug)
        .anyMatch(scopes::contains);
  }
}
