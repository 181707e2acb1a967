package se.samverkan.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the webjar's English locale files without their "dateLocales". The webapps load the
 * Swedish file and the English fallback, and each sets moment's global locale when it arrives:
 * whichever comes last wins, so a Swedish user would randomly read "in 5 days". Without English
 * dateLocales only Swedish sets it; English users get moment's built-in English.
 */
@Component
public class EnglishLocaleWithoutDatesFilter extends OncePerRequestFilter {

  private static final Pattern ENGLISH_LOCALE = Pattern.compile(".*/app/(tasklist|cockpit|admin|welcome)/locales/en\\.json$");
  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/%s/locales/en.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ENGLISH_LOCALE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = ENGLISH_LOCALE.matcher(request.getRequestURI());
    byte[] body = matcher.matches() ? cache.computeIfAbsent(matcher.group(1), this::withoutDates) : null;
    if (body == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private byte[] withoutDates(String app) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(String.format(WEBJAR, app))) {
      if (in == null) {
        return null;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ObjectNode locale = (ObjectNode) JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
      locale.remove("dateLocales");
      return JSON.writeValueAsBytes(locale);
    } catch (IOException e) {
      return null;
    }
  }
}
