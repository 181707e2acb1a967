package se.samverkan.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person logged in to the webapps, calling the engine the way Tasklist does: its own REST door
 * /camunda/api/engine/engine/default/..., with the session cookie and the CSRF token.
 */
final class WebappSession {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(String base) {
    this.base = base;
  }

  static WebappSession login(String rootUri, String user) {
    WebappSession session = new WebappSession(rootUri);
    HttpResponse<String> page = session.send(HttpRequest.newBuilder(URI.create(rootUri + "/camunda/app/tasklist/default/")).GET());
    if (page.statusCode() >= 400) {
      throw new IllegalStateException("Tasklist page: " + page.statusCode());
    }
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(
            URI.create(rootUri + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login " + user + ": " + login.statusCode() + " " + login.body());
    }
    // The login opens a new session with a token of its own; a read hands it out.
    session.send(HttpRequest.newBuilder(URI.create(rootUri + "/camunda/api/admin/auth/user/default")).GET());
    return session;
  }

  /** A call to the engine API of the webapps, e.g. {@code post("/task/1/submit-form", json)}. */
  HttpResponse<String> post(String enginePath, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String enginePath, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String enginePath) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
      request.header("Cookie", header.toString());
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !"Required".equals(token))
          .ifPresent(token -> cookies.put("XSRF-TOKEN", token));
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
