package se.samverkan.modelrules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests Camunda Modeler 5.x makes when a process owner deploys to a Camunda 7 engine, as
 * its deployment tool writes them (camunda-modeler, client/src/plugins/camunda-plugin: shared/
 * CamundaAPI.js, shared/RestAPI.js, deployment-tool/DeploymentTool.js and its validator):
 * <ol>
 *   <li>while the dialog is open, {@code GET <endpoint>/deployment?maxResults=0} without
 *       credentials: a 401 makes Modeler show the user name and password fields;</li>
 *   <li>on "Deploy", the same request with the credentials: anything but 2xx keeps the dialog open;</li>
 *   <li>{@code GET <endpoint>/version} (a failure is ignored);</li>
 *   <li>{@code POST <endpoint>/deployment/create}, multipart (Chromium's FormData): the fields
 *       {@code deployment-name}, {@code deployment-source} "Camunda Modeler",
 *       {@code enable-duplicate-filtering} "true" (since Modeler 4.7, instead of
 *       {@code deploy-changed-only}), {@code tenant-id} only when given; then the diagram as a part
 *       named after its file, {@code text/xml}; then each "additional file" the same way, as a
 *       Blob without type, i.e. {@code application/octet-stream}.</li>
 * </ol>
 * Every request carries {@code accept: application/json} and, with credentials, HTTP Basic. On a
 * refusal Modeler writes the response's {@code message} into its log ("See the log for further
 * details"); for 401/403 without a message it shows its own English sentence.
 */
final class CamundaModeler {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What Chromium's FormData encoder names its boundaries. */
  private static final String BOUNDARY = "----WebKitFormBoundarySamverkan7x24";

  /** A file the process owner has open or attached in the deploy dialog. */
  record ModelFile(String name, byte[] contents) {
    static ModelFile of(Path path) {
      try {
        return new ModelFile(path.getFileName().toString(), Files.readAllBytes(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static ModelFile of(String name, String contents) {
      return new ModelFile(name, contents.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An answer, with its JSON body read (empty when it has none). */
  record Answer(int status, String body, Map<String, Object> json) {
    String message() {
      return (String) json.get("message");
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String endpoint;
  private final String authorization;

  private CamundaModeler(String endpoint, String authorization) {
    this.endpoint = endpoint;
    this.authorization = authorization;
  }

  /** Modeler with "Authentication: HTTP Basic", user name and password as the process owner types them. */
  static CamundaModeler withBasic(int port, String user, String password) {
    return new CamundaModeler(endpoint(port), "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Modeler with "Authentication: Bearer token". */
  static CamundaModeler withBearer(int port, String token) {
    return new CamundaModeler(endpoint(port), "Bearer " + token);
  }

  /** Modeler before the credentials are typed in (its connection check while the dialog is open). */
  static CamundaModeler withoutCredentials(int port) {
    return new CamundaModeler(endpoint(port), null);
  }

  private static String endpoint(int port) {
    return "http://localhost:" + port + "/engine-rest";
  }

  Answer checkConnection() {
    return send(request("/deployment?maxResults=0").GET());
  }

  Answer version() {
    return send(request("/version").GET());
  }

  /** "Deploy" as Modeler 5.x does it: the connection check, the version, then the deployment. */
  Answer deploy(String deploymentName, ModelFile diagram, List<ModelFile> attachments) {
    Answer connection = checkConnection();
    if (connection.status() / 100 != 2) {
      return connection;
    }
    version();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", deploymentName);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    return create(fields, diagram, attachments);
  }

  /**
   * The deployment request of Modeler up to 4.6, which sent {@code deploy-changed-only=true}: the
   * engine then deploys only the files that differ from the last deployment of that name.
   */
  Answer deployChangedOnlyAsModeler46(String deploymentName, ModelFile diagram, List<ModelFile> attachments) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", deploymentName);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("deploy-changed-only", "true");
    return create(fields, diagram, attachments);
  }

  private Answer create(Map<String, String> fields, ModelFile diagram, List<ModelFile> attachments) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n"));
    filePart(body, diagram, "text/xml");
    attachments.forEach(file -> filePart(body, file, "application/octet-stream"));
    write(body, "--" + BOUNDARY + "--\r\n");
    return send(request("/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void filePart(ByteArrayOutputStream body, ModelFile file, String contentType) {
    write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
        + file.name() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(file.contents());
    write(body, "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
        .timeout(Duration.ofSeconds(30))
        .header("accept", "application/json");
    if (authorization != null) {
      request.header("authorization", authorization);
    }
    return request;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, Object> json = Map.of();
      String body = response.body();
      if (body != null && body.strip().startsWith("{")) {
        json = JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
      }
      return new Answer(response.statusCode(), body, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
