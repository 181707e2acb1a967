package se.samverkan.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.samverkan.SamverkanApplication;
import se.samverkan.benchmark.HistoryBulkLoader.ColumnCheck;
import se.samverkan.benchmark.plain.PlainCamundaApplication;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstSchedule;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.tasklist.TasklistFilters;

/**
 * The national benchmark: {@code ./mvnw -Pbenchmark verify} (docs/benchmark.md).
 * Empties its database (only one whose name contains "bench"), generates the national organisation,
 * measures startup and memory of separate JVMs, starts Samverkan in-process, loads earlier years of
 * history in bulk, builds the open work through the engine, then measures throughput, Tasklist's
 * filters over REST, escalation latency and database size, and writes target/benchmark/results.md.
 * Settings are system properties {@code bench.*} (see {@link Settings}).
 */
public final class NationalBenchmark {

  static final String TRIVIAL = "benchmarkTrivial";
  static final Path OUT = Path.of("target", "benchmark");

  record Settings(String dbUrl, String dbUser, String dbPassword, int municipalities, int lpos, long historyTasks,
                  int templateMunicipalities, int reportStage, int situationStage, int planningStage,
                  int interventionStage, int threads, int throughputInstances, int escalations, int queries, int port) {

    static Settings fromSystem() {
      return new Settings(
          env("SAMVERKAN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/samverkan_bench"),
          env("SAMVERKAN_DB_USER", "postgres"), env("SAMVERKAN_DB_PASSWORD", ""),
          Integer.getInteger("bench.municipalities", 290), Integer.getInteger("bench.lpos", 90),
          Long.getLong("bench.historyTasks", 1_000_000),
          // municipalities whose three weekly cycles, run for real, are the templates of the bulk history
          Integer.getInteger("bench.templateMunicipalities", 10),
          // open EST cycles per municipality, by the stage they wait at (NationalWork.Stage)
          Integer.getInteger("bench.reportStage", 12), Integer.getInteger("bench.situationStage", 2),
          Integer.getInteger("bench.planningStage", 1), Integer.getInteger("bench.interventionStage", 2),
          Integer.getInteger("bench.threads", 4), Integer.getInteger("bench.throughputInstances", 300),
          Integer.getInteger("bench.escalations", 100), Integer.getInteger("bench.queries", 100),
          Integer.getInteger("bench.port", 8480));
    }

    int openCyclesPerMunicipality() {
      return reportStage + situationStage + planningStage + interventionStage;
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  private final Settings settings;
  private final StringBuilder report = new StringBuilder();
  private final Map<String, String> summary = new LinkedHashMap<>();

  NationalBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    new NationalBenchmark(Settings.fromSystem()).run();
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(OUT);
    String started = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    if (!settings.dbUrl().contains("bench")) {
      throw new IllegalStateException("the benchmark empties its database: SAMVERKAN_DB_URL must name a database with 'bench' in it");
    }
    boolean onlyStartup = Boolean.getBoolean("bench.onlyStartup");
    boolean reuseData = Boolean.getBoolean("bench.reuseData");
    boolean reuseHistory = Boolean.getBoolean("bench.reuseHistory");
    if (!onlyStartup && !reuseData && !reuseHistory) {
      resetDatabase();
    }
    Path organisationFile = NationalOrganisation.write(OUT.resolve("organisation-national.yaml").toAbsolutePath(),
        settings.municipalities(), settings.lpos());
    log("Organisation: %d kommuner, %d LPO -> %s", settings.municipalities(), settings.lpos(), organisationFile);

    if (onlyStartup) {
      writeStartupResults(started, loadBefore, measureStartups(organisationFile, true));
      return;
    }
    // Samverkan in-process for the work and the measurements: REST on our port, job executor on.
    long appStart = System.nanoTime();
    List<String> inProcess = samverkanArgs(organisationFile, settings.port());
    ConfigurableApplicationContext app = new SpringApplicationBuilder(SamverkanApplication.class, StatementCounter.class)
        .run(inProcess.toArray(String[]::new));
    log("Samverkan in-process started in %.1f s", (System.nanoTime() - appStart) / 1e9);
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      DataSource dataSource = app.getBean(DataSource.class);
      NationalWork work = new NationalWork(engine, app.getBean(EstSchedule.class), app.getBean(EstCycles.class));
      if (reuseData) {
        describeReusedData(engine, dataSource);
      } else if (reuseHistory) {
        summary.put("Historik", "från en tidigare körning mot samma databas (`-Dbench.reuseHistory=true`), där bulkladdad "
            + "och kontrollerad; det öppna arbetet byggdes i denna körning");
        summary.put("Historik: uppgiftsrader (ACT_HI_TASKINST)", String.valueOf(count(dataSource, "act_hi_taskinst")));
        long dangling = new HistoryBulkLoader(dataSource, spread()).danglingReferences();
        if (dangling > 0) {
          throw new IllegalStateException(dangling + " history rows refer to a process instance or value that does not exist");
        }
        summary.put("Historikens referenser som inte leder till sin rad", "0");
        buildOpenWork(engine, work);
      } else {
        measureHistoryLoad(engine, work, dataSource);
        fillReadModel(app);
        buildOpenWork(engine, work);
      }
      awaitQuietMachine();
      List<TasklistInteractions.Measured> interactions = measures("interactions") ? measureInteractions() : List.of();
      double[] throughput = measures("throughput") ? measureThroughput(engine, work, app) : null;
      Map<String, long[]> completions = measures("completions") ? measureCompletions(engine, work) : Map.of();
      List<Long> escalationLatencies = measures("escalation") ? measureEscalationLatency(engine, dataSource) : null;
      Map<String, long[]> queries = measures("filters") ? measureFilters() : Map.of();
      Map<String, long[]> overview = measures("overview") ? measureOverview(dataSource) : Map.of();
      Map<String, long[]> documentTimes = measures("documents") ? measureDocuments(engine, app) : Map.of();
      Map<String, Long> sizes = databaseSize(dataSource);
      app.close();
      Startups startups = measures("startup") ? measureStartups(organisationFile, false) : new Startups(List.of(), List.of());
      writeResults(started, loadBefore, startups, throughput, completions, escalationLatencies, queries, interactions,
          overview, documentTimes, sizes);
    } finally {
      app.close();
    }
  }

  /**
   * (4) Startups of Samverkan and of a plain Camunda starter, each in its own JVM against the national
   * database: a first start of each, then {@code bench.restarts} restarts of each, alternating, so
   * that a change in the machine's load falls on both. In the full run they come last, against the
   * filled database (the plain starter's schema was created by the throughput baseline).
   */
  record Startups(List<ChildJvm.Measurement> samverkan, List<ChildJvm.Measurement> plain) {

    boolean measured() {
      return samverkan.size() > 1 && plain.size() > 1;
    }

    /** Median time to ready of the restarts (every start but the first). */
    static double restartMedian(List<ChildJvm.Measurement> starts) {
      double[] seconds = starts.subList(1, starts.size()).stream().mapToDouble(ChildJvm.Measurement::startupSeconds)
          .sorted().toArray();
      return seconds.length % 2 == 1 ? seconds[seconds.length / 2]
          : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
    }

    double ratio() {
      return restartMedian(samverkan) / restartMedian(plain);
    }

    /** Table rows: each application's first start and its restarts' median, range and memory. */
    String rows(String format) {
      StringBuilder rows = new StringBuilder();
      for (List<ChildJvm.Measurement> starts : List.of(samverkan, plain)) {
        ChildJvm.Measurement first = starts.get(0);
        rows.append(String.format(format, first.what(), first.startupSeconds(), first.springReportedSeconds(),
            first.rssMegabytes() + " MB"));
        List<ChildJvm.Measurement> restarts = starts.subList(1, starts.size());
        rows.append(String.format(format, first.what().replaceAll(",.*", "") + ", " + restarts.size()
                + " omstarter, median (lägst–högst " + String.format("%.1f–%.1f s", min(restarts), max(restarts)) + ")",
            restartMedian(starts), restarts.stream().mapToDouble(ChildJvm.Measurement::springReportedSeconds).sorted()
                .toArray()[restarts.size() / 2],
            restarts.stream().mapToLong(ChildJvm.Measurement::rssMegabytes).min().orElse(0) + "–"
                + restarts.stream().mapToLong(ChildJvm.Measurement::rssMegabytes).max().orElse(0) + " MB"));
      }
      return rows.toString();
    }

    private static double min(List<ChildJvm.Measurement> starts) {
      return starts.stream().mapToDouble(ChildJvm.Measurement::startupSeconds).min().orElse(0);
    }

    private static double max(List<ChildJvm.Measurement> starts) {
      return starts.stream().mapToDouble(ChildJvm.Measurement::startupSeconds).max().orElse(0);
    }
  }

