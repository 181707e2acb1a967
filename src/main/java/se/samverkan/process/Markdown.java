package se.samverkan.process;

/** Small helpers for the markdown that forms show with {{variable}} templating. */
public final class Markdown {

  private Markdown() {}

  /** Text as a markdown block: blank lines kept, nothing interpreted as a heading. */
  public static String block(String text) {
    if (text == null || text.isBlank()) {
      return "_(inte ifyllt)_";
    }
    return text.strip().replace("\r\n", "\n").replaceAll("(?m)^#", "\\\\#");
  }

  /** A value for a table cell: one line, no pipes. */
  public static String cell(String text) {
    if (text == null || text.isBlank()) {
      return "–";
    }
    return text.strip().replace("\r\n", " ").replace('\n', ' ').replace("|", "/");
  }

  /** The date part of an ISO timestamp. */
  public static String date(String isoTimestamp) {
    return isoTimestamp == null || isoTimestamp.length() < 10 ? "" : isoTimestamp.substring(0, 10);
  }
}
