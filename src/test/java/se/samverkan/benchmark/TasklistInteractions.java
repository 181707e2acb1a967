package se.samverkan.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import se.samverkan.tasklist.TasklistFilters;

/**
 * Every request a person's Tasklist makes for the two interactions of a working day, made as Tasklist
 * makes them (issue 18): through the webapps' own engine API with a logged-in session and its CSRF
 * token, and through {@code /engine-rest} with HTTP Basic beside it.
 * <ul>
 *   <li><b>Listan</b> (opening Tasklist or coming back to it): the filters (count, then the page of
 *       filters), the filter's page of 15 tasks as HAL (assignees, candidate groups, process
 *       definitions and the list columns embedded), the filter's count;</li>
 *   <li><b>Öppna uppgiften</b>: the task as HAL, its form key, the deployed Camunda Form, the form's
 *       variables (not deserialized), the identity links, the comments, and Samverkan's draft of the task.</li>
 * </ul>
 * The paths, methods, bodies and Accept headers are those of Tasklist 7.24's code
 * ({@code cam-tasklist-view-ctrl.js}, {@code cam-tasklist-task.js}, the task detail plugins,
 * {@code cam-tasklist-form-camunda.js}, the SDK's {@code filter.js} and {@code task.js}).
 */
final class TasklistInteractions {

  static final String HAL = "application/hal+json, application/json; q=0.5";
  static final String JSON_ACCEPT = "application/json, text/plain, */*";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One HTTP request of an interaction: its name in the table, and how Tasklist sends it. */
  record Request(String name, String method, String path, String accept, String body) {}

  /** One answer: status, body, the time it took (ns), and the request's statements and their time in the server. */
  record Answer(int status, String body, long nanos, long statements, long dbNanos, List<String> sql) {}

  /** A way in: the webapps' API with a session, or /engine-rest with HTTP Basic. */
  interface Door {
    String name();

    /** Sends a request whose path is relative to the engine API's root (…/engine/default or /engine-rest). */
    Answer engine(Request request);

    /** Samverkan's draft of a task through this door. */
    Request draft(String taskId);
  }

  /**
   * The measured times of {@code users} users through one door (one, or several at once merged), each
   * pausing about {@code pauseMillis} after each interaction: per request name, and per interaction.
   */
  record Measured(String user, String door, int users, long pauseMillis, Map<String, List<Long>> requests, Map<String, List<Long>> interactions,
                  int tasksInList, Map<String, List<Long>> statements, Map<String, List<Long>> dbNanos,
                  Map<String, List<String>> lastSql) {}

  private final int port;

  TasklistInteractions(int port) {
    this.port = port;
  }

  Door session(String user) {
    return new SessionDoor(port, user);
  }

  Door basic(String user) {
    return new BasicDoor(port, user);
  }

  /**
   * {@code rounds} rounds of both interactions (the first {@code warmup} not counted): the list of the
   * user's "Min funktions uppgifter", then one task of that list opened, a different one each round.
   */
  Measured measure(String user, Door door, int warmup, int rounds) {
    return measure(user, door, warmup, rounds, 0);
  }

  /**
   * As {@link #measure(String, Door, int, int)}, with a pause after each interaction as a person
   * reading the list or the form makes: between half and one and a half times {@code pauseMillis}, at
   * random (0: none, the next request as soon as the last one answered).
   */
  Measured measure(String user, Door door, int warmup, int rounds, long pauseMillis) {
    Map<String, List<Long>> requests = new LinkedHashMap<>();
    Map<String, List<Long>> interactions = new LinkedHashMap<>();
    Map<String, List<Long>> statements = new LinkedHashMap<>();
    Map<String, List<Long>> dbNanos = new LinkedHashMap<>();
    Map<String, List<String>> lastSql = new LinkedHashMap<>();
    String filterId = null;
    int tasksInList = 0;
    for (int round = 0; round < warmup + rounds; round++) {
      boolean counted = round >= warmup;
      long listTotal = 0;
      Answer filterCount = timed(door, new Request("filter: antal", "GET",
          "/filter/count?itemCount=false&resourceType=Task", JSON_ACCEPT, null), requests, statements, dbNanos, lastSql, counted);
      listTotal += filterCount.nanos();
      Answer filters = timed(door, new Request("filter: lista", "GET",
          "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", JSON_ACCEPT, null), requests, statements, dbNanos, lastSql, counted);
      listTotal += filters.nanos();
      if (filterId == null) {
        filterId = filterId(filters.body(), TasklistFilters.FUNCTION_TASKS, user);
      }
      Answer list = timed(door, new Request("filtrets uppgifter (HAL, 15)", "POST",
          "/filter/" + filterId + "/list?firstResult=0&maxResults=15", HAL,
          "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}"), requests, statements, dbNanos, lastSql, counted);
      listTotal += list.nanos();
      Answer count = timed(door, new Request("filtrets antal", "POST", "/filter/" + filterId + "/count", JSON_ACCEPT,
          "{\"active\":true}"), requests, statements, dbNanos, lastSql, counted);
      listTotal += count.nanos();
      pause(pauseMillis);
      List<String> taskIds = taskIds(list.body());
      tasksInList = Math.max(tasksInList, (int) read(count.body()).path("count").asLong());
      if (counted) {
        interactions.computeIfAbsent("Listan (4 anrop)", k -> new ArrayList<>()).add(listTotal);
      }
      if (taskIds.isEmpty()) {
        throw new IllegalStateException(user + " has no task in " + TasklistFilters.FUNCTION_TASKS);
      }
      String task = taskIds.get(round % taskIds.size());
      long openTotal = 0;
      for (Request request : openTask(door, task)) {
        openTotal += timed(door, request, requests, statements, dbNanos, lastSql, counted).nanos();
      }
      if (counted) {
        interactions.computeIfAbsent("Öppna uppgiften (7 anrop)", k -> new ArrayList<>()).add(openTotal);
      }
      pause(pauseMillis);
    }
    return new Measured(user, door.name(), 1, pauseMillis, requests, interactions, tasksInList, statements, dbNanos, lastSql);
  }