  private Startups measureStartups(Path organisationFile, boolean onlyStartup) throws Exception {
    List<String> samverkanArgs = samverkanArgs(organisationFile, settings.port() + 1);
    List<String> plainArgs = List.of("--spring.config.name=plain", "--server.port=" + (settings.port() + 2),
        "--spring.datasource.url=" + settings.dbUrl(), "--spring.datasource.username=" + settings.dbUser(),
        "--spring.datasource.password=" + settings.dbPassword(), "--spring.datasource.hikari.schema=plain",
        "--camunda.bpm.database.schema-name=plain", "--camunda.bpm.database.table-prefix=plain.",
        "--camunda.bpm.auto-deployment-enabled=false", "--spring.flyway.enabled=false",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=benchmark");
    List<ChildJvm.Measurement> samverkan = new ArrayList<>();
    List<ChildJvm.Measurement> plain = new ArrayList<>();
    if (Boolean.parseBoolean(System.getProperty("bench.startup", "true"))) {
      samverkan.add(ChildJvm.measure("Samverkan, första start mot den fyllda nationella databasen",
          SamverkanApplication.class.getName(), samverkanArgs, OUT.resolve("samverkan-start-1.log")));
      plain.add(ChildJvm.measure(onlyStartup ? "Camunda-starter utan Samverkan, första start"
              : "Camunda-starter utan Samverkan, första start (schemat finns)",
          PlainCamundaApplication.class.getName(), plainArgs, OUT.resolve("plain-start-1.log")));
      for (int i = 2; i <= Integer.getInteger("bench.restarts", 5) + 1; i++) {
        samverkan.add(ChildJvm.measure("Samverkan, start " + i, SamverkanApplication.class.getName(), samverkanArgs,
            OUT.resolve("samverkan-start-" + i + ".log")));
        plain.add(ChildJvm.measure("Camunda-starter utan Samverkan, start " + i, PlainCamundaApplication.class.getName(),
            plainArgs, OUT.resolve("plain-start-" + i + ".log")));
      }
    }
    for (List<ChildJvm.Measurement> starts : List.of(samverkan, plain)) {
      starts.forEach(m -> log("Start: %s: %.1f s, RSS %d MB", m.what(), m.startupSeconds(), m.rssMegabytes()));
    }
    Startups startups = new Startups(samverkan, plain);
    if (startups.measured()) {
      log("Start: omstarter, median: Samverkan %.1f s, Camunda-starter %.1f s, kvot %.2f",
          Startups.restartMedian(samverkan), Startups.restartMedian(plain), startups.ratio());
    }
    return startups;
  }

  private List<String> samverkanArgs(Path organisationFile, int port) {
    // "benchmark": the national organisation's people are local accounts, not the demo's directory
    return List.of("--spring.profiles.active=demo,postgres,benchmark", "--server.port=" + port,
        "--samverkan.history.level=" + System.getProperty("bench.history", "full"),
        "--samverkan.organisation.file=file:" + organisationFile, "--spring.datasource.url=" + settings.dbUrl(),
        "--spring.datasource.username=" + settings.dbUser(), "--spring.datasource.password=" + settings.dbPassword());
  }

  private void resetDatabase() throws Exception {
    try (HikariDataSource ds = dataSource("public", 1); Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
      s.execute("DROP SCHEMA IF EXISTS plain CASCADE");
      s.execute("CREATE SCHEMA plain");
      // the same-model baseline's schema too: Camunda finds its tables in any schema of the database and
      // would then not create the public ones (a second fresh run failed on a missing ACT_GE_PROPERTY)
      s.execute("DROP SCHEMA IF EXISTS plain2 CASCADE");
    }
  }

  private HikariDataSource dataSource(String schema, int pool) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(settings.dbUrl());
    ds.setUsername(settings.dbUser());
    ds.setPassword(settings.dbPassword());
    ds.setSchema(schema);
    ds.setMaximumPoolSize(pool);
    return ds;
  }

  // ---------------------------------------------------------------------------------------------
  // History: weekly EST cycles through the engine, then earlier years in bulk, then the shape check.

  /** The bulk copies spread over all municipalities from the first bench.templateMunicipalities. */
  private HistoryBulkLoader.Spread spread() {
    return new HistoryBulkLoader.Spread(Math.min(settings.templateMunicipalities(), settings.municipalities()),
        settings.municipalities(), settings.lpos());
  }

  /** Meeting index (0 = the next meeting) of the first template cycle, after the open work's meetings. */
  private int templateMeeting() {
    return settings.openCyclesPerMunicipality() + 3 + settings.throughputInstances() / settings.municipalities();
  }

