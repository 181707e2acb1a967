package se.samverkan.modelrules;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import se.samverkan.organisation.FunctionScope;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;
import se.samverkan.process.JsonVariables;

/**
 * Who a new user task goes to, checked when the engine creates it: the run-time half of the rule
 * "every user task goes to a function of the organisation" ({@link ModelRules} checks literal groups
 * at deployment; a group given by an expression, e.g. {@code ${aktivitetAnsvarig}}, is known only
 * now). A built-in create listener of every user task ({@link EngineAddedListeners}), run before the
 * model's own and the notification, also when custom listeners are skipped.
 *
 * <ul>
 *   <li>The task has at least one candidate group, and each is a function of the organisation
 *       (samordnare-lycksele, kommunpolis-sodra-lappland, an EST actor; not an unknown group, and
 *       camunda-admin only in a case of no municipality and no LPO: the vacancy of a function whose
 *       whole escalation chain is vacant).</li>
 *   <li>Each belongs to the case, by the function's scope: a municipal function (samordnare,
 *       kommunledning, an EST actor) to the case's municipality ({@code kommun}), or, when the case
 *       names only an LPO ({@code lpo}, e.g. the LPO-wide steps of the samverkansprocess), to one of
 *       that LPO's municipalities; an LPO function (kommunpolis, lpochef) to the case's LPO
 *       ({@code lpo}, else the LPO of its {@code kommun}); a global function (processägare,
 *       länsstyrelsen) to any case. A case that names neither (Samverkan's own överlämning of a
 *       function) is checked for the first rule only. This is the same set a medborgarlöfte offers
 *       as responsible functions ({@code funktionsval}).</li>
 *   <li>No person: no assignee and no candidate user, whether from a model or an expression.</li>
 * </ul>
 * A refusal names the task and the group, in Swedish, and fails the transaction creating the task.
 */
public class TaskRecipientCheck implements TaskListener {

  static final String MUNICIPALITY = "kommun";
  static final String LPO = "lpo";

  private final Organisation organisation;

  public TaskRecipientCheck(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    String what = "Uppgiften «" + task.getName() + "» (" + task.getTaskDefinitionKey() + ") kan inte skapas: ";
    if (task.getAssignee() != null) {
      throw new TaskRecipientRefusedException(what + "den är tilldelad personen '" + task.getAssignee()
          + "'. Uppgifter går till funktioner, inte till personer.");
    }
    for (IdentityLink link : List.copyOf(task.getCandidates())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        throw new TaskRecipientRefusedException(what + "personen '" + link.getUserId()
            + "' är kandidat. Uppgifter går till funktioner, inte till personer.");
      }
    }
    List<String> groups = CandidateGroups.of(task);
    if (groups.isEmpty()) {
      throw new TaskRecipientRefusedException(what + "den har ingen kandidatgrupp (ingen funktion).");
    }
    String kommun = blankToNull(JsonVariables.string(task, MUNICIPALITY));
    String lpo = Optional.ofNullable(blankToNull(JsonVariables.string(task, LPO)))
        .orElseGet(() -> kommun == null ? null : organisation.lpoOf(kommun).map(Lpo::slug).orElse(null));
    for (String group : groups) {
      if (Groups.CAMUNDA_ADMIN.equals(group) && kommun == null && lpo == null) {
        // the administrators: the end of a vacancy whose whole escalation chain is vacant, in
        // Samverkan's own överlämning (no municipality, no LPO; never a case's task)
        continue;
      }
      OrganisationFunction function = organisation.function(group).orElseThrow(() ->
          new TaskRecipientRefusedException(what + "kandidatgruppen '" + group + "' är ingen funktion i "
              + "organisationen."));
      String outside = outsideTheCase(function, kommun, lpo);
      if (outside != null) {
        throw new TaskRecipientRefusedException(what + "kandidatgruppen '" + group + "' (" + function.name()
            + ") hör inte till " + outside + ".");
      }
    }
  }

  /** Null when the function belongs to the case, otherwise the case's municipality or LPO, in words. */
  private String outsideTheCase(OrganisationFunction function, String kommun, String lpo) {
    FunctionScope scope = organisation.scopeOf(function);
    return switch (scope) {
      case global -> null;
      case lpo -> lpo == null || lpo.equals(function.scopeSlug()) ? null : "lokalpolisområdet " + lpoName(lpo);
      case kommun -> {
        if (kommun != null) {
          yield kommun.equals(function.scopeSlug()) ? null : "kommunen " + municipalityName(kommun);
        }
        yield lpo == null || organisation.lpoOf(function.scopeSlug()).map(Lpo::slug).filter(lpo::equals).isPresent()
            ? null : "lokalpolisområdet " + lpoName(lpo);
      }
    };
  }

  private String municipalityName(String slug) {
    return organisation.municipality(slug).map(m -> m.name()).orElse(slug);
  }

  private String lpoName(String slug) {
    return organisation.lpo(slug).map(Lpo::name).orElse(slug);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
