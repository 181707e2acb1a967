package se.samverkan.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation file as a value: function types, EST actors and the LPOs with their
 * municipalities. Everything else (group ids, escalation targets) is derived from it, once: the
 * reconciliation and the vacancy check look up every function of a national organisation (some
 * 2,000) on every run.
 */
public final class Organisation {

  private final Map<String, FunctionDefinition> functions;
  private final Map<String, String> estActors;
  private final String estActorsEscalateTo;
  private final List<Lpo> lpos;
  /** Derived on first use, after OrganisationLoader has checked the file. */
  private volatile Map<String, OrganisationFunction> functionsByGroupId;

  @JsonCreator
  public Organisation(
      @JsonProperty("functions") Map<String, FunctionDefinition> functions,
      @JsonProperty("estActors") Map<String, String> estActors,
      @JsonProperty("estActorsEscalateTo") String estActorsEscalateTo,
      @JsonProperty("lpos") List<Lpo> lpos) {
    this.functions = functions == null ? Map.of() : Map.copyOf(functions);
    this.estActors = estActors == null ? Map.of() : Map.copyOf(estActors);
    this.estActorsEscalateTo = estActorsEscalateTo;
    this.lpos = lpos == null ? List.of() : List.copyOf(lpos);
  }

  public Map<String, FunctionDefinition> functions() {
    return functions;
  }

  public Map<String, String> estActors() {
    return estActors;
  }

  public String estActorsEscalateTo() {
    return estActorsEscalateTo;
  }

  public List<Lpo> lpos() {
    return lpos;
  }

  public List<Municipality> municipalities() {
    return lpos.stream().flatMap(lpo -> lpo.municipalities().stream()).toList();
  }

  public Optional<Municipality> municipality(String slug) {
    return municipalities().stream().filter(m -> m.slug().equals(slug)).findFirst();
  }

  public Optional<Lpo> lpo(String slug) {
    return lpos.stream().filter(l -> l.slug().equals(slug)).findFirst();
  }

  public Optional<Lpo> lpoOf(String municipalitySlug) {
    return lpos.stream()
        .filter(l -> l.municipalities().stream().anyMatch(m -> m.slug().equals(municipalitySlug)))
        .findFirst();
  }

  /** The county (län) slug of a municipality: its LPO's {@code lan}. */
  public Optional<String> countyOf(String municipalitySlug) {
    return lpoOf(municipalitySlug).map(Lpo::lan);
  }

  /** The county a function follows up ({@code lan} on its definition, e.g. länsstyrelsen). */
  public Optional<String> countyOfFunction(String groupId) {
    return function(groupId).flatMap(this::definitionOf).map(FunctionDefinition::lan);
  }

  /** Every concrete function (Camunda group) the organisation declares, in a stable order. */
  public List<OrganisationFunction> allFunctions() {
    return List.copyOf(functionsByGroupId().values());
  }

  private Map<String, OrganisationFunction> functionsByGroupId() {
    Map<String, OrganisationFunction> index = functionsByGroupId;
    if (index == null) {
      index = Collections.unmodifiableMap(deriveFunctions());
      functionsByGroupId = index;
    }
    return index;
  }

  private Map<String, OrganisationFunction> deriveFunctions() {
    Map<String, OrganisationFunction> result = new LinkedHashMap<>();
    functions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> {
          String type = entry.getKey();
          FunctionDefinition definition = entry.getValue();
          switch (definition.scope()) {
            case global -> add(result, new OrganisationFunction(type, type, null, definition.name()));
            case lpo -> lpos.forEach(lpo -> add(result, new OrganisationFunction(
                groupId(type, lpo.slug()), type, lpo.slug(), definition.name() + ", " + lpo.name())));
            case kommun -> municipalities().forEach(m -> add(result, new OrganisationFunction(
                groupId(type, m.slug()), type, m.slug(), definition.name() + ", " + m.name())));
          }
        });
    for (Municipality m : municipalities()) {
      for (String actor : m.est().actors()) {
        add(result, new OrganisationFunction(
            groupId(actor, m.slug()), actor, m.slug(), estActors.get(actor) + ", " + m.name()));
      }
    }
    return result;
  }

  public Optional<OrganisationFunction> function(String groupId) {
    return Optional.ofNullable(functionsByGroupId().get(groupId));
  }

  /** The function a stalled task of {@code groupId} escalates to, if the organisation names one. */
  public Optional<OrganisationFunction> escalationTargetOf(String groupId) {
    return function(groupId).flatMap(f -> {
      String targetType = estActors.containsKey(f.type()) && !functions.containsKey(f.type())
          ? estActorsEscalateTo
          : Optional.ofNullable(functions.get(f.type())).map(FunctionDefinition::escalatesTo).orElse(null);
      if (targetType == null) {
        return Optional.empty();
      }
      FunctionDefinition target = functions.get(targetType);
      return function(target.scope() == FunctionScope.global ? targetType : groupId(targetType, f.scopeSlug()));
    });
  }

  /** The definition of a function type; EST actors share an implicit one. */
  public Optional<FunctionDefinition> definitionOf(OrganisationFunction function) {
    return Optional.ofNullable(functions.get(function.type()));
  }

  /** The scope of a function; EST actors have no definition of their own and belong to their municipality. */
  public FunctionScope scopeOf(OrganisationFunction function) {
    return definitionOf(function).map(FunctionDefinition::scope).orElse(FunctionScope.kommun);
  }

  public static String groupId(String type, String scopeSlug) {
    return scopeSlug == null ? type : type + "-" + scopeSlug;
  }

  private static void add(Map<String, OrganisationFunction> result, OrganisationFunction function) {
    result.putIfAbsent(function.groupId(), function);
  }
}