  private void measureHistoryLoad(ProcessEngine engine, NationalWork work, DataSource dataSource) throws Exception {
    // Templates: in a few municipalities, three consecutive weekly cycles run to their end: reports,
    // lägesbild, meeting (following up the previous meeting's interventions), interventions, next cycle.
    Map<String, Integer> templates = new LinkedHashMap<>();   // template cycle -> its municipality's index
    long start = System.nanoTime();
    for (int m = 0; m < spread().templates(); m++) {
      String kommun = NationalOrganisation.municipalitySlug(m);
      String cycle = work.startCycle(kommun, work.meetings(kommun, templateMeeting() + 1).get(templateMeeting()));
      for (int week = 0; week < 3; week++) {
        work.advance(cycle, kommun, NationalWork.Stage.DONE);
        String next = work.nextCycle(cycle);
        templates.put(cycle, m);
        cycle = next;
      }
    }
    long unfinished = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(templates.keySet())).unfinished().count();
    if (unfinished > 0) {
      throw new IllegalStateException(unfinished + " template cycles have not ended");
    }
    long templateTasks = templates.keySet().stream().mapToLong(pi -> engine.getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(pi).count()).sum();
    log("Templates: %d EST cycles run to their end through the engine in %.0f s, %d tasks", templates.size(),
        (System.nanoTime() - start) / 1e9, templateTasks);
    int copies = (int) Math.max(1, (settings.historyTasks() + templateTasks - 1) / templateTasks);
    HistoryBulkLoader loader = new HistoryBulkLoader(dataSource, spread());
    start = System.nanoTime();
    Map<String, Long> inserted = loader.load(templates, copies, settings.threads());
    double seconds = (System.nanoTime() - start) / 1e9;
    log("Bulk history: %d copies of %d real cycles in %.0f s: %s", copies, templates.size(), seconds, inserted);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    List<ColumnCheck> checks = new ArrayList<>();
    // copy 2 lies in another municipality than its template (copy 1 in the template's own)
    int checkedCopy = Math.min(2, copies);
    for (String table : loader.copiedTables()) {
      checks.addAll(loader.compare(table, templates, checkedCopy));
    }
    List<ColumnCheck> failed = checks.stream().filter(c -> !c.ok()).toList();
    if (!failed.isEmpty()) {
      throw new IllegalStateException(failed.size() + " bulk-loaded values differ from the engine's rows, e.g. "
          + failed.subList(0, Math.min(5, failed.size())));
    }
    long dangling = loader.danglingReferences();
    if (dangling > 0) {
      throw new IllegalStateException(dangling + " history rows refer to a process instance or value that does not exist");
    }
    report.append("## Historik i bulk\n\n")
        .append(String.format("%d kopior av %d EST-cykler (`est-cykel`, tre veckor i följd i %d kommuner) som motorn "
                + "kört till slut på riktigt, på %.0f s, fördelade över alla %d kommuner; rader: %s.%n%n",
            copies, templates.size(), spread().templates(), seconds, settings.municipalities(), inserted))
        .append(String.format("Formkontroll: %d kolumnvärden i %d rader av %d tabeller jämförda, kopia %d mot motorns rad: alla stämmer. "
                + "Id-kolumner får nya UUID (samma form, referenserna mellan tabellerna följer med), tidsstämplar flyttas "
                + "bakåt, i texter och bytefält byts mallens kommun- och LPO-id (`kommun-001`, `lpo-01`) mot kopians "
                + "(variablerna `kommun` och `lpo`, kandidatgrupper, behörigheter, handläggare), allt annat är motorns "
                + "eget värde; kopiornas datumvariabler, affärsnycklar och kommunnamn är mallens. Referenser som inte leder "
                + "till sin rad (variabelvärde i ACT_GE_BYTEARRAY, processinstans i ACT_HI_PROCINST): 0.%n%n",
            checks.size(), checks.stream().filter(c -> c.column().equals("id_")).count(), loader.copiedTables().size(),
            checkedCopy))
        .append("En rad ur ACT_HI_TASKINST, kolumn för kolumn:\n\n| kolumn | motorns rad | bulkrad | regel | ok |\n|---|---|---|---|---|\n");
    String firstTaskId = checks.stream().filter(c -> c.table().equals("act_hi_taskinst") && c.column().equals("id_"))
        .map(ColumnCheck::real).findFirst().orElseThrow();
    boolean inFirst = false;
    for (ColumnCheck c : checks) {
      if (c.table().equals("act_hi_taskinst") && c.column().equals("id_")) {
        inFirst = c.real().equals(firstTaskId);
      }
      if (c.table().equals("act_hi_taskinst") && inFirst) {
        report.append(String.format("| %s | %s | %s | %s | %s |%n", c.column(), c.real(), c.bulk(), c.rule(), c.ok() ? "ja" : "NEJ"));
      }
    }
    report.append('\n');
    summary.put("Historik: uppgiftsrader (ACT_HI_TASKINST)", String.valueOf(count(dataSource, "act_hi_taskinst")));
  }

  // ---------------------------------------------------------------------------------------------
  // The open work, through the product's processes: every LPO's samverkansprocess signed and in force,
  // every municipality's medborgarlöfte published with its activities open, and in every municipality
  // EST cycles for its coming meetings, waiting at every stage.

  private void buildOpenWork(ProcessEngine engine, NationalWork work) throws Exception {
    long start = System.nanoTime();
    AtomicLong completed = new AtomicLong();
    inParallel(settings.lpos(), lpo -> {
      List<String> municipalities = new ArrayList<>();
      for (int m = lpo; m < settings.municipalities(); m += settings.lpos()) {
        municipalities.add(NationalOrganisation.municipalitySlug(m));
      }
      completed.addAndGet(work.agreement(NationalOrganisation.lpoSlug(lpo), municipalities, "2027–2030"));
    });
    List<String> promises = awaitPromises(engine);
    inParallel(promises.size(), i -> {
      String promise = promises.get(i);
      String kommun = (String) engine.getRuntimeService().getVariable(promise, PromiseProcess.MUNICIPALITY);
      int index = Integer.parseInt(kommun.substring(kommun.lastIndexOf('-') + 1)) - 1;
      completed.addAndGet(work.promise(promise, kommun,
          NationalOrganisation.lpoSlug(NationalOrganisation.lpoOf(index, settings.lpos()))));
    });
    log("Open work: %d samverkansprocesser and %d medborgarlöften in %.0f s", settings.lpos(), promises.size(),
        (System.nanoTime() - start) / 1e9);

    List<NationalWork.Stage> stages = new ArrayList<>();
    addStage(stages, NationalWork.Stage.REPORTS, settings.reportStage());
    addStage(stages, NationalWork.Stage.SITUATION_PICTURE, settings.situationStage());
    addStage(stages, NationalWork.Stage.PLANNING, settings.planningStage());
    addStage(stages, NationalWork.Stage.INTERVENTIONS, settings.interventionStage());
    Date overdue = Date.from(Instant.now().minusSeconds(3 * 86_400));
    TaskService tasks = engine.getTaskService();
    inParallel(settings.municipalities(), m -> {
      String kommun = NationalOrganisation.municipalitySlug(m);
      // from the meeting after next: the next meeting's cycle is the scheduler's, left to the job executor
      List<ZonedDateTime> meetings = work.meetings(kommun, stages.size() + 1);
      for (int i = 0; i < stages.size(); i++) {
        String cycle = work.startCycle(kommun, meetings.get(i + 1));
        completed.addAndGet(work.advance(cycle, kommun, stages.get(i)));
        // the first cycle of each stage has gone past its due dates (so that "Försenade" has work)
        if (i == 0 || stages.get(i) != stages.get(i - 1)) {
          for (Task task : tasks.createTaskQuery().processInstanceId(cycle).list()) {
            task.setDueDate(overdue);
            tasks.saveTask(task);
          }
        }
      }
    });
    // Fresh planner statistics, as autovacuum would eventually give them: with ACT_RU_VARIABLE grown from
    // empty, PostgreSQL otherwise picks the task-name index for the by-execution lookup (155 ms instead of 0.06 ms).
    try (Connection c = engine.getProcessEngineConfiguration().getDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    long open = tasks.createTaskQuery().count();
    long timers = engine.getManagementService().createJobQuery().timers().count();
    Map<String, Long> byProcess = new LinkedHashMap<>();
    for (String key : List.of("est-cykel", AgreementProcess.KEY, PromiseProcess.KEY, "est-styrgrupp")) {
      byProcess.put(key, tasks.createTaskQuery().processDefinitionKey(key).count());
    }
    log("Open work: %d open tasks %s, %d timers, %d tasks completed, in %.0f s", open, byProcess, timers,
        completed.get(), (System.nanoTime() - start) / 1e9);
    summary.put("Öppna uppgifter", open + " (per process: " + byProcess + ")");
    summary.put("Öppna timers (påminnelse, eskalering, processernas egna)", String.valueOf(timers));
    summary.put("Öppna EST-cykler per kommun", String.format("%d (rapporter %d, lägesbild %d, planering %d, insatser %d)",
        stages.size(), settings.reportStage(), settings.situationStage(), settings.planningStage(), settings.interventionStage()));
    summary.put("Öppet arbete uppbyggt genom motorn", String.format("%d slutförda uppgifter på %.0f s", completed.get(),
        (System.nanoTime() - start) / 1e9));
  }

  /**
   * {@code -Dbench.reuseData=true}: measure again against the data an earlier full run generated (for
   * a before/after comparison of a change on the same data); the history and the open work are
   * counted, not built.
   */
  private void describeReusedData(ProcessEngine engine, DataSource dataSource) throws Exception {
    TaskService tasks = engine.getTaskService();
    Map<String, Long> byProcess = new LinkedHashMap<>();
    for (String key : List.of("est-cykel", AgreementProcess.KEY, PromiseProcess.KEY, "est-styrgrupp")) {
      byProcess.put(key, tasks.createTaskQuery().processDefinitionKey(key).count());
    }
    summary.put("Data", "från en tidigare körning mot samma databas (`-Dbench.reuseData=true`): historik och öppet arbete "
        + "räknas här, byggdes där");
    summary.put("Historik: uppgiftsrader (ACT_HI_TASKINST)", String.valueOf(count(dataSource, "act_hi_taskinst")));
    summary.put("Öppna uppgifter", tasks.createTaskQuery().count() + " (per process: " + byProcess + ")");
    summary.put("Öppna timers (påminnelse, eskalering, processernas egna)",
        String.valueOf(engine.getManagementService().createJobQuery().timers().count()));
  }

  private static void addStage(List<NationalWork.Stage> stages, NationalWork.Stage stage, int count) {
    for (int i = 0; i < count; i++) {
      stages.add(stage);
    }
  }

  /** The medborgarlöften the signed agreements started, one per municipality. */
  private List<String> awaitPromises(ProcessEngine engine) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      List<String> promises = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(PromiseProcess.KEY).list().stream().map(p -> p.getId()).toList();
      if (promises.size() >= settings.municipalities()) {
        return promises;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("only " + promises.size() + " medborgarlöften started for "
            + settings.municipalities() + " municipalities");
      }
      Thread.sleep(500);
    }
  }

  private void inParallel(int count, java.util.function.IntConsumer job) throws Exception {
    Parallel.run(settings.threads(), java.util.stream.IntStream.range(0, count)
        .<Parallel.Job>mapToObj(index -> () -> job.accept(index)).toList());
  }

  // ---------------------------------------------------------------------------------------------
  // (1) Throughput: task completions per second through the EST cycle (reports, lägesbild, the
  // meeting, interventions) vs one task on a plain engine.

  private double[] measureThroughput(ProcessEngine engine, NationalWork work, ConfigurableApplicationContext app)
      throws Exception {
    List<String[]> cycles = freshCycles(work, settings.throughputInstances());
    Map<String, String> kommunOf = new LinkedHashMap<>();
    cycles.forEach(c -> kommunOf.put(c[0], c[1]));
    AtomicLong samverkanCompletions = new AtomicLong();
    Map<String, Long> rowsBefore = rowsWritten(engine, "public");
    // the clock stops once the background has also rendered every document the cycles fixed; what an
    // earlier, stopped run left waiting is rendered first, outside the clock
    app.getBean(se.samverkan.documents.Documents.class).renderPending();
    double samverkan = completionsPerSecond(new ArrayList<>(kommunOf.keySet()), pi -> {
      int done = work.advance(pi, kommunOf.get(pi), NationalWork.Stage.DONE);
      samverkanCompletions.addAndGet(done);
      return done;
    }, () -> awaitNoWaitingDocuments(engine));
    int completions = (int) samverkanCompletions.get();
    Map<String, Long> samverkanRows = rowsWrittenSince(engine, "public", rowsBefore);

    ProcessEngine baseline = plainEngine("plain-baseline", "plain").buildProcessEngine();
    try {
      baseline.getRepositoryService().createDeployment().addClasspathResource("benchmark/benchmark-trivial.bpmn").deploy();
      List<String> trivial = new ArrayList<>();
      for (int i = 0; i < completions; i++) {
        trivial.add(baseline.getRuntimeService().startProcessInstanceByKey(TRIVIAL).getId());
      }
      TaskService plainTasks = baseline.getTaskService();
      Map<String, Long> plainBefore = rowsWritten(engine, "plain");
      double plainRate = completionsPerSecond(trivial, pi -> {
        List<Task> open = plainTasks.createTaskQuery().processInstanceId(pi).list();
        open.forEach(task -> plainTasks.complete(task.getId()));
        return open.size();
      });
      log("Throughput: Samverkan %.1f/s, plain %.1f/s, ratio %.2f", samverkan, plainRate, samverkan / plainRate);
      Map<String, Long> plainRows = rowsWrittenSince(engine, "plain", plainBefore);
      report.append("## Vad en slutförd uppgift skriver\n\n")
          .append("Rader som PostgreSQL räknat som infogade, ändrade eller borttagna (`pg_stat_user_tables`) under ")
          .append("genomströmningsmätningen, per slutförd uppgift; de tio största tabellerna. Samverkans siffror ")
          .append("rymmer också det jobbexekutorn gjorde under tiden.\n\n")
          .append(String.format("| tabell | EST-cykeln (%d uppgifter) | en uppgift på en ren motor (%d) |%n|---|---|---|%n",
              completions, completions));
      java.util.Set<String> largest = new java.util.LinkedHashSet<>();
      samverkanRows.entrySet().stream().filter(e -> !e.getKey().equals("total"))
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10).forEach(e -> largest.add(e.getKey()));
      for (String table : largest) {
        report.append(String.format("| %s | %.1f | %.1f |%n", table, samverkanRows.getOrDefault(table, 0L) / (double) completions,
            plainRows.getOrDefault(table, 0L) / (double) completions));
      }
      report.append(String.format("| **alla tabeller** | **%.1f** | **%.1f** |%n%n",
          samverkanRows.get("total") / (double) completions, plainRows.get("total") / (double) completions));
      summary.put("Rader skrivna per slutförd uppgift (EST-cykeln / ren motor)", String.format("%.1f / %.1f",
          samverkanRows.get("total") / (double) completions, plainRows.get("total") / (double) completions));
      double sameModel = sameModelOnPlainEngine(app, completions);
      log("Throughput: the same est-cykel on a plain engine %.1f/s, ratio %.2f", sameModel, samverkan / sameModel);
      return new double[] {samverkan, plainRate, completions, sameModel};
    } finally {
      baseline.close();
    }
  }

  /**
   * New EST cycles, {@code n} of them over the municipalities in turn, each with its reports open:
   * after the open work's meetings, at each municipality's first meetings that have no cycle yet
   * (running or ended: a -Dbench.reuseData run finds the earlier runs' measured cycles there).
   * Returns {cycle, kommun} pairs.
   */
  private List<String[]> freshCycles(NationalWork work, int n) {
    List<String[]> cycles = new ArrayList<>();
    int firstMeeting = settings.openCyclesPerMunicipality() + 2;
    Map<String, Integer> nextMeeting = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String kommun = NationalOrganisation.municipalitySlug(i % settings.municipalities());
      int meeting = nextMeeting.getOrDefault(kommun, firstMeeting);
      List<ZonedDateTime> meetings = work.meetings(kommun, meeting + 1);
      while (work.hasCycle(kommun, meetings.get(meeting))) {
        meeting++;
        meetings = work.meetings(kommun, meeting + 1);
      }
      nextMeeting.put(kommun, meeting + 1);
      cycles.add(new String[] {work.startCycle(kommun, meetings.get(meeting)), kommun});
    }
    return cycles;
  }

  /**
   * (1c) Completing a form as Tasklist does (issue 18): {@code POST /task/{id}/submit-form} through
   * the webapps' API with the session of the function's holder, authorization on, one request at a
   * time: every EST actor's report of {@code bench.completionCycles} new cycles (in as many
   * municipalities as there are), and, once the situation picture is compiled (through the engine),
   * the meeting's planning by the samordnare: the heaviest step (it follows up the last meeting's
   * interventions and creates the new ones' tasks, timers and grants). The first cycle warms up.
   * Per step: p50, p95, completions, statements (median). After each planning the driver waits until
   * the meeting record's PDF, which the background renders after the planning committed, is stored
   * (measured from the planning's answer: {@link #recordRenderedAfterAnswer}), so that no measured
   * request shares the CPU with that rendering, as one person's next step would not.
   */
  /** The statements of the last measured completion of each step, for the results' details. */
  private final Map<String, List<String>> completionSql = new LinkedHashMap<>();
  /** Nanoseconds from each measured planning's answer until its meeting record's PDF was stored. */
  private final List<Long> recordRenderedAfterAnswer = new ArrayList<>();

  private Map<String, long[]> measureCompletions(ProcessEngine engine, NationalWork work) throws Exception {
    TasklistInteractions interactions = new TasklistInteractions(settings.port());
    Map<String, TasklistInteractions.Door> doors = new HashMap<>();
    Map<String, List<Long>> times = new LinkedHashMap<>();
    Map<String, List<Long>> statements = new LinkedHashMap<>();
    List<String[]> cycles = freshCycles(work, Integer.getInteger("bench.completionCycles", 30) + 1);
    for (int i = 0; i < cycles.size(); i++) {
      String cycle = cycles.get(i)[0];
      String kommun = cycles.get(i)[1];
      boolean counted = i > 0;
      for (Task report : work.open(cycle, se.samverkan.est.EstCycleProcess.SUBMIT_REPORT)) {
        record(times, statements, "rapport (EST-aktör)", counted,
            submitForm(engine, interactions, doors, report, NationalWork.report()));
      }
      work.advance(cycle, kommun, NationalWork.Stage.PLANNING);
      for (Task meeting : work.open(cycle, se.samverkan.est.EstCycleProcess.JOINT_PLANNING)) {
        record(times, statements, "mötets planering (samordnare)", counted,
            submitForm(engine, interactions, doors, meeting, work.planning(cycle, kommun)));
        long waited = awaitRenderedRecord(engine, cycle);
        if (counted) {
          recordRenderedAfterAnswer.add(waited);
        }
      }
    }
    Map<String, long[]> results = new LinkedHashMap<>();
    times.forEach((step, t) -> {
      results.put(step, new long[] {percentile(t, 50), percentile(t, 95), t.size(), percentile(statements.get(step), 50)});
      log("Completion, %s: p50 %s ms, p95 %s ms over %d, %d statements", step, millis(percentile(t, 50)),
          millis(percentile(t, 95)), t.size(), percentile(statements.get(step), 50));
    });
    return results;
  }

  private static org.springframework.jdbc.core.JdbcTemplate jdbcOf(ProcessEngine engine) {
    return new org.springframework.jdbc.core.JdbcTemplate(
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDataSource());
  }

  /** Waits (up to 60 s) until the cycle's meeting record has its PDF; the nanoseconds waited. */
  private static long awaitRenderedRecord(ProcessEngine engine, String cycle) {
    return awaitNone(engine, 60, "the meeting record of " + cycle + " rendered", "SELECT count(*) FROM samverkan_document "
        + "WHERE process_instance_id = ? AND kind = ? AND sha256 IS NULL", cycle,
        se.samverkan.documents.DocumentKind.est_protokoll.name());
  }

  /**
   * Polls the count query until it answers 0, for at most {@code seconds}; the nanoseconds waited.
   *
   * @throws IllegalStateException naming {@code what} when the time ran out
   */
  private static long awaitNone(ProcessEngine engine, int seconds, String what, String countSql, Object... args) {
    org.springframework.jdbc.core.JdbcTemplate jdbc = jdbcOf(engine);
    long started = System.nanoTime();
    while (jdbc.queryForObject(countSql, Long.class, args) > 0) {
      if (System.nanoTime() - started > seconds * 1_000_000_000L) {
        throw new IllegalStateException("not " + what + " within " + seconds + " s");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return System.nanoTime() - started;
  }

  private void record(Map<String, List<Long>> times, Map<String, List<Long>> statements, String step,
      boolean counted, TasklistInteractions.Answer answer) {
    if (counted) {
      times.computeIfAbsent(step, k -> new ArrayList<>()).add(answer.nanos());
      statements.computeIfAbsent(step, k -> new ArrayList<>()).add(answer.statements());
      completionSql.put(step, answer.sql());
    }
  }

  /** Submits the task's form as the holder of its function (its first candidate group) would. */
  private static TasklistInteractions.Answer submitForm(ProcessEngine engine, TasklistInteractions interactions,
      Map<String, TasklistInteractions.Door> doors, Task task, org.camunda.bpm.engine.variable.VariableMap variables) {
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).sorted().findFirst()
        .orElseThrow(() -> new IllegalStateException(task.getId() + " has no candidate group"));
    String user = engine.getIdentityService().createUserQuery().memberOfGroup(group).listPage(0, 1).stream()
        .findFirst().orElseThrow(() -> new IllegalStateException(group + " has no holder")).getId();
    TasklistInteractions.Door door = doors.computeIfAbsent(user, interactions::session);
    TasklistInteractions.Answer answer = door.engine(new TasklistInteractions.Request("slutför formuläret", "POST",
        "/task/" + task.getId() + "/submit-form", TasklistInteractions.JSON_ACCEPT, NationalWork.submitFormBody(variables)));
    if (answer.status() >= 300) {
      throw new IllegalStateException(user + " submit-form " + task.getTaskDefinitionKey() + ": HTTP " + answer.status()
          + " " + answer.body());
    }
    return answer;
  }

  /**
   * (1b) The same-model baseline (issue 18): the product's own {@code est-cykel} with its forms on a
   * plain engine configuration, in schema {@code plain2}: none of Samverkan's engine plugins (no
   * model rules, guards, form validation, list columns, mails, working-day calendar, Samverkan's
   * engine settings), Camunda's defaults with authorization on, history {@code full}, Spin for the
   * model's JSON. The beans that compute the model's collections and routing are Samverkan's own
   * (the same objects); those with only side effects are stubbed with beans that do nothing: the
   * reminder and escalation listeners, the report's and the planning's validation, the document
   * record. The same number of cycles, worked the same way with the same threads: completions per second.
   */
  private double sameModelOnPlainEngine(ConfigurableApplicationContext app, int samverkanCompletions) throws Exception {
    try (HikariDataSource ds = dataSource("public", 1); Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS plain2 CASCADE");
      s.execute("CREATE SCHEMA plain2");
    }
    StandaloneProcessEngineConfiguration plain = plainEngine("plain-same-model", "plain2");
    plain.setAuthorizationEnabled(true);
    plain.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
    Map<Object, Object> beans = new HashMap<>();
    for (String kept : List.of("estActors", "estCyclePreparation", "estFollowUp", "estInterventionOutcome", "estInterventions",
        "estNextCycle", "estReportCollector", "estReportStatus")) {
      beans.put(kept, app.getBean(kept));
    }
    for (String stubbed : List.of("taskReminder", "taskEscalation", "estReportRules", "estPlanningRules")) {
      beans.put(stubbed, new SideEffectStub());
    }
    beans.put("documents", new SideEffectStub());
    plain.setBeans(beans);
    ProcessEngine baseline = plain.buildProcessEngine();
    try {
      var deployment = baseline.getRepositoryService().createDeployment().name("est-cykel, samma modell");
      for (String resource : List.of("processes/est-cykel.bpmn", "forms/est-rapport.form", "forms/est-lagesbild.form",
          "forms/est-planering.form", "forms/est-insats.form")) {
        deployment.addInputStream(Path.of(resource).getFileName().toString(), Files.newInputStream(Path.of(resource)));
      }
      deployment.deploy();
      NationalWork plainWork = new NationalWork(baseline, app.getBean(EstSchedule.class), app.getBean(EstCycles.class));
      Map<String, String> kommunOf = new LinkedHashMap<>();
      int firstMeeting = settings.openCyclesPerMunicipality() + 2;
      for (int i = 0; i < settings.throughputInstances(); i++) {
        String kommun = NationalOrganisation.municipalitySlug(i % settings.municipalities());
        int meeting = firstMeeting + i / settings.municipalities();
        kommunOf.put(plainWork.startCycle(kommun, plainWork.meetings(kommun, meeting + 1).get(meeting)), kommun);
      }
      AtomicLong completions = new AtomicLong();
      double rate = completionsPerSecond(new ArrayList<>(kommunOf.keySet()), pi -> {
        int done = plainWork.advance(pi, kommunOf.get(pi), NationalWork.Stage.DONE);
        completions.addAndGet(done);
        return done;
      });
      if (completions.get() != samverkanCompletions) {
        throw new IllegalStateException("the same-model baseline completed " + completions.get() + " tasks, Samverkan "
            + samverkanCompletions);
      }
      return rate;
    } finally {
      baseline.close();
    }
  }

  /** A plain engine on its own schema of the benchmark's database: Camunda's defaults, history full, no job executor. */
  private StandaloneProcessEngineConfiguration plainEngine(String name, String schema) {
    StandaloneProcessEngineConfiguration plain = new StandaloneProcessEngineConfiguration();
    plain.setProcessEngineName(name);
    plain.setDataSource(dataSource(schema, 20));
    plain.setDatabaseSchema(schema);
    plain.setDatabaseTablePrefix(schema + ".");
    plain.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    plain.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    plain.setJobExecutorActivate(false);
    return plain;
  }

  /** A bean of the same-model baseline that stands in for one with only side effects: does nothing. */
  public static final class SideEffectStub implements org.camunda.bpm.engine.delegate.JavaDelegate,
      org.camunda.bpm.engine.delegate.TaskListener, org.camunda.bpm.engine.delegate.ExecutionListener {

    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {}

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {}

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {}

    /** The models' {@code ${documents.fix(execution, 'kind')}}: the document record, a side effect. */
    public void fix(org.camunda.bpm.engine.delegate.DelegateExecution execution, String kind) {}
  }

  /** Rows inserted, updated and deleted so far per table of {@code schema}, as PostgreSQL counts them. */
  private static Map<String, Long> rowsWritten(ProcessEngine engine, String schema) throws Exception {
    // PostgreSQL reports a backend's counts when it goes idle, at the latest after 10 s.
    Thread.sleep(11_000);
    Map<String, Long> rows = new java.util.TreeMap<>();
    try (Connection c = engine.getProcessEngineConfiguration().getDataSource().getConnection();
         java.sql.PreparedStatement s = c.prepareStatement("SELECT lower(relname), n_tup_ins + n_tup_upd + n_tup_del"
             + " FROM pg_stat_user_tables WHERE schemaname = ?")) {
      s.setString(1, schema);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return rows;
  }

  private static Map<String, Long> rowsWrittenSince(ProcessEngine engine, String schema, Map<String, Long> before)
      throws Exception {
    Map<String, Long> after = rowsWritten(engine, schema);
    Map<String, Long> written = new java.util.TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (n > 0) {
        written.put(e.getKey(), n);
        total += n;
      }
    }
    written.put("total", total);
    return written;
  }

  /**
   * {@code -Dbench.awaitQuietMinutes=N}: before measuring, wait up to N minutes for the one-minute
   * load average to fall below the number of cores (on a shared machine); the results record the load.
   */
  private void awaitQuietMachine() throws Exception {
    long deadline = System.currentTimeMillis() + Long.getLong("bench.awaitQuietMinutes", 0) * 60_000;
    int cores = Runtime.getRuntime().availableProcessors();
    while (System.currentTimeMillis() < deadline) {
      double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      if (load < cores) {
        break;
      }
      log("Waiting for a quiet machine: load %.1f on %d cores", load, cores);
      Thread.sleep(30_000);
    }
    summary.put("Belastning när mätningarna började (/proc/loadavg)", "`" + Files.readString(Path.of("/proc/loadavg")).trim() + "`");
  }

  private double completionsPerSecond(List<String> instances, java.util.function.ToIntFunction<String> work) throws Exception {
    return completionsPerSecond(instances, work, () -> { });
  }

  /** Completions per second of the work, the clock stopped once {@code settle} (run after the work) returns. */
  private double completionsPerSecond(List<String> instances, java.util.function.ToIntFunction<String> work,
      Runnable settle) throws Exception {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(instances);
    AtomicLong completions = new AtomicLong();
    Parallel.Job worker = () -> {
      String pi;
      while ((pi = queue.poll()) != null) {
        completions.addAndGet(work.applyAsInt(pi));
      }
    };
    long start = System.nanoTime();
    Parallel.run(settings.threads(), java.util.Collections.nCopies(settings.threads(), worker));
    settle.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return completions.get() / seconds;
  }

  /**
   * Waits (up to 5 min) until no document waits for its PDF: the background renders them after the
   * steps' commits (docs/documents.md), work a throughput figure must include.
   */
  private static void awaitNoWaitingDocuments(ProcessEngine engine) {
    awaitNone(engine, 300, "every document rendered", "SELECT count(*) FROM samverkan_document WHERE sha256 IS NULL");
  }

  // ---------------------------------------------------------------------------------------------
  // (3) Escalation latency: a due date passes (the escalation timer's due date is set to now), until
  // the task shows as escalated (priority >= 75), with the job executor among all the open timers.

  private List<Long> measureEscalationLatency(ProcessEngine engine, DataSource dataSource) throws Exception {
    List<String[]> chosen = new ArrayList<>();   // task id, escalation job id
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // tasks not escalated yet (an earlier -Dbench.reuseData run escalated some), with their timers
      String pick = "SELECT t.id_, (SELECT j.id_ FROM act_ru_job j WHERE j.execution_id_ = t.execution_id_"
          + " ORDER BY j.duedate_ DESC LIMIT 1) FROM act_ru_task t WHERE t.priority_ < " + TasklistFilters.ESCALATED_PRIORITY
          + " AND EXISTS (SELECT 1 FROM act_ru_job j WHERE j.execution_id_ = t.execution_id_)";
      for (String sql : List.of(
          pick + " AND EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.group_id_ LIKE '%-kommun-001') LIMIT 5",
          pick + " AND EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.group_id_ = 'kommunpolis-lpo-01') LIMIT 5",
          pick + " ORDER BY random() LIMIT " + Math.max(0, settings.escalations() - 10))) {
        try (ResultSet rows = s.executeQuery(sql)) {
          while (rows.next()) {
            chosen.add(new String[] {rows.getString(1), rows.getString(2)});
          }
        }
      }
    }
    Set<String> seen = new java.util.HashSet<>();
    chosen.removeIf(task -> !seen.add(task[0]));
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    Map<String, Long> latency = new ConcurrentHashMap<>();
    Thread poller = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        Set<String> pending = new java.util.HashSet<>(dueAt.keySet());
        pending.removeAll(latency.keySet());
        if (!pending.isEmpty()) {
          long now = System.currentTimeMillis();
          engine.getTaskService().createTaskQuery().taskIdIn(pending.toArray(String[]::new))
              .taskMinPriority(TasklistFilters.ESCALATED_PRIORITY).list()
              .forEach(task -> latency.putIfAbsent(task.getId(), now - dueAt.get(task.getId())));
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "escalation-poller");
    poller.start();
    for (String[] task : chosen) {
      long now = System.currentTimeMillis();
      engine.getManagementService().setJobDuedate(task[1], new Date(now));
      dueAt.put(task[0], now);
      Thread.sleep(300);
    }
    long deadline = System.currentTimeMillis() + 120_000;
    while (latency.size() < chosen.size() && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    poller.interrupt();
    poller.join();
    List<Long> values = new ArrayList<>(latency.values());
    log("Escalations: %d of %d visible, p50 %d ms, p95 %d ms", values.size(), chosen.size(),
        percentile(values, 50), percentile(values, 95));
    if (values.size() < chosen.size()) {
      throw new IllegalStateException((chosen.size() - values.size()) + " escalations never became visible");
    }
    return values;
  }

  /**
   * {@code -Dbench.measure=interactions,throughput,completions,escalation,filters,overview,documents,startup} (the default: all): the
   * measurements to make; with {@code -Dbench.reuseData=true}, e.g. {@code -Dbench.measure=interactions}
   * measures one of them again on the same data in a few minutes.
   */
  private static boolean measures(String part) {
    return List.of(System.getProperty("bench.measure", "interactions,throughput,completions,escalation,filters,overview,documents,startup")
        .split(",")).contains(part);
  }

  // ---------------------------------------------------------------------------------------------
  // (2a) Every request of a coordinator's Tasklist interactions (TasklistInteractions), through both
  // doors, one user at a time and several at once.

  /** The users whose interactions are measured: a samordnare, a kommunpolis and an EST actor. */
  private List<String> interactionUsers(int each) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      users.add("samordnare." + NationalOrganisation.municipalitySlug(i));
      users.add("kommunpolis." + NationalOrganisation.lpoSlug(i % settings.lpos()));
      users.add(NationalOrganisation.EST_ACTORS[0] + "." + NationalOrganisation.municipalitySlug(i));
    }
    return users;
  }

  private List<TasklistInteractions.Measured> measureInteractions() throws Exception {
    TasklistInteractions interactions = new TasklistInteractions(settings.port());
    List<TasklistInteractions.Measured> results = new ArrayList<>();
    int rounds = settings.queries();
    // A server that has run for a while: the JIT has compiled the request paths. Without this the first
    // user measured carried the compilation (p95 50 ms for samordnare.kommun-001's list against 20–34 ms
    // for the next users, 4 December). Unmeasured rounds of every user and door first.
    int jvmWarmup = interactionWarmup();
    long warmStart = System.nanoTime();
    for (String user : interactionUsers(1)) {
      for (TasklistInteractions.Door door : List.of(interactions.session(user), interactions.basic(user))) {
        interactions.measure(user, door, jvmWarmup, 0);
      }
    }
    log("Interactions: JVM warmed up with %d unmeasured rounds per user and door in %.0f s", jvmWarmup,
        (System.nanoTime() - warmStart) / 1e9);
    for (String user : interactionUsers(1)) {
      for (TasklistInteractions.Door door : List.of(interactions.session(user), interactions.basic(user))) {
        TasklistInteractions.Measured measured = interactions.measure(user, door, 10, rounds);
        results.add(measured);
        log("Interactions of %s through %s: %s", user, door.name(), p95s(measured));
      }
    }
    // a municipality outside the templates' (the middle one): the first bench.templateMunicipalities also
    // hold the real template cycles, the bulk copies are spread over all municipalities; by session
    String typical = NationalOrganisation.municipalitySlug(settings.municipalities() / 2);
    if (settings.municipalities() > settings.templateMunicipalities()) {
      for (String user : List.of("samordnare." + typical, NationalOrganisation.EST_ACTORS[0] + "." + typical)) {
        TasklistInteractions.Measured measured = interactions.measure(user, interactions.session(user), 10, rounds);
        results.add(measured);
        log("Interactions of %s through %s: %s", user, measured.door(), p95s(measured));
      }
    }
    // several people at once, each with their own session: two of each kind, all starting together;
    // first as people work (a pause to read after each interaction), then without any pause, each
    // sending its next request as soon as the last one answered: what the machine can serve at most
    List<String> together = interactionUsers(2);
    long pause = thinkMillis();
    for (long pauseMillis : pause > 0 ? List.of(pause, 0L) : List.of(0L)) {
      List<TasklistInteractions.Measured> concurrent = interactions.concurrently(together, true, 10, rounds, pauseMillis);
      TasklistInteractions.Measured merged = TasklistInteractions.merge(together.size() + " användare samtidigt"
          + (pauseMillis > 0 ? String.format(", paus %.1f s efter varje interaktion", pauseMillis / 1000.0)
              : ", ingen paus (maskinens gräns)"), "webbappens API med session", concurrent);
      results.add(merged);
      log("Interactions of %s: %s", merged.user(), p95s(merged));
    }
    summary.put("Tasklist: högsta p95 för ett enskilt anrop (mål < 20 ms)", worstP95s(results));
    return results;
  }

  /**
   * (5) Läget (issue 16): the overview pages as a function opens them, with its webapp session and
   * authorization on: a municipality's page as its samordnare and its kommunledning, an LPO's page as
   * its kommunpolis; p50 / p95 over {@code bench.queries} loads after 5 to warm up.
   */
  private Map<String, long[]> measureOverview(DataSource dataSource) throws Exception {
    awaitReadModel(dataSource);
    TasklistInteractions interactions = new TasklistInteractions(settings.port());
    Map<String, long[]> results = new LinkedHashMap<>();
    String kommun = NationalOrganisation.municipalitySlug(0);
    String lpo = NationalOrganisation.lpoSlug(0);
    // kommun-001 is a template municipality (its real template cycles beside its share of the bulk
    // copies, which are spread over all municipalities); the middle one is not
    String typical = NationalOrganisation.municipalitySlug(settings.municipalities() / 2);
    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("kommunens sida (" + kommun + ", " + tasksOf(dataSource, kommun) + " uppgifter) som samordnare." + kommun,
        new String[] {"samordnare." + kommun, "/samverkan/laget/kommun/" + kommun});
    pages.put("kommunens sida (" + kommun + ") som kommunledning." + kommun, new String[] {"kommunledning." + kommun, "/samverkan/laget/kommun/" + kommun});
    pages.put("kommunens sida (" + typical + ", " + tasksOf(dataSource, typical) + " uppgifter) som samordnare." + typical,
        new String[] {"samordnare." + typical, "/samverkan/laget/kommun/" + typical});
    pages.put("LPO:ns sida (" + lpo + ") som kommunpolis." + lpo, new String[] {"kommunpolis." + lpo, "/samverkan/laget/lpo/" + lpo});
    for (Map.Entry<String, String[]> page : pages.entrySet()) {
      TasklistInteractions.Door door = interactions.session(page.getValue()[0]);
      TasklistInteractions.Request request = new TasklistInteractions.Request(page.getKey(), "GET", page.getValue()[1],
          "text/html", null);
      List<Long> times = new ArrayList<>();
      List<Long> statements = new ArrayList<>();
      for (int i = 0; i < settings.queries() + 5; i++) {
        TasklistInteractions.Answer answer = door.engine(request);
        if (answer.status() != 200) {
          throw new IllegalStateException(page.getKey() + ": HTTP " + answer.status());
        }
        if (i >= 5) {
          times.add(answer.nanos());
          statements.add(answer.statements());
        }
      }
      results.put(page.getKey(), new long[] {percentile(times, 50), percentile(times, 95), percentile(statements, 50)});
      log("Läget, %s: p50 %s ms, p95 %s ms, %d statements", page.getKey(), millis(percentile(times, 50)),
          millis(percentile(times, 95)), percentile(statements, 50));
    }
    return results;
  }

  /** The municipality's tasks in Läget's read model (historic and open). */
  private static long tasksOf(DataSource dataSource, String kommun) {
    return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
        "select count(*) from samverkan_overview_task where kommun = ?", Long.class, kommun);
  }

  /**
   * (6) Documents (issue 16): each kind the open work has an instance for, rendered as its step
   * renders it ({@code Documents.render}: the case's variables and history read, the Thymeleaf
   * template, openhtmltopdf to PDF/A-2a), in the engine's transaction as a listener would;
   * p50 / p95 of up to {@code bench.queries} instances each, after 3 to warm up.
   */
  private Map<String, long[]> measureDocuments(ProcessEngine engine, ConfigurableApplicationContext app) {
    se.samverkan.documents.Documents documents = app.getBean(se.samverkan.documents.Documents.class);
    var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(AgreementProcess.KEY, "samverkansoverenskommelse");
    kinds.put(PromiseProcess.KEY, "medborgarlofte");
    kinds.put("est-cykel", "est-protokoll");
    Map<String, long[]> results = new LinkedHashMap<>();
    for (Map.Entry<String, String> kind : kinds.entrySet()) {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(kind.getKey())
          .active().listPage(0, settings.queries() + 3).stream().map(p -> p.getId()).toList();
      List<Long> times = new ArrayList<>();
      List<Long> sizes = new ArrayList<>();
      for (int i = 0; i < instances.size(); i++) {
        String instance = instances.get(i);
        long[] measured = commands.execute(context -> {
          var execution = context.getExecutionManager().findExecutionById(instance);
          long start = System.nanoTime();
          byte[] pdf = documents.render(execution, kind.getValue());
          return new long[] {System.nanoTime() - start, pdf.length};
        });
        if (i >= 3) {
          times.add(measured[0]);
          sizes.add(measured[1]);
        }
      }
      if (!times.isEmpty()) {
        results.put(kind.getValue(), new long[] {percentile(times, 50), percentile(times, 95), times.size(),
            percentile(sizes, 50)});
        log("Document %s: p50 %s ms, p95 %s ms over %d instances, %d bytes", kind.getValue(),
            millis(percentile(times, 50)), millis(percentile(times, 95)), times.size(), percentile(sizes, 50));
      }
    }
    return results;
  }

  /**
   * The bulk-loaded history bypassed the engine, so Läget's read model (filled by the engine's
   * listeners) lacks it: filled the way an installation from before the read model gets it
   * ({@code ProjectionRebuild.fillMissing}), timed.
   */
  private void fillReadModel(ConfigurableApplicationContext app) {
    long start = System.nanoTime();
    int rows = app.getBean(se.samverkan.overview.ProjectionRebuild.class).fillMissing();
    double seconds = (System.nanoTime() - start) / 1e9;
    log("Läget's read model filled from history: %d rows in %.0f s", rows, seconds);
    summary.put("Lägets läsmodell fylld ur den bulkladdade historiken", String.format("%d rader på %.0f s", rows, seconds));
  }

  /**
   * Läget's read model holds every historic task: on a database from before it (a reused data set)
   * Samverkan fills it from history once it is ready ({@code ProjectionRebuild.fillMissing}, in the
   * background); the benchmark waits for that and reports how long it took. After this run's own bulk
   * load the benchmark fills it itself ({@link #fillReadModel}).
   */
  private void awaitReadModel(DataSource dataSource) throws Exception {
    long start = System.nanoTime();
    long deadline = System.currentTimeMillis() + 30 * 60_000;
    long tasks = count(dataSource, "act_hi_taskinst");
    long instances = count(dataSource, "act_hi_procinst");
    long rows = count(dataSource, "samverkan_overview_task");
    long cases = count(dataSource, "samverkan_overview_case");
    while (rows < tasks || cases < instances) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("Läget's read model has " + rows + " of " + tasks + " tasks and " + cases
            + " of " + instances + " cases after 30 minutes");
      }
      Thread.sleep(2_000);
      rows = count(dataSource, "samverkan_overview_task");
      cases = count(dataSource, "samverkan_overview_case");
    }
    double waited = (System.nanoTime() - start) / 1e9;
    summary.put("Lägets läsmodell (samverkan_overview_task, samverkan_overview_case)", String.format("%d uppgifter "
        + "(historiens %d), %d ärenden (historiens %d processinstanser); väntade %.0f s på att den fylldes ur historiken",
        rows, tasks, cases, instances, waited));
    log("Läget's read model: %d rows for %d historic tasks, %d cases for %d instances, waited %.0f s", rows, tasks,
        cases, instances, waited);
  }

  private static String p95s(TasklistInteractions.Measured measured) {
    StringBuilder line = new StringBuilder();
    measured.requests().forEach((name, times) -> line.append(name).append(' ').append(millis(percentile(times, 95))).append(" ms; "));
    measured.interactions().forEach((name, times) -> line.append(name).append(' ').append(millis(percentile(times, 95))).append(" ms; "));
    return line.append(measured.tasksInList()).append(" tasks").toString();
  }

  /** Nanoseconds as milliseconds with one decimal. */
  static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
  }

  // ---------------------------------------------------------------------------------------------
  // (2) Tasklist's filters as Tasklist calls them: REST, HTTP Basic, authorization on.

  private Map<String, long[]> measureFilters() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    Map<String, long[]> results = new LinkedHashMap<>();
    String base = "http://127.0.0.1:" + settings.port() + "/engine-rest";
    for (String user : List.of("samordnare." + NationalOrganisation.municipalitySlug(0),
        "kommunpolis." + NationalOrganisation.lpoSlug(0))) {
      String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      JsonNode filters = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/filter?resourceType=Task"))
          .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body());
      for (String name : List.of(TasklistFilters.FUNCTION_TASKS, TasklistFilters.OVERDUE, TasklistFilters.ESCALATED)) {
        String id = null;
        for (JsonNode filter : filters) {
          if (name.equals(filter.get("name").asText())) {
            id = filter.get("id").asText();
          }
        }
        if (id == null) {
          throw new IllegalStateException("filter " + name + " not visible to " + user);
        }
        HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/filter/" + id + "/list?firstResult=0&maxResults=15"))
            .header("Authorization", auth).header("Content-Type", "application/json").header("Accept", "application/hal+json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest count = HttpRequest.newBuilder(URI.create(base + "/filter/" + id + "/count"))
            .header("Authorization", auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        List<Long> listTimes = new ArrayList<>();
        List<Long> countTimes = new ArrayList<>();
        long found = 0;
        for (int i = 0; i < settings.queries() + 10; i++) {
          long t0 = System.nanoTime();
          HttpResponse<String> response = http.send(list, HttpResponse.BodyHandlers.ofString());
          long t1 = System.nanoTime();
          HttpResponse<String> counted = http.send(count, HttpResponse.BodyHandlers.ofString());
          long t2 = System.nanoTime();
          if (response.statusCode() != 200 || counted.statusCode() != 200) {
            throw new IllegalStateException(user + " " + name + ": HTTP " + response.statusCode() + " " + response.body());
          }
          if (i >= 10) {
            listTimes.add((t1 - t0) / 1_000_000);
            countTimes.add((t2 - t1) / 1_000_000);
          }
          found = json.readTree(counted.body()).get("count").asLong();
        }
        results.put(user + "|" + name, new long[] {percentile(listTimes, 50), percentile(listTimes, 95),
            percentile(countTimes, 50), percentile(countTimes, 95), found});
        log("Filter %s as %s: list p50 %d p95 %d ms, count p50 %d p95 %d ms, %d tasks", name, user,
            percentile(listTimes, 50), percentile(listTimes, 95), percentile(countTimes, 50), percentile(countTimes, 95), found);
      }
    }
    return results;
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, Long> databaseSize(DataSource dataSource) throws Exception {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // sizes as they are (VACUUM frees space for reuse but does not shrink the files)
      try (ResultSet r = s.executeQuery("SELECT pg_database_size(current_database()),"
          + " (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + "  WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'act_hi_%'),"
          + " (SELECT count(*) FROM act_hi_procinst), (SELECT count(*) FROM act_hi_taskinst)")) {
        r.next();
        sizes.put("database", r.getLong(1));
        sizes.put("history", r.getLong(2));
        sizes.put("procinst", r.getLong(3));
        sizes.put("taskinst", r.getLong(4));
      }
    }
    return sizes;
  }

  private static long count(DataSource dataSource, String table) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private void writeResults(String started, String loadBefore, Startups startups, double[] throughput,
      Map<String, long[]> completions, List<Long> escalations, Map<String, long[]> queries, List<TasklistInteractions.Measured> interactions,
      Map<String, long[]> overview, Map<String, long[]> documentTimes, Map<String, Long> sizes) throws Exception {
    String machine = machine();
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
    StringBuilder md = new StringBuilder("# Samverkan: nationellt benchmark\n\n");
    md.append("Kört ").append(started).append(" (UTC). ").append(machine).append('\n')
        .append("Belastning (/proc/loadavg) före: `").append(loadBefore).append("`, efter: `").append(loadAfter).append("`.\n\n")
        .append(String.format("Organisation: %d kommuner, %d lokalpolisområden, en användare per funktion. ",
            settings.municipalities(), settings.lpos()))
        .append("Processerna är produktens egna (`processes/`): EST-cykeln, samverkansprocessen och medborgarlöftet, ")
        .append("med formulärvalidering, påminnelser, eskaleringar och e-post som i drift.\n\n");
    summary.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n## Resultat\n\n| mått | värde | mål |\n|---|---|---|\n");
    if (throughput != null) {
      md.append(String.format("| (1) slutförda uppgifter/s, EST-cykeln (`est-cykel`: rapporter, lägesbild, möte, insatser; %d tr\u00e5dar, %.0f uppgifter) | %.1f | |%n",
          settings.threads(), throughput[2], throughput[0]));
      md.append(String.format("| (1) slutförda uppgifter/s, en uppgift på en ren motor | %.1f | |%n", throughput[1]));
      md.append(String.format("| (1) kvot mot en uppgift på en ren motor | %.2f | |%n", throughput[0] / throughput[1]));
      md.append(String.format("| (1b) slutförda uppgifter/s, samma `est-cykel` på en ren motor (inga Samverkan-tillägg, bönorna för "
          + "modellens listor och vägval Samverkans egna, sidoeffekter utbytta mot tomma; behörighetskontroll på, historik full) | %.1f | |%n",
          throughput[3]));
      md.append(String.format("| (1b) kvot mot samma modell | %.2f | ≥ 0,8 |%n", throughput[0] / throughput[3]));
    }
    for (Map.Entry<String, long[]> step : completions.entrySet()) {
      md.append(String.format("| (1c) slutföra formuläret som Tasklist (`submit-form`, webbappens session): %s, p50 / p95 "
          + "över %d (SQL-satser, median) | %s / %s ms (%d) | p95 < %d ms |%n", step.getKey(), step.getValue()[2],
          millis(step.getValue()[0]), millis(step.getValue()[1]), step.getValue()[3], step.getKey().startsWith("rapport") ? 50 : 100));
    }
    if (!recordRenderedAfterAnswer.isEmpty()) {
      md.append(String.format("| (1c) mötets protokoll (PDF/A) lagrat av bakgrundstråden, räknat från planeringens svar: p50 / p95 "
          + "över %d | %s / %s ms | < 1 s |%n", recordRenderedAfterAnswer.size(), millis(percentile(recordRenderedAfterAnswer, 50)),
          millis(percentile(recordRenderedAfterAnswer, 95))));
    }
    for (Map.Entry<String, long[]> q : queries.entrySet()) {
      String[] key = q.getKey().split("\\|");
      long[] v = q.getValue();
      md.append(String.format("| (2) %s som %s: list p50 / p95 (count p50 / p95), %d uppgifter | %d / %d ms (%d / %d ms) | p95 < 50 ms |%n",
          key[1], key[0], v[4], v[0], v[1], v[2], v[3]));
    }
    for (Map.Entry<String, long[]> page : overview.entrySet()) {
      md.append(String.format("| (5) Läget, %s, med webbappens session: p50 / p95 (SQL-satser, median) | %s / %s ms (%d) | p95 < 200 ms |%n",
          page.getKey(), millis(page.getValue()[0]), millis(page.getValue()[1]), page.getValue()[2]));
    }
    for (Map.Entry<String, long[]> document : documentTimes.entrySet()) {
      md.append(String.format("| (6) dokument `%s` (PDF/A-2a, %d kB), skapat som steget skapar det: p50 / p95 över %d instanser | %s / %s ms | < 1 s |%n",
          document.getKey(), document.getValue()[3] / 1024, document.getValue()[2], millis(document.getValue()[0]),
          millis(document.getValue()[1])));
    }
    if (escalations != null) {
      md.append(String.format("| (3) eskaleringslatens p50 / p95 (%d eskaleringar, %s öppna timers) | %.1f / %.1f s | p95 < 10 s |%n",
          escalations.size(), summary.get("Öppna timers (påminnelse, eskalering, processernas egna)"),
          percentile(escalations, 50) / 1000.0, percentile(escalations, 95) / 1000.0));
    }
    if (startups.measured()) {
      md.append(startups.rows("| (4) %1$s: tid till redo (Springs \"Started\": %3$.1f s), RSS | %2$.1f s, %4$s | |%n"));
      md.append(String.format("| (4) omstart Samverkan / ren Camunda-starter (medianer) | %.2f | ≤ 1,3 |%n", startups.ratio()));
    }
    md.append(String.format("| (4) databas, historiknivå `%s`: %d MB totalt, historik %d MB, %d historiska processinstanser, %d uppgiftsrader | %.1f kB per processinstans (historik %.1f kB) | |%n",
        System.getProperty("bench.history", "full"), sizes.get("database") >> 20, sizes.get("history") >> 20, sizes.get("procinst"), sizes.get("taskinst"),
        sizes.get("database") / 1024.0 / sizes.get("procinst"), sizes.get("history") / 1024.0 / sizes.get("procinst")));
    md.append('\n');
    if (!interactions.isEmpty()) {
      md.append(interactionTable(interactions));
    }
    completionSql.forEach((step, sql) -> {
      md.append("<details><summary>SQL-satserna i den sista mätta slutförandet: ").append(step).append(" (")
          .append(sql.size()).append(" satser)</summary>\n\n```\n");
      sql.forEach(line -> md.append(line.length() > 400 ? line.substring(0, 400) + " …" : line).append('\n'));
      md.append("```\n\n</details>\n\n");
    });
    md.append(report);
    Files.writeString(OUT.resolve("results.md"), md, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(md);
  }

  /**
   * {@code -Dbench.thinkMillis}: the mean pause (ms) of the users at once after each interaction, as a
   * person reads a list or a form (between half and one and a half times it); 0 measures only without pause.
   */
  private static long thinkMillis() {
    return Long.getLong("bench.thinkMillis", 1000);
  }

  /**
   * The highest p95 of a single request: one user at a time, users at once with a pause after each
   * interaction, users at once without pause; each with whether it meets the 20 ms target.
   */
  private static String worstP95s(List<TasklistInteractions.Measured> measured) {
    Map<String, java.util.function.Predicate<TasklistInteractions.Measured>> groups = new LinkedHashMap<>();
    groups.put("en användare i taget", m -> m.users() == 1);
    groups.put("flera samtidigt med paus", m -> m.users() > 1 && m.pauseMillis() > 0);
    groups.put("flera samtidigt utan paus", m -> m.users() > 1 && m.pauseMillis() == 0);
    List<String> parts = new ArrayList<>();
    groups.forEach((name, group) -> measured.stream().filter(group).mapToLong(NationalBenchmark::highestP95).max()
        .ifPresent(worst -> parts.add(String.format("%s %s ms (%s)", name, millis(worst),
            worst < 20_000_000 ? "uppnått" : "inte uppnått"))));
    return String.join("; ", parts);
  }

  /** The highest p95 of any one request of a measurement. */
  private static long highestP95(TasklistInteractions.Measured measured) {
    return measured.requests().values().stream().mapToLong(times -> percentile(times, 95)).max().orElse(0);
  }

  /** {@code -Dbench.interactionWarmup}: unmeasured rounds of every user and door before the interactions. */
  private static int interactionWarmup() {
    return Integer.getInteger("bench.interactionWarmup", 30);
  }

  /**
   * The interactions' table: a column per user and door, a row per request (p50 / p95 in ms) and per
   * interaction (the sum of its requests, p95), the target 20 ms per request.
   */
  private String interactionTable(List<TasklistInteractions.Measured> interactions) {
    StringBuilder md = new StringBuilder("## Tasklist: varje anrop av en interaktion\n\n");
    md.append(String.format("Anropen som Tasklist 7.24 gör, i dess ordning (`TasklistInteractions`), %d varv per användare och "
        + "väg efter 10 varv uppvärmning, och före alla mätningar %d omätta varv av varje användare och väg (en "
        + "server som har varit igång en stund); en annan uppgift ur listan öppnas varje varv. Tider i ms, p50 / p95, "
        + "mätta i klienten (HTTP på samma maskin). Mål: p95 < 20 ms per anrop.%n%n", settings.queries(), interactionWarmup()));
    md.append("| anrop |");
    interactions.forEach(m -> md.append(' ').append(m.user()).append(", ").append(m.door())
        .append(" (").append(m.tasksInList()).append(" uppgifter) |"));
    md.append("\n|---|").append("---|".repeat(interactions.size())).append('\n');
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    interactions.forEach(m -> names.addAll(m.requests().keySet()));
    for (String name : names) {
      md.append("| ").append(name).append(" |");
      for (TasklistInteractions.Measured m : interactions) {
        List<Long> times = m.requests().get(name);
        md.append(times == null ? " – |" : " " + millis(percentile(times, 50)) + " / " + millis(percentile(times, 95))
            + (percentile(times, 95) >= 20_000_000 ? " **över**" : "") + " |");
      }
      md.append('\n');
    }
    java.util.Set<String> sums = new java.util.LinkedHashSet<>();
    interactions.forEach(m -> sums.addAll(m.interactions().keySet()));
    for (String name : sums) {
      md.append("| **").append(name).append(", summa** |");
      for (TasklistInteractions.Measured m : interactions) {
        List<Long> times = m.interactions().get(name);
        md.append(times == null ? " – |" : " " + millis(percentile(times, 50)) + " / " + millis(percentile(times, 95)) + " |");
      }
      md.append('\n');
    }
    md.append(String.format("%nHögsta p95 för ett enskilt anrop (mål < 20 ms): %s.%n%n", worstP95s(interactions)));
    md.append("SQL-satser per anrop (median; commit räknas som en) och deras tid i servern, p50 (ms), för samma anrop:\n\n| anrop |");
    interactions.forEach(m -> md.append(' ').append(m.user()).append(", ").append(m.door()).append(" |"));
    md.append("\n|---|").append("---|".repeat(interactions.size())).append('\n');
    for (String name : names) {
      md.append("| ").append(name).append(" |");
      for (TasklistInteractions.Measured m : interactions) {
        List<Long> n = m.statements().get(name);
        md.append(n == null ? " – |" : " " + percentile(n, 50) + " satser, " + millis(percentile(m.dbNanos().get(name), 50)) + " ms |");
      }
      md.append('\n');
    }
    md.append('\n');
    // the statements themselves, of the first two measurements (one user through both doors) and of the
    // one user whose slowest request was the slowest: where the time goes
    List<TasklistInteractions.Measured> shown = new ArrayList<>(interactions.subList(0, Math.min(2, interactions.size())));
    interactions.stream().filter(m -> m.users() == 1)
        .max(java.util.Comparator.comparingLong(NationalBenchmark::highestP95))
        .filter(m -> !shown.contains(m)).ifPresent(shown::add);
    for (TasklistInteractions.Measured m : shown) {
      md.append("<details><summary>SQL-satserna i det sista mätta varvet: ").append(m.user()).append(", ").append(m.door())
          .append("</summary>\n\n");
      m.lastSql().forEach((name, sql) -> {
        md.append("**").append(name).append("** (").append(sql.size()).append(" satser)\n\n```\n");
        sql.forEach(line -> md.append(line.length() > 400 ? line.substring(0, 400) + " …" : line).append('\n'));
        md.append("```\n\n");
      });
      md.append("</details>\n\n");
    }
    return md.toString();
  }

  /** {@code -Dbench.onlyStartup=true}: startup and memory against the database of an earlier full run. */
  private void writeStartupResults(String started, String loadBefore, Startups startups) throws Exception {
    StringBuilder md = new StringBuilder("# Samverkan: start och minne mot den nationella databasen\n\n");
    md.append("Kört ").append(started).append(" (UTC). ").append(machine()).append('\n')
        .append("Belastning (/proc/loadavg) före: `").append(loadBefore).append("`, efter: `")
        .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("`.\n\n")
        .append("Tid från JVM-start till redo (jobbexekutorn startad, efter Samverkans organisationssynkronisering).\n\n")
        .append("| start | tid till redo | Springs \"Started\" | RSS |\n|---|---|---|---|\n");
    if (startups.measured()) {
      md.append(startups.rows("| %s | %.1f s | %.1f s | %s |%n"));
      md.append(String.format("%nOmstart Samverkan / ren Camunda-starter (medianer): %.2f (mål ≤ 1,3).%n", startups.ratio()));
    }
    Files.writeString(OUT.resolve("results-startup.md"), md, StandardCharsets.UTF_8);
    System.out.println(md);
  }

  private String machine() throws Exception {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB").orElse("?");
    String pg;
    try (HikariDataSource ds = dataSource("public", 1); Connection c = ds.getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SHOW server_version")) {
      r.next();
      pg = r.getString(1);
    }
    return String.format("Maskin: %d kärnor (%s), %s RAM, Java %s (%s), PostgreSQL %s på samma maskin.",
        Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.version"),
        System.getProperty("java.vm.name"), pg);
  }

  private static void log(String format, Object... args) {
    System.out.println("[benchmark " + java.time.LocalTime.now().withNano(0) + "] " + String.format(format, args));
  }
}
