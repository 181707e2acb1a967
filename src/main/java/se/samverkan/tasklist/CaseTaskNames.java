package se.samverkan.tasklist;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import se.samverkan.engine.SwedishTime;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.handover.Overlamning;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;

/**
 * Names every new task for its case, so that a list of tasks tells them apart by name: the model's
 * name of the step stays first (the diagram keeps its short, readable names), followed by what the
 * task is about and whose case it is, e.g. "Formulera medborgarlöftena (samordnare med kommunpolis) –
 * Lycksele", "Genomför aktiviteten (ansvarig funktion): Trygghetsvandring i centrum – Lycksele",
 * "Genomför beslutad insats: Städa busstorget – EST Lycksele 4 mars".
 *
 * <p>Built from well-known variables only, never from an expression in the model (a model deployed by
 * a process owner runs no code): the subject is the first of {@link #SUBJECT_VARIABLES} that is set
 * (a promise's activity, an EST intervention, both input parameters of their multi-instance tasks),
 * the case is the municipality ({@code kommun}, by its name in the organisation) or else the police
 * area ({@code lpo}), with the meeting's day for the EST cycle ({@code motestid}), or else the function
 * a handover is about ({@code funktionNamn}); a case the model's name already says is not repeated.
 * The name stays within the engine's {@value #MAX_LENGTH} characters: a long subject is cut with "…"
 * so that the case stays readable. Added to every user task by {@link se.samverkan.engine.EveryUserTaskPlugin}, before the
 * notification of the function, which then names the task the same way.
 */
public class CaseTaskNames implements TaskListener {

  /** The length of a task's name in the engine's tables (ACT_RU_TASK.NAME_, ACT_HI_TASKINST.NAME_). */
  public static final int MAX_LENGTH = 255;

  static final String ELLIPSIS = "…";

  /** The variables that say what a task is about, the first one set wins. */
  public static final List<String> SUBJECT_VARIABLES = List.of("aktivitetVad", "insatsVad");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("sv-SE"));

  /** A subject shorter than this is not worth showing cut: the name is cut as a whole instead. */
  private static final int SHORTEST_CUT_SUBJECT = 12;

  private final Organisation organisation;

  public CaseTaskNames(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getName();
    if (step == null || step.isBlank()) {
      return;
    }
    String name = nameFor(step, task::getVariable);
    if (!name.equals(step)) {
      task.setName(name);
    }
  }

  /** The name of a task of the step {@code step} whose variables are {@code variable} (name to value). */
  String nameFor(String step, Function<String, Object> variable) {
    Optional<String> subject = SUBJECT_VARIABLES.stream().map(name -> text(variable.apply(name)))
        .flatMap(Optional::stream).findFirst();
    return name(step, subject.orElse(null), caseOf(variable));
  }

  /** The variables {@link #nameFor} reads. */
  static Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>(SUBJECT_VARIABLES);
    names.addAll(List.of("kommun", "kommunNamn", "lpo", "lpoNamn", EstCycleProcess.MEETING, Overlamning.FUNCTION_NAME));
    return names;
  }

  /**
   * Whose case the task is: the municipality, or else the police area; for an EST meeting with its day;
   * for a handover, which has neither, the function handed over ({@code funktionNamn}).
   */
  private String caseOf(Function<String, Object> variable) {
    Optional<String> kommun = text(variable.apply("kommun"));
    Optional<String> place = kommun.isPresent()
        ? kommun.map(slug -> organisation.municipality(slug).map(Municipality::name)
            .or(() -> text(variable.apply("kommunNamn"))).orElse(slug))
        : text(variable.apply("lpo")).map(slug -> organisation.lpo(slug).map(Lpo::name)
            .or(() -> text(variable.apply("lpoNamn"))).orElse(slug));
    if (variable.apply(EstCycleProcess.MEETING) instanceof Date meeting) {
      String day = DAY.format(meeting.toInstant().atZone(SwedishTime.ZONE));
      return "EST " + place.map(p -> p + " ").orElse("") + day;
    }
    return place.or(() -> text(variable.apply(Overlamning.FUNCTION_NAME))).orElse(null);
  }

  /**
   * The name of a task of the step {@code step} about {@code subject} in {@code theCase} (either may be
   * null), at most {@value #MAX_LENGTH} characters; a case the step's name already says is not repeated.
   */
  static String name(String step, String subject, String theCase) {
    String base = step.strip();
    String suffix = theCase == null || theCase.isBlank() || base.contains(theCase.strip()) ? "" : " – " + theCase.strip();
    String about = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
    String name = base + (about.isEmpty() ? "" : ": " + about) + suffix;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    int room = MAX_LENGTH - base.length() - ": ".length() - ELLIPSIS.length() - suffix.length();
    if (!about.isEmpty() && room >= SHORTEST_CUT_SUBJECT) {
      return base + ": " + cut(about, room) + ELLIPSIS + suffix;
    }
    return cut(name, MAX_LENGTH - ELLIPSIS.length()) + ELLIPSIS;
  }

  /** The first {@code length} characters of {@code text}, without a broken surrogate pair or a trailing space. */
  private static String cut(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end).stripTrailing();
  }

  private static Optional<String> text(Object value) {
    return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
  }
}
