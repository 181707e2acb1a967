package se.samverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.WebappSession;
import se.samverkan.documents.DocumentInfo;
import se.samverkan.documents.Documents;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.StartedInstances;
import se.samverkan.promise.PromiseProcess;

/**
 * Läget after a whole samverkansprocess (through REST, as its users), Lycksele's medborgarlöfte up
 * to its activities, and an EST cycle each in Lycksele and Sorsele: each function sees what its
 * audience allows on the pages of the webapps' session, and the read model equals history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewIT {

  private static final String LPO = OverviewCase.LPO;
  private static final List<String> MUNICIPALITIES = OverviewCase.MUNICIPALITIES;
  private static final String TASKLIST_SEARCH = "/camunda/app/tasklist/default/#/?searchQuery=";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired EstCycles estCycles;
  @Autowired ProjectionRebuild rebuild;
  @Autowired DataSource dataSource;

  @Autowired ProcessEngine engine;
  @Autowired Documents documents;
  private String period;
  private String lyckselePlace;
  private String sorselePlace;
  private List<String> instances;
  private String promise;

  @BeforeAll
  void driveTheProcesses() {
    OverviewCase driven = new OverviewCase(rest, engine, estCycles).drive();
    period = driven.period;
    lyckselePlace = driven.lyckselePlace;
    sorselePlace = driven.sorselePlace;
    instances = driven.instances;
    promise = driven.promise;
  }

  @AfterAll
  void removeTheDrivenInstances() {
    StartedInstances.removeRunningWithPromises(runtime, instances, "OverviewIT städar");
  }

  // --- the municipality's own functions and the police ----------------------------------------------------

  @Test
  void shouldShowKommunledningTheAgreementPromisesEstDutiesAndLinksToItsOwnTasks() {
    String page = page("kommunledning.lycksele", "tasklist", "/samverkan/laget/kommun/lycksele");

    assertThat(page).contains("<h1>Läget i Lycksele</h1>").contains("data-level=\"OWN\"");
    String agreement = between(page, "id=\"overenskommelse-gallande\"", "</table>");
    assertThat(agreement).contains(">" + period + "<").contains("Lokalpolisområdeschef").contains("kommunledning.lycksele");
    assertThat(count(agreement, "<tr>")).as("the head row and 8 signatures (lpochef and 7 kommunledningar)").isEqualTo(9);

    String promiseArticle = promiseArticle(page);
    assertThat(promiseArticle).contains("Genomförs");
    assertThat(activityRow(promiseArticle, "skola-lycksele")).containsExactly(1, 0, 0);
    assertThat(activityRow(promiseArticle, "socialtjanst-lycksele")).containsExactly(0, 1, 0);
    assertThat(activityRow(promiseArticle, "kommunpolis-" + LPO)).containsExactly(0, 1, 0);

    assertThat(page).contains(lyckselePlace).doesNotContain(sorselePlace);
    assertThat(between(page, "id=\"lagkrav-tabell\"", "</table>").replaceAll(">\\s+<", "><"))
        .contains("data-met=\"true\"><th scope=\"row\">Lägesbild</th>")
        .contains("data-met=\"true\"><th scope=\"row\">Samordningsfunktion</th>");

    // every figure of its own function links into Tasklist; a function it does not hold does not
    String ownRow = row(between(page, "id=\"uppgifter-per-funktion\"", "</table>"), "kommunledning-lycksele");
    String samordnareRow = row(between(page, "id=\"uppgifter-per-funktion\"", "</table>"), "samordnare-lycksele");
    assertThat(samordnareRow).doesNotContain(TASKLIST_SEARCH);
    assertThat(ownRow).contains(TASKLIST_SEARCH + "%5B%7B%22type%22%3A%22taskVariables%22")
        .contains("%22value%22%3A%22Lycksele%22%2C%22name%22%3A%22kolumnKommun%22");
    assertThat(page).contains("id=\"kommunens-uppgifter\"").doesNotContain("/camunda/app/cockpit/default/#/process-instance/");
  }

  @Test
  void shouldShowTheSamordnareItsActivitiesWithLinksOnlyForItsOwnFunction() {
    String page = page("samordnare.lycksele", "tasklist", "/samverkan/laget/kommun/lycksele");
    String promiseArticle = promiseArticle(page);
    assertThat(activityRow(promiseArticle, "socialtjanst-lycksele")).containsExactly(0, 1, 0);
    assertThat(row(promiseArticle, "socialtjanst-lycksele")).doesNotContain(TASKLIST_SEARCH);
    assertThat(page).contains(lyckselePlace);
    String samordnareRow = row(between(page, "id=\"uppgifter-per-funktion\"", "</table>"), "samordnare-lycksele");
    assertThat(samordnareRow).contains(TASKLIST_SEARCH);
  }

  @Test
  void shouldShowThePoliceEveryMunicipalityOfItsLpoWithTheirDetails() {
    String lycksele = page("kommunpolis." + LPO, "tasklist", "/samverkan/laget/kommun/lycksele");
    assertThat(lycksele).contains("data-level=\"POLICE\"").contains(lyckselePlace).doesNotContain(sorselePlace);
    String promiseArticle = promiseArticle(lycksele);
    assertThat(row(promiseArticle, "kommunpolis-" + LPO)).contains(TASKLIST_SEARCH)
        .contains("%22value%22%3A%22Lycksele%22"); // a police function's tasks narrowed to the municipality
    String sorsele = page("kommunpolis." + LPO, "tasklist", "/samverkan/laget/kommun/sorsele");
    assertThat(sorsele).contains(sorselePlace).doesNotContain(lyckselePlace);
  }

  // --- peers and the county --------------------------------------------------------------------------------

  @Test
  void shouldShowAnotherMunicipalityOfTheLpoCountsButNoEstPlacesTextsDutiesOrLinks() {
    String page = page("samordnare.sorsele", "tasklist", "/samverkan/laget/kommun/lycksele");
    assertThat(page).contains("data-level=\"PEER\"").contains("id=\"begransad-vy\"");
    assertThat(page).doesNotContain(lyckselePlace).doesNotContain(sorselePlace).doesNotContain("id=\"est-platser\"")
        .doesNotContain("id=\"est-prioriteringar\"").doesNotContain("id=\"lagkrav-tabell\"");
    assertThat(between(page, "<main", "</main>")).doesNotContain(TASKLIST_SEARCH).doesNotContain("process-instance/");
    assertThat(activityRow(promiseArticle(page), "socialtjanst-lycksele")).containsExactly(0, 1, 0);
    assertThat(between(page, "id=\"overenskommelse-gallande\"", "</table>")).contains(">" + period + "<");
  }

  @Test
  void shouldShowLansstyrelsenEveryMunicipalityOfItsCountyWithCountsAndDutiesOnly() {
    WebappSession session = WebappSession.logIn(port, "lansstyrelsen", "cockpit");
    String start = ok(session, "/samverkan/laget");
    for (String kommun : MUNICIPALITIES) {
      assertThat(start).contains("data-kommun=\"" + kommun + "\"");
    }
    String page = ok(session, "/samverkan/laget/kommun/lycksele");
    assertThat(page).contains("data-level=\"COUNTY\"").contains("id=\"lagkrav-tabell\"").doesNotContain(lyckselePlace)
        .doesNotContain("id=\"est-platser\"");
    assertThat(between(page, "<main", "</main>")).doesNotContain(TASKLIST_SEARCH).doesNotContain("process-instance/");
    String lpo = ok(session, "/samverkan/laget/lpo/" + LPO);
    for (String kommun : MUNICIPALITIES) {
      assertThat(lpo).contains("data-kommun=\"" + kommun + "\"");
    }
  }

  @Test
  void shouldShowTheLpoPageOnlyTheMunicipalitiesOfTheReadersLpo() {
    String lpo = page("samordnare.lycksele", "tasklist", "/samverkan/laget/lpo/" + LPO);
    assertThat(lpo).contains(">" + period + "<");
    String lycksele = row(between(lpo, "id=\"kommuner\"", "</table>"), "lycksele");
    assertThat(lycksele).contains("href=\"/samverkan/laget/kommun/lycksele\"");
    // Lycksele sees its own law record; a peer's is a dash
    assertThat(cell(lycksele, "duties")).isNotEqualTo("–");
    assertThat(cell(row(between(lpo, "id=\"kommuner\"", "</table>"), "sorsele"), "duties")).isEqualTo("–");
  }

  // --- nobody else -------------------------------------------------------------------------------------------

  @Test
  void shouldAnswerTheProcessOwnerAndUnknownMunicipalitiesTheSameSwedish404() {
    WebappSession owner = WebappSession.logIn(port, "processagare", "cockpit");
    WebappSession.Answer refused = owner.page("/samverkan/laget/kommun/lycksele");
    WebappSession.Answer unknown = owner.page("/samverkan/laget/kommun/umea");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(main(refused.text())).isEqualTo(main(unknown.text())).contains("Sidan finns inte");
    assertThat(owner.page("/samverkan/laget/lpo/" + LPO).status()).isEqualTo(404);
    assertThat(ok(owner, "/samverkan/laget")).contains("id=\"inga-kommuner\"");
  }

  @Test
  void shouldSendWhoIsNotLoggedInToTheWebappsLogin() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String path : List.of("/samverkan/laget", "/samverkan/laget/kommun/lycksele", "/samverkan/laget/lpo/" + LPO)) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(302);
      assertThat(URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath())
          .isEqualTo("/camunda/app/welcome/default/");
    }
  }

  @Test
  void shouldLinkTheAdministratorIntoCockpit() {
    String page = page("admin", "cockpit", "/samverkan/laget/kommun/lycksele");
    assertThat(page).contains("/camunda/app/cockpit/default/#/process-instance/" + promise);
  }

  // --- the read model ----------------------------------------------------------------------------------------

  @Test
  void shouldKeepTheReadModelEqualToHistoryAndRebuildTheSameRows() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<Map<String, Object>> live = rows(jdbc);
    List<HistoricTaskInstance> historic = new ArrayList<>();
    instances.forEach(id -> historic.addAll(history.createHistoricTaskInstanceQuery().processInstanceId(id).list()));
    assertThat(live).extracting(r -> r.get("TASK_ID")).containsExactlyInAnyOrderElementsOf(
        historic.stream().map(HistoricTaskInstance::getId).toList());
    for (HistoricTaskInstance task : historic) {
      Map<String, Object> row = live.stream().filter(r -> task.getId().equals(r.get("TASK_ID"))).findFirst().orElseThrow();
      assertThat(row.get("OUTCOME")).as(task.getTaskDefinitionKey()).isEqualTo(task.getEndTime() == null ? null
          : "completed".equals(task.getDeleteReason()) ? "completed" : "deleted");
    }
    assertThat(live).filteredOn(r -> "skola-lycksele".equals(r.get("FUNKTION"))
        && PromiseProcess.TASK_CARRY_OUT_ACTIVITY.equals(r.get("TASK_KEY")))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("KOMMUN", "lycksele").containsEntry("LPO", LPO)
            .containsEntry("OUTCOME", "completed"));
    assertThat(live).filteredOn(r -> EstCycleProcess.SUBMIT_REPORT.equals(r.get("TASK_KEY")) && "deleted".equals(r.get("OUTCOME")))
        .isNotEmpty();

    List<Map<String, Object>> liveCases = caseRows(jdbc);
    List<HistoricProcessInstance> cases = caseTree();
    assertThat(liveCases).extracting(r -> r.get("PROCESS_INSTANCE_ID"))
        .containsExactlyInAnyOrderElementsOf(cases.stream().map(HistoricProcessInstance::getId).toList());
    for (HistoricProcessInstance instance : cases) {
      Map<String, Object> row = liveCases.stream().filter(r -> instance.getId().equals(r.get("PROCESS_INSTANCE_ID")))
          .findFirst().orElseThrow();
      assertThat(row).as(instance.getProcessDefinitionKey()).containsEntry("PROCESS_KEY", instance.getProcessDefinitionKey())
          .containsEntry("LPO", LPO);
      assertThat(row.get("ENDED_AT") == null).as(instance.getProcessDefinitionKey()).isEqualTo(instance.getEndTime() == null);
    }
    assertThat(liveCases).filteredOn(r -> promise.equals(r.get("PROCESS_INSTANCE_ID")))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("KOMMUN", "lycksele"));
    assertThat(liveCases).filteredOn(r -> "samverkansprocess".equals(r.get("PROCESS_KEY")))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("KOMMUN", null));
    assertThat(liveCases).filteredOn(r -> EstCycleProcess.KEY.equals(r.get("PROCESS_KEY")))
        .extracting(r -> r.get("KOMMUN")).containsExactlyInAnyOrder("lycksele", "sorsele");

    rebuild.rebuild();
    assertSameRows(liveCases, caseRows(jdbc), "STARTED_AT", "ENDED_AT");
    assertSameRows(live, rows(jdbc), "CREATED_AT", "ENDED_AT");
  }

  /** The law's record from the cases that keep it is the record read from every instance's {@code lagkrav}. */
  @Test
  void shouldReadTheLawsRecordFromTheCasesThatKeepItAsFromAllOfHistory() {
    OverviewFigures figures = new OverviewFigures(dataSource);
    List<String> municipalities = List.of("lycksele", "sorsele", "mala");
    se.samverkan.lawduty.LawDutyRecords records = new se.samverkan.lawduty.LawDutyRecords(history);
    Map<String, com.fasterxml.jackson.databind.node.ObjectNode> narrowed = records.of(municipalities,
        figures.recordKeepers(municipalities, LPO, se.samverkan.lawduty.LawDuties.VARIABLE));
    assertThat(narrowed).isEqualTo(records.of(municipalities));
    assertThat(narrowed.get("lycksele").size()).isGreaterThanOrEqualTo(2);
  }

  /** The page's one-statement read of the cases' variables gives what the engine's history query gives. */
  @Test
  void shouldReadTheCasesVariablesAsTheEnginesHistoryDoes() {
    List<String> ids = caseTree().stream().map(HistoricProcessInstance::getId).toList();
    Map<String, Map<String, Object>> expected = new java.util.HashMap<>();
    for (org.camunda.bpm.engine.history.HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids.toArray(String[]::new)).list()) {
      if (variable.getExecutionId() == null || variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        expected.computeIfAbsent(variable.getProcessInstanceId(), i -> new java.util.HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    String[] names = expected.values().stream().flatMap(v -> v.keySet().stream()).distinct().toArray(String[]::new);
    Map<String, Map<String, Object>> read = new CaseVariables(dataSource, history).of(ids, names);
    assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((instance, variables) -> {
      assertThat(read.get(instance).keySet()).as(instance).containsExactlyInAnyOrderElementsOf(variables.keySet());
      variables.forEach((name, value) -> assertThat(se.samverkan.process.JsonVariables.toJson(read.get(instance).get(name)))
          .as("%s of %s", name, instance).isEqualTo(se.samverkan.process.JsonVariables.toJson(value)));
    });
    // the JSON the EST cycles keep (reports, interventions) is among them, parsed
    assertThat(names).contains(EstCycleProcess.REPORTS);
  }

  /** A refused start (a municipality the organisation does not know) leaves neither a case nor a task behind. */
  @Test
  void shouldWriteNoRowsForARefusedStart() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Long cases = jdbc.queryForObject("select count(*) from " + CaseProjection.TABLE, Long.class);
    Long tasks = jdbc.queryForObject("select count(*) from " + TaskProjection.TABLE, Long.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(EstCycleProcess.KEY,
        Map.of(EstCycleProcess.KOMMUN, "atlantis"))).hasMessageContaining("atlantis");
    assertThat(jdbc.queryForObject("select count(*) from " + CaseProjection.TABLE, Long.class)).isEqualTo(cases);
    assertThat(jdbc.queryForObject("select count(*) from " + TaskProjection.TABLE, Long.class)).isEqualTo(tasks);
  }

  /** The driven cases and the instances they called (the agreement's situation pictures). */
  private List<HistoricProcessInstance> caseTree() {
    List<HistoricProcessInstance> tree = new ArrayList<>();
    instances.forEach(id -> tree.addAll(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(id).list()));
    return tree;
  }

  private List<Map<String, Object>> caseRows(JdbcTemplate jdbc) {
    return rowsOf(jdbc, CaseProjection.TABLE, caseTree().stream().map(HistoricProcessInstance::getId).toList(),
        "PROCESS_INSTANCE_ID");
  }

  /** The same rows, their times (the listener's clock, history's a few milliseconds apart) within 2 s. */
  private static void assertSameRows(List<Map<String, Object>> live, List<Map<String, Object>> rebuilt, String... times) {
    assertThat(rebuilt).hasSameSizeAs(live);
    for (int i = 0; i < live.size(); i++) {
      Map<String, Object> before = new java.util.HashMap<>(live.get(i));
      Map<String, Object> after = new java.util.HashMap<>(rebuilt.get(i));
      for (String time : times) {
        Object timeBefore = before.remove(time);
        Object timeAfter = after.remove(time);
        if (timeBefore == null) {
          assertThat(timeAfter).as(time).isNull();
        } else {
          assertThat(((Timestamp) timeAfter).getTime()).as(time).isCloseTo(((Timestamp) timeBefore).getTime(), within(2000L));
        }
      }
      assertThat(after).as("row %s", before).isEqualTo(before);
    }
  }

  private List<Map<String, Object>> rows(JdbcTemplate jdbc) {
    return rowsOf(jdbc, TaskProjection.TABLE, instances, "TASK_ID");
  }

  /** The read model's rows of the cases, column names in upper case (H2 and PostgreSQL alike), by {@code key}. */
  private static List<Map<String, Object>> rowsOf(JdbcTemplate jdbc, String table, List<String> ids, String key) {
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList("select * from " + table
        + " where process_instance_id in (" + marks + ")", ids.toArray())) {
      Map<String, Object> upper = new java.util.TreeMap<>();
      row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
      rows.add(upper);
    }
    rows.sort(Comparator.comparing(r -> (String) r.get(key)));
    return rows;
  }

  // --- the documents --------------------------------------------------------------------------------------------

  @Test
  void shouldListTheDocumentsOfTheReadersAudienceAndOpenThemOnTheSession() {
    List<DocumentInfo> own = documents.visibleTo(List.of("kommunledning-lycksele"), "lycksele");
    List<DocumentInfo> peer = documents.visibleTo(List.of("samordnare-sorsele"), "lycksele");
    // the signed ones for both; an EST record (DocumentsIT's, when it ran first in this context) for the own only
    assertThat(own).extracting(d -> d.kind().id()).contains("samverkansoverenskommelse", "medborgarlofte");
    assertThat(peer).extracting(d -> d.kind().id()).contains("samverkansoverenskommelse", "medborgarlofte")
        .doesNotContain("est-protokoll", "styrgrupp-rapport");
    assertThat(own).extracting(DocumentInfo::id).containsAll(peer.stream().map(DocumentInfo::id).toList());

    WebappSession kommunledning = WebappSession.logIn(port, "kommunledning.lycksele", "tasklist");
    String ownPage = ok(kommunledning, "/samverkan/laget/kommun/lycksele");
    String peerPage = page("samordnare.sorsele", "tasklist", "/samverkan/laget/kommun/lycksele");
    for (DocumentInfo document : own) {
      String link = "href=\"/samverkan/dokument/" + document.id() + "\"";
      assertThat(ownPage).contains(link);
      if (peer.stream().noneMatch(d -> d.id().equals(document.id()))) {
        assertThat(peerPage).doesNotContain(document.id());
      } else {
        assertThat(peerPage).contains(link);
      }
    }
    WebappSession.Download pdf = kommunledning.download("/samverkan/dokument/" + own.get(0).id());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private String page(String user, String app, String path) {
    return ok(WebappSession.logIn(port, user, app), path);
  }

  private static String ok(WebappSession session, String path) {
    WebappSession.Answer answer = session.page(path);
    assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
    return answer.text();
  }

  private String promiseArticle(String page) {
    return between(page, "data-period=\"" + period + "\"", "</article>");
  }

  /** Done, open, overdue of the function's row in a promise's activity table. */
  private static List<Integer> activityRow(String article, String groupId) {
    String row = row(article, groupId);
    assertThat(row).as("a row for " + groupId).isNotEmpty();
    return List.of(Integer.parseInt(cell(row, "done")), Integer.parseInt(cell(row, "open")), Integer.parseInt(cell(row, "overdue")));
  }

  private static String row(String html, String key) {
    int start = html.indexOf("data-funktion=\"" + key + "\"");
    if (start < 0) {
      start = html.indexOf("data-kommun=\"" + key + "\"");
    }
    return start < 0 ? "" : html.substring(start, html.indexOf("</tr>", start));
  }

  /** The text of the row's cell of the class, without tags. */
  private static String cell(String row, String cssClass) {
    Matcher cell = Pattern.compile("<td class=\"n " + cssClass + "\">(.*?)</td>", Pattern.DOTALL).matcher(row);
    assertThat(cell.find()).as("cell " + cssClass + " in " + row).isTrue();
    return cell.group(1).replaceAll("<[^>]+>", "").strip();
  }

  private static String between(String html, String from, String to) {
    int start = html.indexOf(from);
    assertThat(start).as("'" + from + "' in the page").isGreaterThanOrEqualTo(0);
    return html.substring(start, html.indexOf(to, start) + to.length());
  }

  private static String main(String html) {
    return between(html, "<main", "</main>");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

}
