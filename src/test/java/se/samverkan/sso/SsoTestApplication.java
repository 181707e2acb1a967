package se.samverkan.sso;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.operations.SeparateApplication;

/**
 * Samverkan with two identity providers of an in-process OpenID provider (mock-oauth2-server on a
 * free port): Lycksele kommun (source lycksele-katalog) and Polisen (source polisen-katalog). Its own
 * application, engine and database, so that the shared integration-test context stays without
 * single sign-on. The directory rows are what the sync would write.
 */
final class SsoTestApplication implements AutoCloseable {

  static final String LYCKSELE = "lycksele";
  static final String POLISEN = "polisen";
  static final String CLIENT_ID = "samverkan";

  // interactiveLogin: the login page where the browser test types the user (the subject and its claims)
  final MockOAuth2Server provider = new MockOAuth2Server(
      no.nav.security.mock.oauth2.OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
  final String engineName = "sso" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  final ConfigurableApplicationContext context;
  final int port;
  final JdbcTemplate jdbc;

  SsoTestApplication() {
    provider.start();
    context = SeparateApplication.start(engineName, SeparateApplication.newH2Url(), java.util.stream.Stream.concat(
        java.util.Arrays.stream(provider(LYCKSELE, "Lycksele kommun", "lycksele-katalog")),
        java.util.Arrays.stream(provider(POLISEN, "Polisen", "polisen-katalog"))).toArray(String[]::new));
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    jdbc = context.getBean(JdbcTemplate.class);
  }

  private String[] provider(String id, String name, String source) {
    String prefix = "--samverkan.sso.providers." + id + ".";
    return new String[] {prefix + "name=" + name, prefix + "issuer-uri=" + issuer(id), prefix + "client-id=" + CLIENT_ID,
        prefix + "client-secret=hemligt", prefix + "source=" + source};
  }


  String issuer(String id) {
    return provider.issuerUrl(id).toString();
  }

  /** What the directory sync writes for a user of a source. */
  void directoryUser(String userId, String source) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("DELETE FROM samverkan_directory_user WHERE user_id = ?", userId);
    jdbc.update("INSERT INTO samverkan_directory_user (user_id, source, external_id, first_synced_at, last_synced_at) "
        + "VALUES (?, ?, ?, ?, ?)", userId, source, "uid=" + userId, now, now);
  }

  /** What the directory sync writes when the directory disables, expires or deletes an account. */
  void setAccountState(String userId, String state) {
    jdbc.update("UPDATE samverkan_directory_user SET account_state = ? WHERE user_id = ?", state, userId);
  }

  void removeDirectoryUser(String userId) {
    jdbc.update("DELETE FROM samverkan_directory_user WHERE user_id = ?", userId);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    try {
      SeparateApplication.close(context);
    } finally {
      provider.shutdown();
    }
  }
}
