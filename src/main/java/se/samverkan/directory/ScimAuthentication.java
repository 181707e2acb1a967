package se.samverkan.directory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import se.samverkan.security.LoginThrottle;

/**
 * The door of {@code /scim/v2/<source id>/}: a request passes only with {@code Authorization: Bearer}
 * and exactly that SCIM source's token (compared in constant time). An unknown source, a source
 * that is not SCIM, a missing or wrong token are all the same 401, so that nothing tells an
 * outsider which sources exist. Failed attempts count against the client address like failed
 * logins ({@link LoginThrottle}); a throttled client gets 429 and Retry-After before any token is
 * compared. A passed request carries the source id as {@link #SOURCE_ATTRIBUTE}, and nothing else:
 * no Camunda user is logged in, a SCIM token opens no other door of Samverkan.
 */
class ScimAuthentication extends OncePerRequestFilter {

  static final String SOURCE_ATTRIBUTE = ScimAuthentication.class.getName() + ".source";
  private static final Logger log = LoggerFactory.getLogger(ScimAuthentication.class);
  private static final Pattern PATH = Pattern.compile("^" + ScimController.BASE + "/([^/]+)(/.*)?$");

  private final DirectorySettings settings;
  private final LoginThrottle throttle;

  ScimAuthentication(DirectorySettings settings, LoginThrottle throttle) {
    this.settings = settings;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      ScimController.send(response, 404, ScimResources.error(404, null,
          "Okänd adress; SCIM-källornas adress är " + ScimController.BASE + "/<källans id>/Users och /Groups."));
      return;
    }
    String sourceId = matcher.group(1);
    String client = "scim|" + request.getRemoteAddr();
    String account = "scim:" + sourceId;
    Optional<Duration> wait = throttle.waitBefore(client, account);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      response.setHeader("Retry-After", String.valueOf(seconds));
      ScimController.send(response, 429, ScimResources.error(429, null,
          "För många misslyckade försök från denna adress; försök igen om " + seconds + " sekunder."));
      return;
    }
    DirectorySettings.Source source = settings.sources().get(sourceId);
    String expected = source == null || source.kind() != DirectorySettings.Kind.SCIM || source.scim() == null
        ? null : source.scim().token();
    String presented = bearer(request.getHeader("Authorization"));
    if (expected == null || presented == null || !sameToken(presented, expected.strip())) {
      throttle.failed(client, account);
      log.warn("SCIM-anrop nekat: ogiltig eller saknad token för källan «{}» från {}", sourceId, request.getRemoteAddr());
      response.setHeader("WWW-Authenticate", "Bearer realm=\"Samverkan SCIM\"");
      ScimController.send(response, 401, ScimResources.error(401, null,
          "Ingen giltig token för källan. Ange källans hemliga token som Bearer-token (Entra ID: Secret Token)."));
      return;
    }
    throttle.succeeded(client, account);
    request.setAttribute(SOURCE_ATTRIBUTE, sourceId);
    chain.doFilter(request, response);
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /** Constant-time: the digests have the same length whatever was presented. */
  private static boolean sameToken(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
