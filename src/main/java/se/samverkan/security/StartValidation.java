package se.samverkan.security;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * Runs at the start event of every top-level process (see {@link StartValidationPlugin}): the
 * variables {@code kommun} and {@code lpo} must name a municipality and LPO of the organisation, and
 * a person who starts a process must hold a function in that municipality or its LPO. Starts
 * without a person (timers, the application itself) and starts by another process (e.g. a
 * medborgarlöfte per municipality once the agreement is signed) are checked for the names only.
 */
@Component("startValidation")
public class StartValidation implements ExecutionListener {

  static final String KOMMUN = "kommun";
  static final String LPO = "lpo";

  private final Organisation organisation;

  public StartValidation(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return; // a called process: its parent was checked when it started
    }
    Optional<Municipality> kommun = municipality(execution.getVariable(KOMMUN));
    Optional<Lpo> lpo = lpo(execution.getVariable(LPO));
    if (kommun.isPresent() && lpo.isPresent()
        && lpo.get().municipalities().stream().noneMatch(m -> m.slug().equals(kommun.get().slug()))) {
      throw new StartRefusedException(
          "Kommunen " + kommun.get().name() + " hör inte till lokalpolisområdet " + lpo.get().name() + ".");
    }
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || (kommun.isEmpty() && lpo.isEmpty())
        || !OutermostCommand.isDirectStart()) {
      return; // no person, nothing to check against, or started by another process
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    boolean belongs = groups.stream()
        .map(organisation::function)
        .flatMap(Optional::stream)
        .anyMatch(function -> covers(function, kommun, lpo));
    if (!belongs) {
      String where = kommun.map(Municipality::name).orElseGet(() -> lpo.get().name());
      throw new AuthorizationException("Du kan inte starta en process för " + where
          + ": ingen av dina funktioner hör till " + where + ".");
    }
  }

  private boolean covers(OrganisationFunction function, Optional<Municipality> kommun, Optional<Lpo> lpo) {
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

  private Optional<Municipality> municipality(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String slug)) {
      throw new StartRefusedException("Kommun ska anges som kommunens id i text, t.ex. \"lycksele\".");
    }
    return Optional.of(organisation.municipality(slug).orElseThrow(() -> new StartRefusedException(
        "Okänd kommun \"" + shortened(slug) + "\". Kända kommuner: " + organisation.municipalities().stream()
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
        "Okänt lokalpolisområde \"" + shortened(slug) + "\". Kända: " + organisation.lpos().stream()
            .map(Lpo::slug).collect(Collectors.joining(", ")) + ".")));
  }

  /** Echo at most a little of what was sent: the message must stay readable and small. */
  private static String shortened(String text) {
    String printable = text.replaceAll("[^\\p{L}\\p{N} ._-]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
  }
}
