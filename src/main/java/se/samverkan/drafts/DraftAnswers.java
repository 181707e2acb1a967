package se.samverkan.drafts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The drafts' answers, the same through the webapps' session and through /engine-rest. */
final class DraftAnswers {

  private DraftAnswers() {}

  static Map<String, Object> of(TaskDraftService.View view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("finns", true);
    body.put("varden", view.values());
    body.put("sparatAv", view.savedBy());
    body.put("sparatAvNamn", view.savedByName());
    body.put("sparatTid", view.savedAt().toInstant().toString());
    body.put("meddelande", view.notice());
    return body;
  }

  static Map<String, Object> none() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("finns", false);
    body.put("meddelande", "Inget utkast är sparat för uppgiften.");
    return body;
  }

  static Map<String, Object> refused(String message) {
    return Map.of("message", message);
  }
}
