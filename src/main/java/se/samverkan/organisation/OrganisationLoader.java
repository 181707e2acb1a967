package se.samverkan.organisation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.samverkan.process.ProcessStarts;

/**
 * Reads and checks the organisation file. Plain Java, so process tests can use it without Spring.
 * Every problem names the file and, where the parser knows it, the line.
 */
public final class OrganisationLoader {

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** A BPMN process id as Camunda accepts it (an XML NCName, without the exotic letters). */
  private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OrganisationLoader() {}

  public static Organisation load(InputStream in, String fileName) {
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OrganisationFileException("Organisationsfilen " + fileName + " kan inte läsas: " + e.getMessage(), e);
    }
    Organisation organisation;
    try {
      organisation = YAML.readValue(text, Organisation.class);
    } catch (UnrecognizedPropertyException e) {
      if ("startsProcesses".equals(e.getPropertyName())) {
        throw new OrganisationFileException("Organisationsfilen " + fileName + ", rad "
            + lineOf(text, e.getPropertyName(), e.getLocation()) + ": 'startsProcesses' finns inte längre; ange i "
            + "stället vilka processer funktionen får starta, t.ex. starts: [samverkansprocess]", e);
      }
      // Jackson reports the position after the skipped value; the field's own line is what helps.
      throw new OrganisationFileException("Organisationsfilen " + fileName + ", rad "
          + lineOf(text, e.getPropertyName(), e.getLocation()) + ": okänt fält '" + e.getPropertyName()
          + "' (kända fält: " + e.getKnownPropertyIds() + ")", e);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : ", rad " + location.getLineNr();
      throw new OrganisationFileException(
          "Organisationsfilen " + fileName + where + ": " + e.getOriginalMessage(), e);
    }
    if (organisation == null) {
      throw new OrganisationFileException("Organisationsfilen " + fileName + " är tom");
    }
    List<String> problems = problemsOf(organisation);
    if (!problems.isEmpty()) {
      throw new OrganisationFileException(
          "Organisationsfilen " + fileName + " är felaktig:\n  - " + String.join("\n  - ", problems));
    }
    return organisation;
  }

  private static int lineOf(String text, String field, JsonLocation fallback) {
    Pattern key = Pattern.compile("^[\\s-]*" + Pattern.quote(field) + "\\s*:");
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (key.matcher(lines[i]).find()) {
        return i + 1;
      }
    }
    return fallback == null ? 0 : fallback.getLineNr();
  }

  private static void checkEstSchedule(List<String> problems, Municipality m) {
    Municipality.Est est = m.est();
    String where = "kommunen " + m.slug() + ", est.";
    java.time.Duration lead = duration(problems, where + "leadTime", est.leadTime());
    java.time.Duration due = duration(problems, where + "reportsDue", est.reportsDue());
    if (lead != null && due != null && due.compareTo(lead) >= 0) {
      problems.add(where + "reportsDue måste vara kortare än leadTime (rapporterna lämnas under cykeln)");
    }
    try {
      if (java.time.Period.parse(est.reviewEvery()).toTotalMonths() < 1) {
        problems.add(where + "reviewEvery måste vara minst en månad (t.ex. P3M)");
      }
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(where + "reviewEvery '" + est.reviewEvery() + "' är ingen ISO-period (t.ex. P3M)");
    }
    Municipality.Cadence cadence = est.cadence();
    if (cadence == null) {
      return;
    }
    if (!Set.of("weekly", "biweekly").contains(String.valueOf(cadence.every()))) {
      problems.add(where + "cadence.every ska vara weekly eller biweekly, inte " + cadence.every());
    }
    try {
      java.time.DayOfWeek.valueOf(String.valueOf(cadence.weekday()).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(where + "cadence.weekday ska vara monday … sunday, inte " + cadence.weekday());
    }
    try {
      java.time.LocalTime.parse(String.valueOf(cadence.time()));
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(where + "cadence.time ska vara en tid som 09:00, inte " + cadence.time());
    }
    if (cadence.anchor() != null) {
      try {
        java.time.LocalDate.parse(cadence.anchor());
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(where + "cadence.anchor ska vara ett datum som 2026-01-08, inte " + cadence.anchor());
      }
    }
  }

  private static java.time.Duration duration(List<String> problems, String field, String value) {
    try {
      java.time.Duration duration = java.time.Duration.parse(value);
      if (duration.isNegative() || duration.isZero()) {
        problems.add(field + " måste vara längre än noll");
      }
      return duration;
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(field + " '" + value + "' är ingen ISO-varaktighet (t.ex. P6D eller PT12H)");
      return null;
    }
  }

  static List<String> problemsOf(Organisation organisation) {
    List<String> problems = new ArrayList<>();
    if (organisation.functions().isEmpty()) {
      problems.add("functions saknas");
    }
    organisation.functions().forEach((type, definition) -> {
      checkSlug(problems, "funktion", type);
      if (definition.name() == null || definition.name().isBlank()) {
        problems.add("funktionen " + type + " saknar name");
      }
      if (definition.scope() == null) {
        problems.add("funktionen " + type + " saknar scope (lpo, kommun eller global)");
      }
      checkReference(problems, organisation, type, "escalatesTo", definition.escalatesTo());
      checkReference(problems, organisation, type, "deputy", definition.deputy());
      definition.applications().stream()
          .filter(app -> !Set.of("tasklist", "cockpit", "admin").contains(app))
          .forEach(app -> problems.add("funktionen " + type + " har okänd applikation " + app));
      checkStarts(problems, type, definition.starts());
      if (definition.lan() != null) {
        checkSlug(problems, "län", definition.lan());
      }
    });
    organisation.lpos().stream().filter(lpo -> lpo.lan() != null)
        .forEach(lpo -> checkSlug(problems, "län", lpo.lan()));
    organisation.estActors().keySet().forEach(actor -> {
      checkSlug(problems, "EST-aktör", actor);
      if (organisation.functions().containsKey(actor)) {
        problems.add("EST-aktören " + actor + " har samma namn som en funktion");
      }
    });
    if (!organisation.estActors().isEmpty()
        && !organisation.functions().containsKey(organisation.estActorsEscalateTo())) {
      problems.add("estActorsEscalateTo: okänd funktion " + organisation.estActorsEscalateTo());
    }
    Set<String> slugs = new HashSet<>();
    for (Lpo lpo : organisation.lpos()) {
      checkSlug(problems, "lokalpolisområde", lpo.slug());
      if (!slugs.add(lpo.slug())) {
        problems.add("sluggen " + lpo.slug() + " förekommer mer än en gång");
      }
      for (Municipality m : lpo.municipalities()) {
        checkSlug(problems, "kommun", m.slug());
        if (!slugs.add(m.slug())) {
          problems.add("sluggen " + m.slug() + " förekommer mer än en gång");
        }
        if (m.name() == null || m.name().isBlank()) {
          problems.add("kommunen " + m.slug() + " saknar name");
        }
        m.est().actors().stream()
            .filter(actor -> !organisation.estActors().containsKey(actor))
            .forEach(actor -> problems.add("kommunen " + m.slug() + " har okänd EST-aktör " + actor));
        checkEstSchedule(problems, m);
      }
    }
    return problems;
  }

  private static void checkStarts(List<String> problems, String type, List<String> starts) {
    Set<String> seen = new HashSet<>();
    for (String key : starts) {
      if (key == null || !PROCESS_KEY.matcher(key).matches()) {
        problems.add("funktionen " + type + ": starts '" + key + "' är ingen processnyckel (t.ex. samverkansprocess)");
      } else if (ProcessStarts.STARTED_BY_SAMVERKAN.contains(key)) {
        problems.add("funktionen " + type + ": starts " + key + " går inte, den processen startar Samverkan själv "
            + "(inte för hand)");
      } else if (!seen.add(key)) {
        problems.add("funktionen " + type + ": starts nämner " + key + " mer än en gång");
      }
    }
  }

  private static void checkReference(
      List<String> problems, Organisation organisation, String type, String field, String target) {
    if (target == null) {
      return;
    }
    Map<String, FunctionDefinition> functions = organisation.functions();
    FunctionDefinition targetDefinition = functions.get(target);
    if (targetDefinition == null) {
      problems.add("funktionen " + type + ": " + field + " pekar på okänd funktion " + target);
    } else if (targetDefinition.scope() != functions.get(type).scope()
        && targetDefinition.scope() != FunctionScope.global) {
      problems.add("funktionen " + type + ": " + field + " " + target + " har en annan scope");
    }
  }

  private static void checkSlug(List<String> problems, String what, String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      problems.add(what + " '" + slug + "' är ingen giltig id (små bokstäver a-z, siffror och bindestreck)");
    }
  }
}
