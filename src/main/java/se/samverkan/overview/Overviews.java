package se.samverkan.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.engine.SwedishTime;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstInterventionRegistration;
import se.samverkan.est.EstReviewProcess;
import se.samverkan.lawduty.LawDuty;
import se.samverkan.lawduty.LawDutyRecords;
import se.samverkan.organisation.FunctionScope;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.organisation.Viewer;
import se.samverkan.overview.OverviewAccess.Reader;
import se.samverkan.lawduty.LawDuties;
import se.samverkan.overview.OverviewFigures.Case;
import se.samverkan.overview.OverviewFigures.Counts;
import se.samverkan.process.JsonVariables;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.signing.SignatureCollector;
import se.samverkan.tasklist.TasklistFilters;

/**
 * What Läget shows, per municipality, per LPO and on the start page, for one reader. The counts come
 * from the read model ({@link OverviewFigures}), and so do the cases a page shows (the LPO's
 * agreements, the municipality's promises, EST cycles and reviews, the cases that keep the law's
 * record); their few facts are read from the engine as the system, by instance id, bounded
 * ({@link #CASES} instances per kind) and only after the audience check ({@link Viewer}). Nothing here is a case's free text unless {@link Viewer#seesDetails()}.
 */
@Component
public class Overviews {

  /** How many of a municipality's latest cases of one kind a page reads (agreements, promises, EST cycles). */
  public static final int CASES = 12;
  static final int QUARTERS = 8;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("sv-SE"));
  private static final String TASKLIST = "/camunda/app/tasklist/default/#/";
  private static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

  // --- what the pages show ---------------------------------------------------------------------------------

  public record Signature(String function, String date, String user) {}

  public record Agreement(String period, String status, String inForceSince, List<Signature> signatures,
      String nextFollowUp, int followUpsDone, String cockpitLink) {}

  public record FunctionCounts(String function, String groupId, Counts counts, String tasklistLink) {}

  public record Promise(String period, int round, String status, List<String> openSteps, String signedAt,
      List<FunctionCounts> activities, Counts activitiesTotal, Counts quarterlyReports, Counts yearlyFollowUps,
      String nextDue, String nextQuarterlyReport, String nextYearlyFollowUp, String cockpitLink) {}

  public record Place(String name, int count) {}

  public record Est(int held, int planned, String nextMeeting, List<FunctionCounts> missingReports,
      int decided, int done, int carriedForward, List<Place> places, String priorities) {}

  public record Duty(String label, boolean met, String date, String step) {}

  public record Staffing(List<String> vacant, List<String> singleHolder, List<FunctionCounts> tasks) {}

  public record MunicipalityPage(Municipality kommun, Lpo lpo, Viewer viewer, boolean details, Agreement agreement,
      List<Agreement> earlierAgreements, List<Promise> promises, Est est, List<Duty> duties, Staffing staffing,
      List<OverviewFigures.Quarter> quarters, String tasklistLink) {}

  public record MunicipalityRow(Municipality kommun, Viewer viewer, int promisesRunning, Counts activities,
      int estHeld, int reportsMissing, Counts interventions, Integer dutiesMet, int vacant, int singleHolder,
      Counts tasks) {}

  public record LpoPage(Lpo lpo, Agreement agreement, List<MunicipalityRow> municipalities) {}

  public record StartEntry(Lpo lpo, List<Municipality> municipalities) {}

  // ----------------------------------------------------------------------------------------------------------

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final OverviewFigures figures;
  private final OverviewAccess access;
  private final CaseVariables caseVariables;

  Overviews(ProcessEngine engine, Organisation organisation, DataSource dataSource, OverviewAccess access) {
    this.engine = engine;
    this.organisation = organisation;
    this.figures = new OverviewFigures(dataSource);
    this.access = access;
    this.caseVariables = new CaseVariables(dataSource, engine.getHistoryService());
  }

  /** The municipality's page as {@code userId} may see it; empty when they may see nothing of it (404). */
  public Optional<MunicipalityPage> municipality(String userId, String kommun) {
    return municipality(access.reader(userId), kommun);
  }

  /** The LPO's page as {@code userId} may see it; empty when they see none of its municipalities (404). */
  public Optional<LpoPage> lpo(String userId, String lpo) {
    return lpo(access.reader(userId), lpo);
  }

  Optional<MunicipalityPage> municipality(Reader reader, String kommun) {
    Viewer viewer = access.levelOn(reader, kommun);
    if (!viewer.seesAnything()) {
      return Optional.empty();
    }
    Municipality municipality = organisation.municipality(kommun).orElseThrow();
    Lpo lpo = organisation.lpoOf(kommun).orElseThrow();
    Date now = ClockUtil.getCurrentTime();
    List<Agreement> agreements = agreements(reader, lpo.slug());
    Agreement inForce = agreements.stream().filter(a -> a.inForceSince() != null && "Gäller".equals(a.status()))
        .findFirst().orElse(null);
    List<Agreement> earlier = agreements.stream().filter(a -> a != inForce).toList();
    return Optional.of(new MunicipalityPage(municipality, lpo, viewer, viewer.seesDetails(), inForce, earlier,
        promises(reader, kommun, now), est(reader, kommun, viewer, now), seesDuties(viewer) ? duties(kommun, lpo.slug()) : null,
        staffing(reader, kommun, lpo.slug(), now), figures.quarters(kommun, QUARTERS),
        tasklist(reader, null, kommun)));
  }

  Optional<LpoPage> lpo(Reader reader, String lpoSlug) {
    Optional<Lpo> lpo = organisation.lpo(lpoSlug);
    if (lpo.isEmpty()) {
      return Optional.empty();
    }
    Date now = ClockUtil.getCurrentTime();
    Map<String, Viewer> levels = new LinkedHashMap<>();
    lpo.get().municipalities().forEach(m -> levels.put(m.slug(), access.levelOn(reader, m.slug())));
    if (levels.values().stream().noneMatch(Viewer::seesAnything)) {
      return Optional.empty();
    }
    Map<String, Map<String, Map<String, Counts>>> counts = figures.byMunicipalityProcessStep(lpoSlug, now);
    List<String> dutyReaders = levels.entrySet().stream().filter(e -> seesDuties(e.getValue())).map(Map.Entry::getKey).toList();
    Map<String, ObjectNode> duties = dutyReaders.isEmpty() ? Map.of() : dutyRecords(dutyReaders, lpoSlug);
    Map<String, Integer> runningPromises = figures.running(lpoSlug, PromiseProcess.KEY);
    Map<String, Integer> holders = holders(lpo.get());
    List<MunicipalityRow> rows = new ArrayList<>();
    for (Municipality m : lpo.get().municipalities()) {
      Viewer viewer = levels.get(m.slug());
      if (!viewer.seesAnything()) {
        continue;
      }
      Map<String, Map<String, Counts>> byProcess = counts.getOrDefault(m.slug(), Map.of());
      Map<String, Counts> promise = byProcess.getOrDefault(PromiseProcess.KEY, Map.of());
      Map<String, Counts> est = byProcess.getOrDefault(EstCycleProcess.KEY, Map.of());
      int vacant = 0;
      int single = 0;
      for (OrganisationFunction f : functionsOf(m.slug(), lpoSlug)) {
        int n = holders.getOrDefault(f.groupId(), 0);
        vacant += n == 0 ? 1 : 0;
        single += n == 1 ? 1 : 0;
      }
      Integer met = duties.containsKey(m.slug()) ? duties.get(m.slug()).size() : null;
      rows.add(new MunicipalityRow(m, viewer, runningPromises.getOrDefault(m.slug(), 0),
          sum(promise, PromiseProcess.TASK_CARRY_OUT_ACTIVITY, PromiseProcess.TASK_CARRY_OUT_ADDED_ACTIVITY),
          sum(est, EstCycleProcess.JOINT_PLANNING).completed(), sum(est, EstCycleProcess.SUBMIT_REPORT).deleted(),
          sum(est, EstCycleProcess.CARRY_OUT_INTERVENTION), met, vacant, single,
          byProcess.values().stream().flatMap(s -> s.values().stream()).reduce(Counts.NONE, Counts::plus)));
    }
    return Optional.of(new LpoPage(lpo.get(), agreements(reader, lpoSlug).stream()
        .filter(a -> "Gäller".equals(a.status())).findFirst().orElse(null), rows));
  }

  /** The LPOs and municipalities the reader sees something of, for the start page. */
  List<StartEntry> start(Reader reader) {
    List<StartEntry> entries = new ArrayList<>();
    for (Lpo lpo : organisation.lpos()) {
      List<Municipality> visible = lpo.municipalities().stream()
          .filter(m -> access.levelOn(reader, m.slug()).seesAnything()).toList();
      if (!visible.isEmpty()) {
        entries.add(new StartEntry(lpo, visible));
      }
    }
    return entries;
  }

  /** The law's record is read by the municipality, its LPO's police and länsstyrelsen (docs/security.md), not by peers. */
  private static boolean seesDuties(Viewer viewer) {
    return viewer == Viewer.OWN || viewer == Viewer.POLICE || viewer == Viewer.COUNTY;
  }

  // --- the agreement ------------------------------------------------------------------------------------------

  private List<Agreement> agreements(Reader reader, String lpo) {
    return asSystem(() -> {
      // the LPO's agreement cycles from the read model's cases (indexed by LPO and process)
      List<Case> cycles = figures.latestLpoCases(lpo, AgreementProcess.KEY, CASES);
      List<String> ids = ids(cycles);
      Map<String, Map<String, Object>> variables = caseVariables.of(ids,
          AgreementProcess.PERIOD, SignatureCollector.SIGNATURES, SignatureCollector.REJECTED);
      Map<String, Date> inForceAt = figures.reached(ids, AgreementProcess.EVENT_IN_FORCE);
      Map<String, Map<String, Counts>> steps = figures.byInstanceStep(ids, ClockUtil.getCurrentTime());
      List<Agreement> result = new ArrayList<>();
      for (Case cycle : cycles) {
        Map<String, Object> v = variables.getOrDefault(cycle.id(), Map.of());
        Date inForce = inForceAt.get(cycle.id());
        String status = inForce == null ? (cycle.running() ? "Under framtagande" : "Avslutad utan underskrift")
            : cycle.running() ? "Gäller" : "Avslutad";
        List<Signature> signatures = new ArrayList<>();
        if (inForce != null) {
          JsonVariables.toJson(v.get(SignatureCollector.SIGNATURES)).fields().forEachRemaining(e -> signatures.add(
              new Signature(JsonVariables.text(e.getValue(), "funktion"), day(JsonVariables.text(e.getValue(), "datum")),
                  JsonVariables.text(e.getValue(), "anvandare"))));
        }
        long followUps = steps.getOrDefault(cycle.id(), Map.of())
            .getOrDefault(AgreementProcess.TASK_FOLLOW_UP, Counts.NONE).completed();
        String next = cycle.running() ? nextTimer(cycle.id(), AgreementProcess.EVENT_YEAR_PASSED) : null;
        result.add(new Agreement(String.valueOf(v.getOrDefault(AgreementProcess.PERIOD, "")), status,
            inForce == null ? null : day(inForce), signatures, next, (int) followUps, cockpit(reader, cycle.id())));
      }
      return result;
    });
  }

  // --- the promises -------------------------------------------------------------------------------------------

  private List<Promise> promises(Reader reader, String kommun, Date now) {
    Map<String, Date> nextDue = figures.nextDue(kommun, PromiseProcess.KEY);
    Map<String, List<String>> steps = figures.openSteps(kommun, PromiseProcess.KEY);
    return asSystem(() -> {
      List<Case> promises = figures.latestCases(kommun, PromiseProcess.KEY, CASES);
      Map<String, Map<String, Map<String, Counts>>> counts = figures.byInstanceStepFunction(ids(promises), now);
      Map<String, Map<String, Object>> variables = caseVariables.of(ids(promises),
          PromiseProcess.PERIOD, PromiseProcess.ROUND, SignatureCollector.SIGNATURES);
      List<Promise> result = new ArrayList<>();
      for (Case promise : promises) {
        Map<String, Object> v = variables.getOrDefault(promise.id(), Map.of());
        Map<String, Map<String, Counts>> bySteps = counts.getOrDefault(promise.id(), Map.of());
        Map<String, Counts> activities = new TreeMap<>();
        for (String step : List.of(PromiseProcess.TASK_CARRY_OUT_ACTIVITY, PromiseProcess.TASK_CARRY_OUT_ADDED_ACTIVITY)) {
          bySteps.getOrDefault(step, Map.of()).forEach((f, c) -> activities.merge(f, c, Counts::plus));
        }
        List<FunctionCounts> byFunction = activities.entrySet().stream()
            .map(e -> functionCounts(reader, e.getKey(), e.getValue(), kommun)).toList();
        String signedAt = latestSignature(v.get(SignatureCollector.SIGNATURES));
        String status = !promise.running() ? "Avslutat"
            : bySteps.containsKey(PromiseProcess.TASK_CARRY_OUT_ACTIVITY) ? "Genomförs"
            : signedAt != null ? "Undertecknat" : "Formuleras och undertecknas";
        boolean running = promise.running();
        result.add(new Promise(String.valueOf(v.getOrDefault(PromiseProcess.PERIOD, "")),
            v.get(PromiseProcess.ROUND) instanceof Number n ? n.intValue() : 1, status,
            steps.getOrDefault(promise.id(), List.of()), signedAt, byFunction,
            activities.values().stream().reduce(Counts.NONE, Counts::plus),
            sum(bySteps, PromiseProcess.TASK_QUARTERLY_STATUS), sum(bySteps, PromiseProcess.TASK_YEARLY_FOLLOW_UP),
            nextDue.containsKey(promise.id()) ? day(nextDue.get(promise.id())) : null,
            running ? nextTimer(promise.id(), PromiseProcess.EVENT_QUARTER_PASSED) : null,
            running ? nextTimer(promise.id(), PromiseProcess.EVENT_YEAR_PASSED) : null,
            cockpit(reader, promise.id())));
      }
      return result;
    });
  }

  private static String latestSignature(Object signatures) {
    List<String> dates = new ArrayList<>();
    JsonVariables.toJson(signatures).forEach(s -> {
      if (SignatureCollector.SIGN.equals(JsonVariables.text(s, "beslut"))) {
        dates.add(JsonVariables.text(s, "datum"));
      }
    });
    return dates.stream().max(Comparator.naturalOrder()).map(Overviews::day).orElse(null);
  }

  // --- EST ----------------------------------------------------------------------------------------------------

  private Est est(Reader reader, String kommun, Viewer viewer, Date now) {
    return asSystem(() -> {
      List<Case> cycles = figures.latestCases(kommun, EstCycleProcess.KEY, CASES);
      List<String> ids = ids(cycles);
      Map<String, Map<String, Counts>> counts = figures.byInstanceStep(ids, now);
      Map<String, Map<String, Object>> variables = caseVariables.of(ids, EstCycleProcess.MEETING,
          EstCycleProcess.CYCLE_INTERVENTIONS, EstInterventionRegistration.FOLLOW_UP_RESULT, EstCycleProcess.REPORTS);
      int held = 0;
      int planned = 0;
      int decided = 0;
      int done = 0;
      int carried = 0;
      Date nextMeeting = null;
      Map<String, Counts> reports = new TreeMap<>();
      Map<String, Integer> places = new HashMap<>();
      Map<String, String> placeNames = new HashMap<>();
      for (Case cycle : cycles) {
        Map<String, Counts> steps = counts.getOrDefault(cycle.id(), Map.of());
        Map<String, Object> v = variables.getOrDefault(cycle.id(), Map.of());
        if (steps.getOrDefault(EstCycleProcess.JOINT_PLANNING, Counts.NONE).completed() > 0) {
          held++;
        } else if (cycle.running()) {
          planned++;
          if (v.get(EstCycleProcess.MEETING) instanceof Date meeting && (nextMeeting == null || meeting.before(nextMeeting))) {
            nextMeeting = meeting;
          }
        }
        for (JsonNode intervention : JsonVariables.toJson(v.get(EstCycleProcess.CYCLE_INTERVENTIONS))) {
          if (intervention.path("overford").asBoolean(false)) {
            carried++;
          } else {
            decided++;
          }
        }
        for (JsonNode followedUp : JsonVariables.toJson(v.get(EstInterventionRegistration.FOLLOW_UP_RESULT))) {
          if (EstCycleProcess.DONE.equals(JsonVariables.text(followedUp, "utfall"))) {
            done++;
          }
        }
        if (viewer.seesDetails()) {
          for (JsonNode report : JsonVariables.toJson(v.get(EstCycleProcess.REPORTS))) {
            for (String place : JsonVariables.text(report, EstCycleProcess.PLACES).split("[\\n,;]")) {
              String name = place.strip();
              if (!name.isEmpty()) {
                String key = name.toLowerCase(Locale.forLanguageTag("sv-SE"));
                places.merge(key, 1, Integer::sum);
                placeNames.putIfAbsent(key, name);
              }
            }
          }
        }
      }
      for (Map<String, Map<String, Counts>> cycle : figures.byInstanceStepFunction(ids, now).values()) {
        cycle.getOrDefault(EstCycleProcess.SUBMIT_REPORT, Map.of()).forEach((f, c) -> reports.merge(f, c, Counts::plus));
      }
      List<FunctionCounts> missing = reports.entrySet().stream()
          .map(e -> functionCounts(reader, e.getKey(), e.getValue(), kommun)).toList();
      List<Place> top = viewer.seesDetails() ? places.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(5).map(e -> new Place(placeNames.get(e.getKey()), e.getValue())).toList() : null;
      return new Est(held, planned, nextMeeting == null ? null : day(nextMeeting), missing, decided, done, carried, top,
          viewer.seesDetails() ? priorities(figures.latestCases(kommun, EstReviewProcess.KEY, CASES)) : null);
    });
  }

  /** The styrgrupp's priorities of its latest review of the municipality's EST work. */
  private String priorities(List<Case> reviews) {
    Map<String, Map<String, Object>> variables = caseVariables.of(ids(reviews), EstReviewProcess.PRIORITIES);
    for (Case review : reviews) {
      String text = JsonVariables.textOf(variables.getOrDefault(review.id(), Map.of()).get(EstReviewProcess.PRIORITIES));
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  // --- the law, staffing --------------------------------------------------------------------------------------

  private List<Duty> duties(String kommun, String lpo) {
    ObjectNode record = dutyRecords(List.of(kommun), lpo).get(kommun);
    List<Duty> duties = new ArrayList<>();
    for (LawDuty duty : LawDuty.values()) {
      JsonNode met = record.path(duty.name());
      duties.add(met.isMissingNode() ? new Duty(duty.label(), false, null, null)
          : new Duty(duty.label(), true, day(met.path("datum").asText()), met.path("steg").asText()));
    }
    return duties;
  }

  /** The municipalities' records of lag (2023:196), from the cases that keep them (the read model knows which). */
  private Map<String, ObjectNode> dutyRecords(List<String> municipalities, String lpo) {
    List<String> keepers = figures.recordKeepers(municipalities, lpo, LawDuties.VARIABLE);
    return asSystem(() -> new LawDutyRecords(engine.getHistoryService()).of(municipalities, keepers));
  }

  private Staffing staffing(Reader reader, String kommun, String lpo, Date now) {
    Map<String, Counts> tasks = figures.byFunction(kommun, now);
    List<String> vacant = new ArrayList<>();
    List<String> single = new ArrayList<>();
    List<FunctionCounts> rows = new ArrayList<>();
    for (OrganisationFunction f : functionsOf(kommun, lpo)) {
      long holders = engine.getIdentityService().createUserQuery().memberOfGroup(f.groupId()).count();
      if (holders == 0) {
        vacant.add(f.name());
      } else if (holders == 1) {
        single.add(f.name());
      }
    }
    tasks.forEach((f, c) -> rows.add(functionCounts(reader, f, c, kommun)));
    return new Staffing(vacant, single, rows);
  }

  /** The municipality's own functions and its LPO's police functions. */
  private List<OrganisationFunction> functionsOf(String kommun, String lpo) {
    return organisation.allFunctions().stream()
        .filter(f -> (organisation.scopeOf(f) == FunctionScope.kommun && kommun.equals(f.scopeSlug()))
            || (organisation.scopeOf(f) == FunctionScope.lpo && lpo.equals(f.scopeSlug())))
        .toList();
  }

  private Map<String, Integer> holders(Lpo lpo) {
    Map<String, Integer> holders = new HashMap<>();
    for (Municipality m : lpo.municipalities()) {
      for (OrganisationFunction f : functionsOf(m.slug(), lpo.slug())) {
        holders.computeIfAbsent(f.groupId(),
            g -> (int) engine.getIdentityService().createUserQuery().memberOfGroup(g).count());
      }
    }
    return holders;
  }

  // --- links --------------------------------------------------------------------------------------------------

  private FunctionCounts functionCounts(Reader reader, String groupId, Counts counts, String kommun) {
    String name = organisation.function(groupId).map(OrganisationFunction::name).orElse(groupId.isEmpty() ? "–" : groupId);
    return new FunctionCounts(name, groupId, counts,
        reader.admin() || reader.holds(groupId) ? tasklist(reader, groupId, kommun) : null);
  }

  /**
   * Tasklist with its search set as Tasklist writes it into its own address ({@code searchQuery}),
   * with a criterion Samverkan's Tasklist keeps (tasklist/scripts/samverkan-search-criteria.js:
   * Kommun, the task variable {@link TasklistFilters#MUNICIPALITY_COLUMN}): in Tasklist's first filter, the reader's functions'
   * tasks of the municipality. Null for who holds no function there (and for a function the reader
   * does not hold: the caller checks that).
   */
  private String tasklist(Reader reader, String groupId, String kommun) {
    if (!reader.admin() && groupId == null && reader.groups().stream().noneMatch(g -> holdsIn(g, kommun))) {
      return null;
    }
    String name = organisation.municipality(kommun).map(Municipality::name).orElse(kommun);
    String query = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"value\":\"" + name.replace("\"", "")
        + "\",\"name\":\"" + TasklistFilters.MUNICIPALITY_COLUMN + "\"}]";
    return TASKLIST + "?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private boolean holdsIn(String groupId, String kommun) {
    Viewer level = Viewer.of(organisation, List.of(groupId), kommun);
    return level == Viewer.OWN || level == Viewer.POLICE;
  }

  private static String cockpit(Reader reader, String processInstanceId) {
    return reader.cockpit() ? COCKPIT + processInstanceId : null;
  }

  // --- reading as the system ----------------------------------------------------------------------------------

  private String nextTimer(String processInstanceId, String activityId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().list();
    return jobs.stream().map(Job::getDuedate).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
        .map(Overviews::day).orElse(null);
  }

  private static List<String> ids(List<Case> cases) {
    return cases.stream().map(Case::id).toList();
  }

  /**
   * The reader may see this municipality's figures, not the instances behind them (länsstyrelsen
   * reads no history at all): after the audience check the engine is read as the system, as
   * lawduty/LawDutyResource does.
   */
  private <T> T asSystem(java.util.function.Supplier<T> read) {
    return se.samverkan.engine.AsSystem.call(engine.getIdentityService(), read);
  }

  private static Counts sum(Map<String, ?> bySteps, String... steps) {
    Counts total = Counts.NONE;
    for (String step : steps) {
      Object value = bySteps.get(step);
      if (value instanceof Counts c) {
        total = total.plus(c);
      } else if (value instanceof Map<?, ?> byFunction) {
        for (Object c : byFunction.values()) {
          total = total.plus((Counts) c);
        }
      }
    }
    return total;
  }

  static String day(Date date) {
    return date.toInstant().atZone(SwedishTime.ZONE).format(DAY);
  }

  /** A date as the processes write it (ISO, with or without time) as a Swedish day. */
  static String day(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(iso).atZoneSameInstant(SwedishTime.ZONE).format(DAY);
    } catch (java.time.format.DateTimeParseException notOffset) {
      try {
        return java.time.LocalDateTime.parse(iso).format(DAY);
      } catch (java.time.format.DateTimeParseException notLocal) {
        return iso.length() >= 10 ? iso.substring(0, 10) : iso;
      }
    }
  }
}
