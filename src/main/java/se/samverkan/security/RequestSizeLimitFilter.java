package se.samverkan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code samverkan.request.max-body-size} on the REST API and the
 * webapps' API with 413 and a Swedish message, before anything reads them. A body without a
 * declared length is read up to the limit first.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final String MESSAGE = "Förfrågan är för stor: högst %s tillåts. Korta texten eller dela upp den.";

  private final long maxBytes;
  private final String message;

  public RequestSizeLimitFilter(DataSize maxBodySize) {
    this.maxBytes = maxBodySize.toBytes();
    this.message = String.format(MESSAGE, maxBodySize.toMegabytes() > 0
        ? maxBodySize.toMegabytes() + " MB" : maxBodySize.toKilobytes() + " kB");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > maxBytes) {
      refuse(response);
      return;
    }
    if (length < 0 && hasBody(request)) {
      // No declared length (chunked): read at most the limit into memory, then decide.
      byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        refuse(response);
        return;
      }
      chain.doFilter(new BufferedRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Connection", "close");
    response.getWriter().write("{\"type\":\"RequestTooLarge\",\"message\":\"" + message + "\"}");
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
        @Value("${samverkan.request.max-body-size}") DataSize maxBodySize) {
      FilterRegistrationBean<RequestSizeLimitFilter> registration =
          new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize));
      registration.setName("samverkan-request-size-limit");
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/scim/*", "/samverkan/api/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
