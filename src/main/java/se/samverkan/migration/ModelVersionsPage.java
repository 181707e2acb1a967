package se.samverkan.migration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The process owner's page, in Swedish: {@code /samverkan/modellversioner} lists per process how
 * many instances run on which version; {@code /samverkan/modellversioner/<definition id>} shows the
 * plan to the latest version and runs it (all movable instances, or those in chosen steps); {@code
 * /samverkan/modellversioner/batch/<id>} shows how the batch went. Logged in through Cockpit.
 */
@Controller
@RequestMapping(ModelVersionsPage.PATH)
class ModelVersionsPage {

  static final String PATH = "/samverkan/modellversioner";

  private final ModelVersions versions;
  private final ProcessOwnerAccess access;

  ModelVersionsPage(ModelVersions versions, ProcessOwnerAccess access) {
    this.versions = versions;
    this.access = access;
  }

  @GetMapping
  String overview(HttpServletRequest request, Model model) {
    model.addAttribute("user", access.processOwner(request));
    model.addAttribute("processes", versions.overview());
    return "migration/overview";
  }

  @GetMapping("/{definitionId}")
  String proposal(@PathVariable String definitionId, HttpServletRequest request, Model model) {
    model.addAttribute("user", access.processOwner(request));
    model.addAttribute("proposal", versions.propose(definitionId));
    model.addAttribute("csrf", access.csrfToken(request));
    return "migration/proposal";
  }

  @PostMapping("/{definitionId}/flytta")
  String migrate(@PathVariable String definitionId, @RequestParam(name = "steg", required = false) List<String> steps,
      HttpServletRequest request) {
    String user = access.processOwnerPosting(request);
    String batch = versions.migrate(definitionId, steps == null ? List.of() : steps, user);
    return "redirect:" + PATH + "/batch/" + batch;
  }

  @GetMapping("/batch/{batchId}")
  String batch(@PathVariable String batchId, HttpServletRequest request, Model model) {
    model.addAttribute("user", access.processOwner(request));
    model.addAttribute("batch", versions.batch(batchId)
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
            "Ingen flytt med id " + batchId + ".")));
    return "migration/batch";
  }

  @ExceptionHandler(ResponseStatusException.class)
  String refused(ResponseStatusException refusal, HttpServletResponse response, Model model) {
    response.setStatus(refusal.getStatusCode().value());
    model.addAttribute("message", refusal.getReason());
    model.addAttribute("status", refusal.getStatusCode().value());
    return "migration/refused";
  }

  @ExceptionHandler(MigrationRefusedException.class)
  String notRun(MigrationRefusedException refusal, HttpServletResponse response, Model model) {
    response.setStatus(409);
    model.addAttribute("message", refusal.getMessage());
    model.addAttribute("status", 409);
    return "migration/refused";
  }

  @ExceptionHandler(NullValueException.class)
  String unknownVersion(HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("message", "Den versionen finns inte.");
    model.addAttribute("status", 404);
    return "migration/refused";
  }
}
