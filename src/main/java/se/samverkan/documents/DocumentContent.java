package se.samverkan.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * What a document says, as plain texts in sections: the template lays it out, escapes every text and
 * keeps its line breaks. Free text from the forms stays text here; nothing in it is read as HTML.
 */
public record DocumentContent(String title, List<String> lead, List<Section> sections, String footer) {

  /** A heading with labelled values, paragraphs and at most one table. */
  public record Section(String heading, List<Field> fields, Table table) {}

  /** A labelled value, or a paragraph when {@code label} is null. */
  public record Field(String label, String text) {}

  public record Table(String caption, List<String> header, List<List<String>> rows) {}

  public static Builder titled(String title) {
    return new Builder(title);
  }

  public static final class Builder {
    private final String title;
    private final List<String> lead = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private String footer = "";
    private String heading;
    private List<Field> fields;
    private Table table;

    private Builder(String title) {
      this.title = title;
    }

    public Builder lead(String line) {
      lead.add(line);
      return this;
    }

    public Builder section(String heading) {
      close();
      this.heading = heading;
      this.fields = new ArrayList<>();
      this.table = null;
      return this;
    }

    /** A labelled value; an empty value is written as "–", so a reader sees that nothing was entered. */
    public Builder field(String label, String text) {
      requireSection();
      fields.add(new Field(label, text == null || text.isBlank() ? "–" : text.strip()));
      return this;
    }

    public Builder paragraph(String text) {
      requireSection();
      if (text != null && !text.isBlank()) {
        fields.add(new Field(null, text.strip()));
      }
      return this;
    }

    public Builder table(String caption, List<String> header, List<List<String>> rows) {
      requireSection();
      this.table = new Table(caption, List.copyOf(header), rows.stream().map(List::copyOf).toList());
      return this;
    }

    public Builder footer(String text) {
      this.footer = text;
      return this;
    }

    public DocumentContent build() {
      close();
      return new DocumentContent(title, List.copyOf(lead), List.copyOf(sections), footer);
    }

    /** Fields, paragraphs and tables belong to a section; without one they would be lost from the document. */
    private void requireSection() {
      if (heading == null) {
        throw new IllegalStateException("A field, paragraph or table belongs to a section: call section(...) first");
      }
    }

    private void close() {
      if (heading != null) {
        sections.add(new Section(heading, List.copyOf(fields), table));
        heading = null;
      }
    }
  }
}
