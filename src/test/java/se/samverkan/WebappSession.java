package se.samverkan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the webapps' own engine API (/camunda/api/engine/engine/default/…) the way Tasklist does:
 * logged in with a session cookie, every modifying request with the CSRF token of that session.
 */
public final class WebappSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A status and the body read as JSON (an object, or null when the body is empty or not an object). */
  public record Answer(int status, Map<String, Object> body, String text, String location) {}

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs the user in to Tasklist (password demo), as the login page does. */
  public static WebappSession logIn(int port, String user) {
    return logIn(port, user, "tasklist");
  }

  /** Logs the user in to one of the webapps (tasklist, cockpit, admin), as its login page does. */
  public static WebappSession logIn(int port, String user, String app) {
    WebappSession session = new WebappSession(port);
    try {
      session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")).GET());
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
      HttpResponse<String> login = session.send(HttpRequest.newBuilder(
              URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Login of " + user + " answered " + login.statusCode() + ": " + login.body());
      }
      // The login starts a new session without a CSRF token: the next reading request gets one, as in Tasklist.
      session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/engine/engine/"))
          .header("X-XSRF-TOKEN", "Fetch").GET());
      if (!session.cookies.containsKey("XSRF-TOKEN")) {
        throw new IllegalStateException("No CSRF token after the login of " + user + ": " + session.cookies.keySet());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return session;
  }

  /** POST of a JSON body to the engine API, path relative to /camunda/api/engine/engine/default. */
  public Answer post(String path, Object body) {
    return json("POST", path, body);
  }

  /** POST of a raw body (e.g. malformed JSON). */
  public Answer postRaw(String path, String body) {
    return call(engine(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer put(String path, Object body) {
    return json("PUT", path, body);
  }

  public Answer get(String path) {
    return call(engine(path).GET());
  }

  /** GET of a path of the webapps' other APIs, relative to /camunda/api (e.g. Cockpit's plugin API). */
  public Answer getApi(String path) {
    return call(HttpRequest.newBuilder(URI.create(base + "/camunda/api" + path)).header("Accept", "application/json").GET());
  }

  /** POST of a JSON body to a path of the webapps' other APIs, relative to /camunda/api. */
  public Answer postApi(String path, Object body) {
    try {
      return call(HttpRequest.newBuilder(URI.create(base + "/camunda/api" + path)).header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET of a page of the application outside the webapps (e.g. /samverkan/modellversioner), with this session. */
  public Answer page(String path) {
    return call(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** POST of an HTML form (application/x-www-form-urlencoded) to a page of the application, with this session. */
  public Answer postForm(String path, String form) {
    return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * A JSON request to a path of the application outside the webapps (e.g. /samverkan/api/…) with this
   * session (a String body is sent as it is, e.g. broken JSON); {@code withCsrf} false sends it
   * without the session's CSRF token, as a forged page would.
   */
  public Answer app(String method, String path, Object body, boolean withCsrf) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : JSON.writeValueAsString(body)));
      if (!withCsrf) {
        request.header("X-XSRF-TOKEN", "forged");
      }
      return call(request);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET of a path of the application with this session, the body as bytes (a PDF), with the answer's headers. */
  public Download download(String path) {
    try {
      HttpResponse<byte[]> response = http.send(withCookies(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A status, the body's bytes and the headers. */
  public record Download(int status, byte[] body, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private synchronized HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    return request;
  }

  /** A session that never logged in. */
  public static WebappSession anonymous(int port) {
    return new WebappSession(port);
  }

  private Answer json(String method, String path, Object body) {
    try {
      return call(engine(path).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder engine(String path) {
    return HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Accept", "application/json");
  }

  private Answer call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = send(request);
      Map<String, Object> body = null;
      String text = response.body();
      if (text != null && text.trim().startsWith("{")) {
        body = JSON.readValue(text, new TypeReference<>() {});
      }
      return new Answer(response.statusCode(), body, text, response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private synchronized HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    String token = cookies.get("XSRF-TOKEN");
    if (token != null && !request.build().headers().firstValue("X-XSRF-TOKEN").isPresent()) {
      request.header("X-XSRF-TOKEN", token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    List<String> setCookies = response.headers().allValues("Set-Cookie");
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    response.headers().firstValue("X-XSRF-TOKEN").filter(value -> !"Required".equals(value))
        .ifPresent(value -> cookies.put("XSRF-TOKEN", value));
    return response;
  }
}
