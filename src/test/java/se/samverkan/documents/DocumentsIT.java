package se.samverkan.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.FormData;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstReviewProcess;
import se.samverkan.est.EstReviews;
import se.samverkan.est.EstTestCycles;
import se.samverkan.est.StartedInstances;
import se.samverkan.organisation.Organisation;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseScenario;
import se.samverkan.signing.SignatureCollector;

/**
 * The documents after a whole samverkansprocess, a medborgarlöfte, an EST cycle and a styrgrupp
 * review, driven as their users complete them: what each says (text extracted from the PDF), that
 * it is PDF/A per veraPDF, the same bytes on every fetch, and who may fetch it through both doors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsIT {

  private static final String AGREEMENT_REJECTION = "Malås åtgärder saknar ansvarig förvaltning.";
  private static final String PROMISE_REJECTION = "Intern anmärkning: budgeten för fältarna är inte beslutad.";
  private static final String HTML_IN_PLACES = "<b>Busstationen</b> <script>alert(1)</script>";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired Organisation organisation;
  @Autowired EstCycles cycles;
  @Autowired EstReviews reviews;
  @Autowired JdbcTemplate jdbc;
  @Autowired DocumentStore store;
  @Autowired Documents documents;
  @Autowired DocumentRenderer renderer;
  @LocalServerPort int port;

  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;

  String agreementInstance;
  String promiseInstance;
  String estCycle;
  String review;
  String agreement;
  String promise;
  String followUp;
  String estRecord;
  String reviewReport;
  /** Whether every driven document was rendered, before any test read one, and how long that took. */
  List<String> notRenderedInTheBackground;
  long backgroundMillis;

  @AfterAll
  void removeTheDrivenInstances() {
    StartedInstances.removeRunningWithPromises(runtime, java.util.Arrays.asList(agreementInstance, promiseInstance, estCycle, review),
        "DocumentsIT städar");
  }

  @BeforeAll
  void driveTheProcesses() {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();

    AgreementScenario cycle = AgreementScenario.start(engine, AgreementScenario.uniquePeriod())
        .contributeSituationPictures().analyse(List.of()).draft().sign("kommunledning-mala", AGREEMENT_REJECTION)
        .draft().signAll();
    agreementInstance = cycle.instance.getId();
    agreement = only(agreementInstance, DocumentKind.samverkansoverenskommelse);

    promiseInstance = runtime.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .variableValueEquals(PromiseProcess.AGREEMENT_INSTANCE, agreementInstance)
        .variableValueEquals(PromiseProcess.MUNICIPALITY, "lycksele").singleResult().getId();
    completePromise(PromiseProcess.TASK_FORMULATE, formulation());
    completePromise(PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.REJECT, PROMISE_REJECTION));
    completePromise(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    completePromise(PromiseProcess.TASK_FORMULATE, formulation());
    completePromise(PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.SIGN, null));
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember("kommunledning.lycksele").list()
        .stream().map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication("kommunledning.lycksele", groups);
    try {
      completePromise(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    promise = only(promiseInstance, DocumentKind.medborgarlofte);
    completePromise(PromiseProcess.TASK_PUBLISH, PromiseScenario.publication());
    management.executeJob(management.createJobQuery().processInstanceId(promiseInstance)
        .activityId(PromiseProcess.EVENT_YEAR_PASSED).singleResult().getId());
    completePromise(PromiseProcess.TASK_YEARLY_FOLLOW_UP, PromiseScenario.followUp("nej", null, "Fasta vandringar."));
    followUp = only(promiseInstance, DocumentKind.uppfoljning_medborgarlofte);

    Random random = new Random();
    ZonedDateTime meeting = ZonedDateTime.of(2040 + random.nextInt(50), 1 + random.nextInt(12), 1, 9, 0, 0, 0,
        se.samverkan.engine.SwedishTime.ZONE).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY))
        .plusWeeks(random.nextInt(3));
    estCycle = EstTestCycles.withOpenReports(cycles, runtime, management, "lycksele", meeting).getId();
    for (Task report : tasks.createTaskQuery().processInstanceId(estCycle)
        .taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT).list()) {
      tasks.complete(report.getId(), Variables.createVariables().putValue(EstCycleProcess.NOTHING_TO_REPORT, false)
          .putValue(EstCycleProcess.PLACES, "Torget").putValue(EstCycleProcess.TIMES, "Fredagar 21-24")
          .putValueTyped(EstCycleProcess.INCIDENT_KINDS, SpinValues.jsonValue("[\"skadegorelse\"]").create())
          .putValue(EstCycleProcess.WORRIES, "Unga samlas sent"));
    }
    if (tasks.createTaskQuery().processInstanceId(estCycle).taskDefinitionKey(EstCycleProcess.COMPILE_SITUATION_PICTURE)
        .count() == 0) {
      management.executeJob(management.createJobQuery().processInstanceId(estCycle)
          .activityId(EstCycleProcess.REPORT_DEADLINE).singleResult().getId());
    }
    tasks.complete(estTask(EstCycleProcess.COMPILE_SITUATION_PICTURE).getId(), Variables.createVariables()
        .putValue(EstCycleProcess.HOT_SPOTS, HTML_IN_PLACES)
        .putValue("lagesbildNytt", "Fler rapporter om skadegörelse vid Ågatan")
        .putValueTyped("lagesbildKontroll", FormData.ticked("est-lagesbild", "lagesbildKontroll")));
    tasks.complete(estTask(EstCycleProcess.JOINT_PLANNING).getId(), planning("Trygghetsvandring"));
    estRecord = only(estCycle, DocumentKind.est_protokoll);

    ZonedDateTime reviewAt = meeting.plusYears(1);
    review = reviews.start(runtime, "lycksele", reviews.schedule().reviewPeriodOf("lycksele", reviewAt.toInstant())).getId();
    management.executeJob(management.createJobQuery().processInstanceId(review)
        .activityId(EstReviewProcess.PERIOD_END).singleResult().getId());
    Map<String, Object> decision = new HashMap<>(Map.of(EstReviewProcess.PRIORITIES, "Torget kvällstid före skolgårdarna.",
        "arsanalys", "Torget har återkommit hela året.",
        "genomgangKontroll", FormData.ticked("est-styrgrupp", "genomgangKontroll")));
    tasks.complete(tasks.createTaskQuery().processInstanceId(review).taskDefinitionKey(EstReviewProcess.REVIEW)
        .singleResult().getId(), decision);
    reviewReport = only(review, DocumentKind.styrgrupp_rapport);
    awaitTheBackgroundRendering();
  }

  /** Before any test reads a document: the background renders each one after its step committed, unasked. */
  private void awaitTheBackgroundRendering() {
    List<String> fixed = List.of(agreement, promise, followUp, estRecord, reviewReport);
    long started = System.nanoTime();
    List<String> waiting = fixed;
    while (!waiting.isEmpty() && System.nanoTime() - started < 30_000_000_000L) {
      waiting = fixed.stream().filter(id -> !store.info(id).orElseThrow().rendered()).toList();
      if (!waiting.isEmpty()) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    notRenderedInTheBackground = waiting;
    backgroundMillis = (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void shouldRenderEachDocumentInTheBackgroundAfterItsStepCommittedAndKeepOnlyThePdf() {
    assertThat(notRenderedInTheBackground).as("rendered without a reader within 30 s (waited %d ms)", backgroundMillis)
        .isEmpty();
    for (String id : List.of(agreement, promise, followUp, estRecord, reviewReport)) {
      Map<String, Object> row = jdbc.queryForMap("SELECT layout, sha256 FROM samverkan_document WHERE id = ?", id);
      assertThat(row.get("layout")).as("layout of " + id).isNull();
      assertThat(store.pdf(id)).as("pdf of " + id).isNotNull();
    }
  }

  @Test
  void shouldRenderAWaitingDocumentForItsAudienceWhenReadAndHideItFromOthers() {
    String id = waiting("vantande-lasning");
    try {
      assertThat(RestClient.as(rest, "samordnare.mala").get("/samverkan/dokument/" + id, byte[].class)
          .getStatusCode().value()).isEqualTo(404);
      assertThat(listed("samordnare.mala", "?kommun=lycksele")).extracting(d -> d.get("id")).doesNotContain(id);
      assertThat(store.info(id).orElseThrow().rendered()).as("a refused reader renders nothing").isFalse();

      Map<String, Object> entry = listed("samordnare.lycksele", "?kommun=lycksele").stream()
          .filter(d -> id.equals(d.get("id"))).findFirst().orElseThrow();
      byte[] pdf = fetch("samordnare.lycksele", id);
      assertThat(entry.get("sha256")).isEqualTo(DocumentStore.sha256(pdf));
      assertThat(flat(PdfA.text(pdf))).contains("Väntande protokoll vantande-lasning", "Lämnat av en nod som stoppade");
      assertThat(PdfA.violations(pdf)).isEmpty();
      assertThat(fetch("kommunpolis.sodra-lappland", id)).isEqualTo(pdf);
    } finally {
      jdbc.update("DELETE FROM samverkan_document WHERE id = ?", id);
    }
  }

  @Test
  void shouldRenderWhatAStoppedNodeLeftWaitingInTheSweep() {
    List<String> ids = List.of(waiting("vantande-svep-1"), waiting("vantande-svep-2"));
    try {
      assertThat(store.pending()).containsAll(ids);
      documents.renderPending();
      assertThat(store.pending()).doesNotContainAnyElementsOf(ids);
      for (String id : ids) {
        assertThat(flat(PdfA.text(store.pdf(id)))).contains("Väntande protokoll " + id);
        assertThat(jdbc.queryForObject("SELECT layout FROM samverkan_document WHERE id = ?", String.class, id)).isNull();
      }
    } finally {
      jdbc.update("DELETE FROM samverkan_document WHERE id IN (?, ?)", ids.get(0), ids.get(1));
    }
  }

  /** A Lycksele EST record fixed with its layout and not rendered, as a node that stopped right after the step leaves it. */
  private String waiting(String id) {
    DocumentContent content = DocumentContent.titled("Väntande protokoll " + id).section("Mötet")
        .paragraph("Lämnat av en nod som stoppade innan dokumentet renderades.").build();
    store.insertOnce(new DocumentStore.NewDocument(id, DocumentKind.est_protokoll, "Väntande protokoll " + id,
        "lycksele", "sodra-lappland", "vantande-" + id, null, EstCycleProcess.JOINT_PLANNING, "1",
        java.time.Instant.now(), java.time.LocalDate.now().plusYears(5), id + ".pdf", renderer.xhtml(content)));
    return id;
  }

  @Test
  void shouldFixTheSignedAgreementWithItsPartiesPeriodActionsSignatoriesAndTheRejectedRound() {
    String text = PdfA.text(fetch("admin", agreement));
    String period = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(agreementInstance).variableName("avtalsperiod").singleResult().getValue();
    assertThat(flat(text)).contains("Samverkansöverenskommelse – Södra Lappland " + period,
        "Lycksele, Malå, Sorsele, Storuman, Vilhelmina, Åsele, Dorotea",
        "Vi prioriterar tryggheten vid resecentrum och i skolmiljön.", "Vuxenvandringar i lycksele",
        "Vuxenvandringar i dorotea", name("lpochef-sodra-lappland"), name("kommunledning-asele"), "Undertecknat",
        AGREEMENT_REJECTION, name("kommunledning-mala"));
    assertThat(PdfA.violations(fetch("admin", agreement))).isEmpty();
  }

  @Test
  void shouldPublishWhatWasSignedInTheMedborgarlofteAndNotTheRejection() {
    String text = flat(PdfA.text(fetch("samordnare.lycksele", promise)));
    assertThat(text).contains("Medborgarlöfte – Lycksele", "Vi ska vara synliga vid resecentrum", "Tryggare skolvägar",
        "Fredagsvandringar vid resecentrum", "Trygghetsvandring med elevrådet", name("socialtjanst-lycksele"),
        name("lpochef-sodra-lappland"), name("kommunledning-lycksele"), "30 juni 2027", signer("kommunledning.lycksele"));
    assertThat(text).doesNotContain(PROMISE_REJECTION, "Avslag", "avslog");
    assertThat(PdfA.violations(fetch("samordnare.lycksele", promise))).isEmpty();
  }

  @Test
  void shouldFixTheYearlyFollowUpAsThePublicReport() {
    String text = flat(PdfA.text(fetch("samordnare.lycksele", followUp)));
    assertThat(text).contains("Årlig uppföljning av medborgarlöftet – Lycksele",
        "Polisen och kommunen har hållit sina löften om vandringar.", "Vi ska vara synliga vid resecentrum");
    assertThat(text).doesNotContain("Enkät på webben gav få svar.");
    assertThat(PdfA.violations(fetch("samordnare.lycksele", followUp))).isEmpty();
  }

  @Test
  void shouldRecordTheEstMeetingWithAttendanceSituationPictureAndInterventionsAndShowHtmlAsText() {
    String text = flat(PdfA.text(fetch("kommunpolis.sodra-lappland", estRecord)));
    assertThat(text).contains("Protokoll från EST-möte – Lycksele", "Närvaro per funktion", "Närvarande", "Inte närvarande", HTML_IN_PLACES, "Fler rapporter om skadegörelse vid Ågatan",
        "Trygghetsvandring", "Torget", name("fritid-lycksele"));
    assertThat(PdfA.violations(fetch("kommunpolis.sodra-lappland", estRecord))).isEmpty();
    String report = flat(PdfA.text(fetch("kommunledning.lycksele", reviewReport)));
    assertThat(report).contains("Styrgruppens rapport om EST – Lycksele", "Torget kvällstid före skolgårdarna.",
        "Torget har återkommit hela året.", "EST-möten hållna");
    assertThat(PdfA.violations(fetch("kommunledning.lycksele", reviewReport))).isEmpty();
  }

  @Test
  void shouldGiveTheSameBytesEveryTimeWithTheirChecksumAsETag() {
    ResponseEntity<byte[]> first = RestClient.as(rest, "kommunledning.lycksele").get("/samverkan/dokument/" + agreement, byte[].class);
    ResponseEntity<byte[]> second = RestClient.as(rest, "kommunledning.lycksele").get("/samverkan/dokument/" + agreement, byte[].class);
    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getBody()).isEqualTo(second.getBody());
    String sha = DocumentStore.sha256(first.getBody());
    assertThat(first.getHeaders().getETag()).isEqualTo("\"" + sha + "\"");
    assertThat(first.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(first.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(first.getHeaders().getFirst("Content-Disposition"))
        .startsWith("attachment; filename=\"samverkansoverenskommelse-sodra-lappland-").endsWith(".pdf");
    assertThat(listed("kommunledning.lycksele", "?kommun=lycksele")).filteredOn(d -> agreement.equals(d.get("id")))
        .singleElement().satisfies(d -> assertThat(d).containsEntry("sha256", sha)
            .containsEntry("typNamn", "Samverkansöverenskommelse").doesNotContainKey("pdf"));
    WebappSession.Download viaSession = WebappSession.logIn(port, "kommunledning.lycksele").download("/samverkan/dokument/" + agreement);
    assertThat(viaSession.status()).isEqualTo(200);
    assertThat(viaSession.body()).isEqualTo(first.getBody());
  }

  @Test
  void shouldRefuseBytesThatNoLongerMatchTheirChecksum() {
    fetch("admin", estRecord);
    String copy = "kopia-" + estRecord;
    jdbc.update("INSERT INTO samverkan_document (id, kind, title, kommun, lpo, process_instance_id, business_key, step, "
        + "occurrence, created_at, audience, retain_until, file_name, pdf, sha256) SELECT ?, kind, title, kommun, lpo, "
        + "process_instance_id, business_key, step, 'manipulerad', created_at, audience, retain_until, file_name, ?, sha256 "
        + "FROM samverkan_document WHERE id = ?", copy, "inte samma bytes".getBytes(), estRecord);
    try {
      assertThat(RestClient.as(rest, "admin").get("/samverkan/dokument/" + copy, String.class).getStatusCode().value())
          .isEqualTo(500);
    } finally {
      jdbc.update("DELETE FROM samverkan_document WHERE id = ?", copy);
    }
  }

  @Test
  void shouldFixADocumentOnceWhenItsStepRunsAgain() {
    byte[] before = fetch("admin", estRecord);
    runtime.createProcessInstanceModification(estCycle).startBeforeActivity(EstCycleProcess.JOINT_PLANNING).execute();
    tasks.complete(estTask(EstCycleProcess.JOINT_PLANNING).getId(), planning("Helt annan insats"));
    assertThat(only(estCycle, DocumentKind.est_protokoll)).isEqualTo(estRecord);
    assertThat(fetch("admin", estRecord)).isEqualTo(before);
  }

  @Test
  void shouldLetEachFunctionFetchExactlyTheDocumentsOfItsAudience() {
    Map<String, int[]> expected = new java.util.LinkedHashMap<>();
    // agreement, medborgarlöfte, follow-up, EST record, styrgrupp report
    expected.put("samordnare.lycksele", new int[] {200, 200, 200, 200, 200});
    expected.put("socialtjanst.lycksele", new int[] {200, 200, 200, 200, 200});
    expected.put("kommunpolis.sodra-lappland", new int[] {200, 200, 200, 200, 200});
    expected.put("samordnare.mala", new int[] {200, 200, 200, 404, 404});
    expected.put("kommunledning.dorotea", new int[] {200, 200, 200, 404, 404});
    expected.put("lansstyrelsen", new int[] {200, 200, 200, 404, 404});
    expected.put("processagare", new int[] {404, 404, 404, 404, 404});
    expected.put("admin", new int[] {200, 200, 200, 200, 200});
    List<String> documents = List.of(agreement, promise, followUp, estRecord, reviewReport);
    Map<String, String> actual = new java.util.LinkedHashMap<>();
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    expected.forEach((user, statuses) -> {
      int[] got = documents.stream().mapToInt(id -> RestClient.as(rest, user).get("/samverkan/dokument/" + id, byte[].class)
          .getStatusCode().value()).toArray();
      actual.put(user, Arrays.toString(got));
      wanted.put(user, Arrays.toString(statuses));
    });
    assertThat(actual).isEqualTo(wanted);
    assertThat(RestClient.anonymous(rest).get("/samverkan/dokument/" + agreement, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(RestClient.anonymous(rest).get("/samverkan/dokument?kommun=lycksele", String.class).getStatusCode().value())
        .isEqualTo(401);

    assertThat(listed("samordnare.mala", "?kommun=lycksele")).extracting(d -> d.get("id"))
        .contains(agreement, promise, followUp).doesNotContain(estRecord, reviewReport);
    assertThat(listed("lansstyrelsen", "?kommun=lycksele")).extracting(d -> d.get("id"))
        .contains(agreement, promise, followUp).doesNotContain(estRecord, reviewReport);
    assertThat(listed("processagare", "?kommun=lycksele")).isEmpty();
    assertThat(listed("samordnare.lycksele", "?processInstanceId=" + estCycle)).extracting(d -> d.get("id"))
        .containsExactly(estRecord);

    WebappSession peer = WebappSession.logIn(port, "samordnare.mala");
    assertThat(peer.download("/samverkan/dokument/" + estRecord).status()).isEqualTo(404);
    assertThat(peer.download("/samverkan/dokument/" + promise).status()).isEqualTo(200);
    assertThat(peer.app("GET", "/samverkan/api/dokument?processInstanceId=" + promiseInstance, null, true).text())
        .contains(promise, followUp);
    WebappSession own = WebappSession.logIn(port, "samordnare.lycksele");
    assertThat(own.download("/samverkan/dokument/" + estRecord).status()).isEqualTo(200);
    assertThat(WebappSession.anonymous(port).download("/samverkan/dokument/" + promise).status()).isEqualTo(401);
  }

  @Test
  void shouldLetTheMunicipalityRegisterADiarienummerAndKeepTheBytes() {
    byte[] before = fetch("admin", promise);
    ResponseEntity<Map<String, Object>> registered = putMap("kommunledning.lycksele", promise, "KS 2027/123");
    assertThat(registered.getStatusCode().value()).isEqualTo(200);
    assertThat(registered.getBody()).containsEntry("diarienummer", "KS 2027/123");

    ResponseEntity<Map<String, Object>> refused = putMap("samordnare.lycksele", promise, "<script>alert(1)</script>");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((String) refused.getBody().get("message")).contains("Diarienumret", "högst 40 tecken", "KS 2027/123");
    assertThat(putMap("samordnare.lycksele", promise, "KS " + "1".repeat(40)).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map<String, Object>> peer = putMap("kommunledning.mala", promise, "KS 2027/999");
    assertThat(peer.getStatusCode().value()).isEqualTo(403);
    assertThat((String) peer.getBody().get("message")).contains("Bara kommunens samordnare eller kommunledning");
    assertThat(putMap("kommunpolis.sodra-lappland", promise, "KS 2027/999").getStatusCode().value()).isEqualTo(403);
    assertThat(putMap("processagare", promise, "KS 2027/999").getStatusCode().value()).isEqualTo(404);

    assertThat(listed("samordnare.lycksele", "?processInstanceId=" + promiseInstance))
        .filteredOn(d -> promise.equals(d.get("id"))).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("diarienummer", "KS 2027/123"));
    assertThat(fetch("admin", promise)).isEqualTo(before);
  }

  @Test
  void shouldKeepEachKindForItsOwnRetention() {
    Map<String, Object> agreementRow = jdbc.queryForMap(
        "SELECT created_at, retain_until, audience FROM samverkan_document WHERE id = ?", agreement);
    Map<String, Object> estRow = jdbc.queryForMap(
        "SELECT created_at, retain_until, audience FROM samverkan_document WHERE id = ?", estRecord);
    assertThat(agreementRow.get("audience")).isEqualTo("SIGNED");
    assertThat(estRow.get("audience")).isEqualTo("DETAILS");
    assertThat(years(agreementRow)).isEqualTo(10);
    assertThat(years(estRow)).isEqualTo(5);
  }

  @Test
  void shouldRemoveADocumentOnlyAfterItsRetentionEnded() {
    java.time.LocalDate today = java.time.LocalDate.of(2031, 6, 1);
    for (String[] row : new String[][] {{"expired", "2031-05-31"}, {"last-day", "2031-06-01"}}) {
      store.insertOnce(new DocumentStore.NewDocument("retention-" + row[0], DocumentKind.est_protokoll, "Prov " + row[0],
          "lycksele", "sodra-lappland", "retention-" + row[0], null, "Task_JointPlanning", "1",
          java.time.Instant.parse("2026-06-01T10:00:00Z"), java.time.LocalDate.parse(row[1]), "prov.pdf", "<html/>"));
    }
    long others = jdbc.queryForObject("SELECT count(*) FROM samverkan_document WHERE id NOT LIKE 'retention-%'", Long.class);
    try {
      assertThat(store.removeExpired(today)).isOne();

      assertThat(store.info("retention-expired")).isEmpty();
      assertThat(store.info("retention-last-day")).isPresent();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM samverkan_document WHERE id NOT LIKE 'retention-%'", Long.class))
          .isEqualTo(others);
    } finally {
      jdbc.update("DELETE FROM samverkan_document WHERE id LIKE 'retention-%'");
    }
  }

  private static long years(Map<String, Object> row) {
    java.time.LocalDate created = ((java.sql.Timestamp) row.get("created_at")).toLocalDateTime().toLocalDate();
    java.time.LocalDate until = ((java.sql.Date) row.get("retain_until")).toLocalDate();
    return java.time.temporal.ChronoUnit.YEARS.between(created, until.plusDays(1));
  }

  private ResponseEntity<Map<String, Object>> putMap(String user, String id, String value) {
    return rest.exchange("/engine-rest/samverkan/dokument/" + id + "/diarienummer", org.springframework.http.HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>(Map.of("diarienummer", value), basic(user)),
        new ParameterizedTypeReference<>() {});
  }

  private static org.springframework.http.HttpHeaders basic(String user) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private List<Map<String, Object>> listed(String user, String query) {
    ResponseEntity<List<Map<String, Object>>> answer = RestClient.as(rest, user)
        .get("/samverkan/dokument" + query, new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private byte[] fetch(String user, String id) {
    ResponseEntity<byte[]> answer = RestClient.as(rest, user).get("/samverkan/dokument/" + id, byte[].class);
    assertThat(answer.getStatusCode().value()).as(user + " fetches " + id).isEqualTo(200);
    return answer.getBody();
  }

  private String only(String processInstanceId, DocumentKind kind) {
    List<String> ids = jdbc.queryForList("SELECT id FROM samverkan_document WHERE process_instance_id = ? AND kind = ?",
        String.class, processInstanceId, kind.name());
    assertThat(ids).as(kind + " of " + processInstanceId).hasSize(1);
    return ids.get(0);
  }

  /** The person's name as the identity service has it (the user id beside it may wrap in a narrow column). */
  private String signer(String userId) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    return (user.getFirstName() + " " + user.getLastName()).strip() + " (";
  }

  private String name(String groupId) {
    return organisation.function(groupId).orElseThrow().name();
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private void completePromise(String taskKey, org.camunda.bpm.engine.variable.VariableMap variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(promiseInstance).taskDefinitionKey(taskKey).singleResult()
        .getId(), variables);
  }

  private Task estTask(String taskKey) {
    return tasks.createTaskQuery().processInstanceId(estCycle).taskDefinitionKey(taskKey).singleResult();
  }

  private static org.camunda.bpm.engine.variable.VariableMap formulation() {
    return PromiseScenario.formulation(
        List.of(PromiseScenario.promise("Vi ska vara synliga vid resecentrum"), PromiseScenario.promise("Tryggare skolvägar")),
        List.of(PromiseScenario.activity(1, "Fredagsvandringar vid resecentrum", "kommunpolis-sodra-lappland", "2027-06-30"),
            PromiseScenario.activity(1, "Fältare på fredagskvällar", "socialtjanst-lycksele", "2027-05-31"),
            PromiseScenario.activity(2, "Trygghetsvandring med elevrådet", "skola-lycksele", "2027-04-30")));
  }

  private static org.camunda.bpm.engine.variable.VariableMap planning(String intervention) {
    return Variables.createVariables()
        .putValueTyped(EstCycleProcess.FOLLOW_UP, SpinValues.jsonValue("[]").create())
        .putValueTyped(EstCycleProcess.ATTENDANCE,
            SpinValues.jsonValue("[\"samordnare-lycksele\",\"fritid-lycksele\"]").create())
        .putValueTyped(EstCycleProcess.DECIDED, SpinValues.jsonValue("[{\"vad\":\"" + intervention
            + "\",\"var\":\"Torget\",\"nar\":\"2040-01-10\",\"ansvarig\":\"fritid-lycksele\"}]").create())
        .putValueTyped("planeringKontroll", FormData.ticked("est-planering", "planeringKontroll"));
  }
}