  private static void pause(long pauseMillis) {
    if (pauseMillis <= 0) {
      return;
    }
    try {
      Thread.sleep(pauseMillis / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(pauseMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pausing", e);
    }
  }

  /** The requests of opening a task, in Tasklist's order. */
  static List<Request> openTask(Door door, String task) {
    return List.of(
        new Request("uppgiften (HAL)", "GET", "/task/" + task, HAL, null),
        new Request("formulärnyckel", "GET", "/task/" + task + "/form", JSON_ACCEPT, null),
        new Request("Camunda-formuläret", "GET", "/task/" + task + "/deployed-form", JSON_ACCEPT, null),
        new Request("formulärets variabler", "GET", "/task/" + task + "/form-variables?deserializeValues=false", JSON_ACCEPT, null),
        new Request("identitetslänkar", "GET", "/task/" + task + "/identity-links", JSON_ACCEPT, null),
        new Request("kommentarer", "GET", "/task/" + task + "/comment", JSON_ACCEPT, null),
        door.draft(task));
  }

  /**
   * The same rounds for several users at once, each in its own thread with its own door (session or
   * Basic), all starting together, each pausing {@code pauseMillis} (see {@link #measure(String, Door,
   * int, int, long)}) after each interaction; the times of all of them per request name.
   */
  List<Measured> concurrently(List<String> users, boolean sessions, int warmup, int rounds, long pauseMillis)
      throws Exception {
    List<Measured> results = new CopyOnWriteArrayList<>();
    Map<String, Door> doors = new ConcurrentHashMap<>();
    for (String user : users) {
      doors.put(user, sessions ? session(user) : basic(user));
    }
    List<Parallel.Job> jobs = new ArrayList<>();
    for (String user : users) {
      jobs.add(() -> results.add(measure(user, doors.get(user), warmup, rounds, pauseMillis)));
    }
    Parallel.run(users.size(), jobs);
    return results;
  }

  /** The times of several users' measurements together, per request and per interaction. */
  static Measured merge(String who, String door, List<Measured> measured) {
    Map<String, List<Long>> requests = new LinkedHashMap<>();
    Map<String, List<Long>> interactions = new LinkedHashMap<>();
    Map<String, List<Long>> statements = new LinkedHashMap<>();
    Map<String, List<Long>> dbNanos = new LinkedHashMap<>();
    int tasks = 0;
    for (Measured m : measured) {
      m.requests().forEach((name, times) -> requests.computeIfAbsent(name, k -> new ArrayList<>()).addAll(times));
      m.statements().forEach((name, n) -> statements.computeIfAbsent(name, k -> new ArrayList<>()).addAll(n));
      m.dbNanos().forEach((name, n) -> dbNanos.computeIfAbsent(name, k -> new ArrayList<>()).addAll(n));
      m.interactions().forEach((name, times) -> interactions.computeIfAbsent(name, k -> new ArrayList<>()).addAll(times));
      tasks = Math.max(tasks, m.tasksInList());
    }
    return new Measured(who, door, measured.size(), measured.get(0).pauseMillis(), requests, interactions, tasks, statements, dbNanos, measured.get(0).lastSql());
  }

  private static Answer timed(Door door, Request request, Map<String, List<Long>> times,
      Map<String, List<Long>> statements, Map<String, List<Long>> dbNanos, Map<String, List<String>> lastSql,
      boolean counted) {
    Answer answer = door.engine(request);
    if (answer.status() >= 300) {
      throw new IllegalStateException(door.name() + " " + request.method() + " " + request.path() + ": HTTP "
          + answer.status() + " " + answer.body());
    }
    if (counted) {
      times.computeIfAbsent(request.name(), k -> new ArrayList<>()).add(answer.nanos());
      statements.computeIfAbsent(request.name(), k -> new ArrayList<>()).add(answer.statements());
      dbNanos.computeIfAbsent(request.name(), k -> new ArrayList<>()).add(answer.dbNanos());
      lastSql.put(request.name(), answer.sql());
    }
    return answer;
  }

  private static String filterId(String filters, String name, String user) {
    for (JsonNode filter : read(filters)) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException("filter " + name + " not visible to " + user);
  }

  private static List<String> taskIds(String hal) {
    List<String> ids = new ArrayList<>();
    for (JsonNode task : read(hal).path("_embedded").path("task")) {
      ids.add(task.path("id").asText());
    }
    return ids;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private abstract static class HttpDoor implements Door {
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String base;

    HttpDoor(int port) {
      this.base = "http://127.0.0.1:" + port;
    }

    Answer send(HttpRequest.Builder builder, String method, String body, LongSupplier clock) {
      String id = java.util.UUID.randomUUID().toString();
      builder.header(StatementCounter.HEADER, id);
      builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        builder.header("Content-Type", "application/json");
      }
      try {
        long start = clock.getAsLong();
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        long nanos = clock.getAsLong() - start;
        after(response);
        StatementCounter.Usage usage = StatementCounter.take(id);
        return new Answer(response.statusCode(), response.body(), nanos, usage.statements().get(), usage.nanos().get(),
            List.copyOf(usage.sql()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    void after(HttpResponse<String> response) {}
  }

  /** Tasklist's own door: /camunda/api/engine/engine/default with the session cookie and CSRF token. */
  private static final class SessionDoor extends HttpDoor {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    SessionDoor(int port, String user) {
      super(port);
      Answer page = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")), "GET", null, System::nanoTime);
      if (page.status() >= 400) {
        throw new IllegalStateException("Tasklist answered " + page.status());
      }
      HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded");
      withCookies(login);
      if (cookies.containsKey("XSRF-TOKEN")) {
        login.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      login.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=demo"));
      try {
        HttpResponse<String> answer = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
        after(answer);
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("login of " + user + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      // as Tasklist: the first reading request after the login fetches the session's CSRF token
      HttpRequest.Builder fetch = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/"))
          .header("X-XSRF-TOKEN", "Fetch");
      withCookies(fetch);
      send(fetch, "GET", null, System::nanoTime);
      if (!cookies.containsKey("XSRF-TOKEN")) {
        throw new IllegalStateException("no CSRF token for " + user);
      }
    }

    @Override
    public String name() {
      return "webbappens API med session";
    }

    @Override
    public Answer engine(Request request) {
      String path = request.path().startsWith("/samverkan/") ? request.path()
          : "/camunda/api/engine/engine/default" + request.path();
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", request.accept());
      withCookies(builder);
      builder.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      return send(builder, request.method(), request.body(), System::nanoTime);
    }

    @Override
    public Request draft(String taskId) {
      return new Request("Samverkans utkast", "GET", "/samverkan/api/uppgifter/" + taskId + "/utkast", JSON_ACCEPT, null);
    }

    private void withCookies(HttpRequest.Builder builder) {
      synchronized (cookies) {
        if (!cookies.isEmpty()) {
          builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
      }
    }

    @Override
    void after(HttpResponse<String> response) {
      synchronized (cookies) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
          String pair = setCookie.split(";", 2)[0];
          int equals = pair.indexOf('=');
          cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        response.headers().firstValue("X-XSRF-TOKEN").filter(v -> !"Required".equals(v))
            .ifPresent(v -> cookies.put("XSRF-TOKEN", v));
      }
    }
  }

  /** /engine-rest with HTTP Basic (a client of the REST API, or a Tasklist behind it). */
  private static final class BasicDoor extends HttpDoor {
    private final String authorization;

    BasicDoor(int port, String user) {
      super(port);
      this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
      return "/engine-rest med HTTP Basic";
    }

    @Override
    public Answer engine(Request request) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/engine-rest" + request.path()))
          .header("Accept", request.accept()).header("Authorization", authorization);
      return send(builder, request.method(), request.body(), System::nanoTime);
    }

    @Override
    public Request draft(String taskId) {
      return new Request("Samverkans utkast", "GET", "/samverkan/uppgifter/" + taskId + "/utkast", JSON_ACCEPT, null);
    }
  }
}
