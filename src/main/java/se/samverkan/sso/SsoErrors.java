package se.samverkan.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Swedish answers to a refused login, in the REST API's error format ({@code type}, {@code message}). */
final class SsoErrors {

  static final String TOKEN_REFUSED = "Inloggningen godtas inte: token har gått ut, är ogiltig eller kommer inte "
      + "från en inloggningstjänst som Samverkan är kopplad till.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SsoErrors() {
  }

  static String json(String type, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message == null ? TOKEN_REFUSED : message);
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 401 for a bearer token Samverkan does not take; the reason is ours when the account is refused. */
  static AuthenticationEntryPoint bearerRefused() {
    return (request, response, exception) -> {
      String message = exception instanceof RefusedAccount ? exception.getMessage() : TOKEN_REFUSED;
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(json("AuthenticationException", message));
    };
  }

  /** The token was valid, but its user may not be logged in by its provider. */
  static final class RefusedAccount extends AuthenticationException {
    RefusedAccount(String message) {
      super(message);
    }
  }
}
