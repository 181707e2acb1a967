package se.samverkan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's session with the Camunda webapps, as Tasklist keeps it: the session and CSRF cookies,
 * the CSRF token sent with every modifying request. Speaks HTTP/1.1 over a plain socket so that a
 * test can choose the client's source address (127.0.0.x: every address of the loopback network
 * reaches the server), which is what the login throttle counts by.
 */
public final class HttpFromAddress {

  public static final String ENGINE = "default";

  private final int port;
  private final String sourceAddress;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;

  public HttpFromAddress(int port, String sourceAddress) {
    this.port = port;
    this.sourceAddress = sourceAddress;
  }

  /** An HTTP answer: status, headers (lower-case names), body. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** Opens the Tasklist page (cookies and CSRF token), then logs in through the login form. */
  public Response login(String user, String password) throws IOException {
    get("/camunda/app/tasklist/" + ENGINE + "/");
    Response login = post("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
        "application/x-www-form-urlencoded",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (login.status() == 200) {
      // the login starts a new session; its CSRF token comes with the next page, as in the browser
      get("/camunda/app/tasklist/" + ENGINE + "/");
    }
    return login;
  }

  /** GET on Tasklist's own API: /camunda/api/engine/engine/default + path. */
  public Response engineGet(String path) throws IOException {
    return get("/camunda/api/engine/engine/" + ENGINE + path);
  }

  /** POST (JSON) on Tasklist's own API, with the CSRF token. */
  public Response enginePost(String path, String json) throws IOException {
    return post("/camunda/api/engine/engine/" + ENGINE + path, "application/json", json);
  }

  public Response get(String path) throws IOException {
    return send("GET", path, null, null, Map.of());
  }

  public Response post(String path, String contentType, String body) throws IOException {
    return send("POST", path, contentType, body, Map.of());
  }

  /** A request with HTTP Basic credentials, e.g. on /engine-rest, from this session's source address. */
  public Response basic(String method, String path, String user, String password) throws IOException {
    String credentials = java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(method, path, null, null, Map.of("Authorization", "Basic " + credentials));
  }

  private Response send(String method, String path, String contentType, String body, Map<String, String> extra)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Connection: close\r\n")
        .append("Accept: application/json, text/html\r\n");
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(String.join("; ",
          cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())).append("\r\n");
    }
    if (csrfToken != null && !"GET".equals(method)) {
      request.append("X-XSRF-TOKEN: ").append(csrfToken).append("\r\n");
    }
    extra.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (!"GET".equals(method)) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(sourceAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return remember(parse(socket.getInputStream()));
    }
  }

  private Response remember(Response response) {
    for (String setCookie : response.headers().getOrDefault("set-cookie", List.of())) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      String name = pair.substring(0, equals).trim();
      String value = pair.substring(equals + 1).trim();
      cookies.put(name, value);
      if ("XSRF-TOKEN".equals(name)) {
        csrfToken = value;
      }
    }
    String header = response.header("X-XSRF-TOKEN");
    if (header != null && !"Required".equals(header)) {
      csrfToken = header;
    }
    return response;
  }

  private static Response parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String rawBody = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    String bodyText = "chunked".equalsIgnoreCase(String.join("", headers.getOrDefault("transfer-encoding", List.of())))
        ? dechunk(rawBody) : rawBody;
    return new Response(status, headers, bodyText);
  }

  private static String dechunk(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int position = 0;
    while (position < body.length()) {
      int lineEnd = body.indexOf("\r\n", position);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(position, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the body was decoded as UTF-8, so re-encode the chunk by bytes
      byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
      out.write(rest, 0, Math.min(size, rest.length));
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      position = lineEnd + 2 + chunk.length() + 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
