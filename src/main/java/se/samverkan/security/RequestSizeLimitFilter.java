package se.samverkan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
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
 * declared length is cut off at the same size.
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
    if (length < 0) {
      LimitedRequest limited = new LimitedRequest(request, maxBytes);
      try {
        chain.doFilter(limited, response);
      } catch (IOException | ServletException | RuntimeException e) {
        if (!limited.exceeded || response.isCommitted()) {
          throw e;
        }
      }
      if (limited.exceeded && !response.isCommitted()) {
        response.reset();
        refuse(response);
      }
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

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private boolean exceeded;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
              exceeded = true;
              throw new IOException("request body larger than " + maxBytes + " bytes");
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
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
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
