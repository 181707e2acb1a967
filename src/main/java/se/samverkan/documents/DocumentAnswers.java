package se.samverkan.documents;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverkan.engine.SwedishTime;

/** The JSON both doors answer with (REST and the webapps' session), and the PDF's headers. */
final class DocumentAnswers {

  private DocumentAnswers() {}

  static Map<String, Object> of(DocumentInfo document, String downloadPath) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", document.id());
    answer.put("typ", document.kind().id());
    answer.put("typNamn", document.kindLabel());
    answer.put("titel", document.title());
    answer.put("kommun", document.kommun());
    answer.put("lpo", document.lpo());
    answer.put("processInstanceId", document.processInstanceId());
    answer.put("steg", document.step());
    answer.put("skapad", document.createdAt().atZone(SwedishTime.ZONE).toOffsetDateTime().withNano(0).toString());
    answer.put("bevarasTill", document.retainUntil().toString());
    answer.put("filnamn", document.fileName());
    answer.put("sha256", document.sha256());
    answer.put("diarienummer", document.diarienummer());
    answer.put("url", downloadPath + "/" + document.id());
    return answer;
  }

  static List<Map<String, Object>> of(List<DocumentInfo> documents, String downloadPath) {
    return documents.stream().map(d -> of(d, downloadPath)).toList();
  }

  static Map<String, Object> message(String text) {
    return Map.of("message", text);
  }

  /** {@code attachment} with the ASCII file name and its RFC 5987 form. */
  static String contentDisposition(DocumentInfo document) {
    String name = document.fileName();
    return "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String etag(DocumentInfo document) {
    return "\"" + document.sha256() + "\"";
  }

  static final String NOT_FOUND = "Dokumentet finns inte, eller så har du ingen funktion som får läsa det.";

}
