package se.samverkan;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls /engine-rest as a given user, the way Tasklist, Modeler or a script would. */
public final class RestClient {

  private final TestRestTemplate rest;
  private final String user;
  private final String password;

  private RestClient(TestRestTemplate rest, String user, String password) {
    this.rest = rest;
    this.user = user;
    this.password = password;
  }

  public static RestClient as(TestRestTemplate rest, String user) {
    return new RestClient(rest, user, "demo");
  }

  public static RestClient anonymous(TestRestTemplate rest) {
    return new RestClient(rest, null, null);
  }

  public <T> ResponseEntity<T> get(String path, Class<T> type) {
    return rest.exchange("/engine-rest" + path, HttpMethod.GET, new HttpEntity<>(headers()), type);
  }

  public <T> ResponseEntity<T> get(String path, ParameterizedTypeReference<T> type) {
    return rest.exchange("/engine-rest" + path, HttpMethod.GET, new HttpEntity<>(headers()), type);
  }

  public <T> ResponseEntity<T> post(String path, Object body, Class<T> type) {
    return rest.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers()), type);
  }

  public <T> ResponseEntity<T> put(String path, Object body, Class<T> type) {
    return rest.exchange("/engine-rest" + path, HttpMethod.PUT, new HttpEntity<>(body, headers()), type);
  }

  public ResponseEntity<Map<String, Object>> postForMap(String path, Object body) {
    return rest.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers()),
        new ParameterizedTypeReference<>() {});
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    return headers;
  }
}
