package se.samverkan.organisation;

import java.util.List;

/**
 * A kind of function (role) as declared in the organisation file.
 *
 * @param escalatesTo the function type a stalled task escalates to, in the same scope; may be null
 * @param deputy an optional deputy function type, in the same scope
 * @param applications Camunda webapps the function may open (tasklist, cockpit)
 * @param starts the process keys holders may start by hand (Tasklist, REST), e.g. [samverkansprocess];
 *     empty: they start nothing. Processes Samverkan starts by itself are never listed here.
 * @param deploysModels whether holders may deploy models (the process owner)
 * @param readsAll whether holders read every process instance and its history (oversight)
 */
public record FunctionDefinition(
    String name,
    FunctionScope scope,
    String escalatesTo,
    String deputy,
    List<String> applications,
    List<String> starts,
    boolean deploysModels,
    boolean readsAll) {

  public FunctionDefinition {
    applications = applications == null ? List.of() : List.copyOf(applications);
    starts = starts == null ? List.of() : List.copyOf(starts);
  }
}
