package se.samverkan.sso;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Samverkan's login page (choose the organisation), the refusal page, and what the webapps' script asks. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SsoPages {

  private final SsoSettings settings;

  SsoPages(SsoSettings settings) {
    this.settings = settings;
  }

  record Choice(String id, String name) {
  }

  @GetMapping(SsoConfiguration.LOGIN_PAGE)
  String login(@RequestParam(name = "utloggad", required = false) String loggedOut, Model model,
      HttpServletResponse response) {
    if (!settings.enabled()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    List<Choice> choices = settings.providers().entrySet().stream()
        .map(e -> new Choice(e.getKey(), e.getValue().name()))
        .sorted(java.util.Comparator.comparing(Choice::name))
        .toList();
    model.addAttribute("providers", choices);
    model.addAttribute("loggedOut", loggedOut != null);
    return "sso/login";
  }

  @GetMapping(SsoConfiguration.REFUSED_PAGE)
  String refused(HttpSession session, Model model, HttpServletResponse response) {
    Object refusal = session.getAttribute(SsoWebappGate.REFUSAL);
    session.removeAttribute(SsoWebappGate.REFUSAL);
    model.addAttribute("refusal", refusal == null ? "Inloggningen godtogs inte." : refusal);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "sso/refused";
  }

  /** For the webapps' script: whether this session came through an identity provider. */
  @GetMapping(value = "/sso/status", produces = "application/json")
  @ResponseBody
  Map<String, Object> status(HttpSession session) {
    boolean local = session.getAttribute(SsoWebappGate.LOCAL_LOGIN) != null;
    return Map.of("configured", settings.enabled(), "sso", SsoWebappAuthentication.ssoLogin() != null,
        "local", local, "logout", SsoConfiguration.LOGOUT);
  }
}
