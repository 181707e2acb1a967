package se.samverkan.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation file as a value: function types, EST actors and the LPOs with their
 * municipalities. Everything else (group ids, escalation targets) is derived from it.
 */
public record Organisation(
    Map<String, FunctionDefinition> functions,
    Map<String, String> estActors,
    String estActorsEscalateTo,
    List<Lpo> lpos) {

  public Organisation {
    functions = functions == null ? Map.of() : Map.copyOf(functions);
    estActors = estActors == null ? Map.of() : Map.copyOf(estActors);
    lpos = lpos == null ? List.of() : List.copyOf(lpos);
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

  /** Every concrete function (Camunda group) the organisation declares, in a stable order. */
  public List<OrganisationFunction> allFunctions() {
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
    return new ArrayList<>(result.values());
  }

  public Optional<OrganisationFunction> function(String groupId) {
    return allFunctions().stream().filter(f -> f.groupId().equals(groupId)).findFirst();
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

  public static String groupId(String type, String scopeSlug) {
    return scopeSlug == null ? type : type + "-" + scopeSlug;
  }

  private static void add(Map<String, OrganisationFunction> result, OrganisationFunction function) {
    result.putIfAbsent(function.groupId(), function);
  }
}
