package se.samverkan.overview;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriUtils;
import se.samverkan.documents.DocumentInfo;
import se.samverkan.documents.Documents;
import se.samverkan.engine.SwedishTime;
import se.samverkan.overview.OverviewAccess.Reader;

/**
 * Läget, in Swedish, on the webapps' session (no login of its own): {@code /samverkan/laget} lists
 * the LPOs and municipalities the reader may see, {@code /samverkan/laget/lpo/<lpo>} one LPO's
 * municipalities side by side, {@code /samverkan/laget/kommun/<kommun>} one municipality. Not
 * logged in: to the webapps' start page to log in. A municipality or LPO the reader may not see
 * answers 404 exactly as one that does not exist.
 */
@Controller
@RequestMapping(OverviewPage.PATH)
class OverviewPage {

  static final String PATH = "/samverkan/laget";
  static final String LOGIN = "/camunda/app/welcome/default/";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

  /** A fixed document as the pages list it: a link to the PDF on the session, its kind, when it was fixed. */
  record DocumentLink(String href, String title, String kind, String fixedOn, String diarienummer) {

    static DocumentLink of(DocumentInfo document) {
      return new DocumentLink("/samverkan/dokument/" + UriUtils.encodePathSegment(document.id(), StandardCharsets.UTF_8),
          document.title(), document.kindLabel(), DAY.format(document.createdAt().atZone(SwedishTime.ZONE)),
          document.diarienummer() == null || document.diarienummer().isBlank() ? "–" : document.diarienummer());
    }
  }

  private final OverviewAccess access;
  private final Overviews overviews;
  private final Documents documents;

  OverviewPage(OverviewAccess access, Overviews overviews, Documents documents) {
    this.access = access;
    this.overviews = overviews;
    this.documents = documents;
  }

  @GetMapping
  String start(HttpServletRequest request, HttpServletResponse response, Model model) {
    Reader reader = access.reader(request).orElse(null);
    if (reader == null) {
      return "redirect:" + LOGIN;
    }
    model.addAttribute("reader", reader);
    model.addAttribute("entries", overviews.start(reader));
    return "overview/start";
  }

  @GetMapping("/lpo/{lpo}")
  String lpo(@PathVariable String lpo, HttpServletRequest request, HttpServletResponse response, Model model) {
    Reader reader = access.reader(request).orElse(null);
    if (reader == null) {
      return "redirect:" + LOGIN;
    }
    model.addAttribute("reader", reader);
    return overviews.lpo(reader, lpo).map(page -> {
      model.addAttribute("page", page);
      model.addAttribute("documents", documents.visibleInLpo(reader.groups(), lpo).stream().map(DocumentLink::of).toList());
      return "overview/lpo";
    }).orElseGet(() -> notFound(response));
  }

  @GetMapping("/kommun/{kommun}")
  String municipality(@PathVariable String kommun, HttpServletRequest request, HttpServletResponse response, Model model) {
    Reader reader = access.reader(request).orElse(null);
    if (reader == null) {
      return "redirect:" + LOGIN;
    }
    model.addAttribute("reader", reader);
    return overviews.municipality(reader, kommun).map(page -> {
      model.addAttribute("page", page);
      model.addAttribute("documents", documents.visibleTo(reader.groups(), kommun).stream().map(DocumentLink::of).toList());
      return "overview/kommun";
    }).orElseGet(() -> notFound(response));
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "overview/notfound";
  }
}
