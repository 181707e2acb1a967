package se.samverkan.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

  private final DocumentRenderer renderer = new DocumentRenderer();

  @Test
  void shouldWriteSwedishTextInAConformingTaggedPdfA() throws Exception {
    byte[] pdf = renderer.pdf(DocumentContent.titled("Samverkansöverenskommelse – Södra Lappland")
        .lead("Avtalsperiod 2027–2030")
        .section("Gemensamma prioriteringar")
        .paragraph("Tryggheten vid resecentrum i Åsele, Malå och Dorotea.\nÖverenskommet på två rader.")
        .field("Underskrifter", "Kommunledning, Lycksele")
        .table("Underskrifter", List.of("Funktion", "Datum"), List.of(List.of("Lokalpolisområdeschef", "1 mars 2027")))
        .footer("Fastställd av Samverkan.")
        .build());

    assertThat(PdfA.violations(pdf)).isEmpty();
    String text = PdfA.text(pdf);
    assertThat(text).contains("Samverkansöverenskommelse – Södra Lappland", "Åsele, Malå och Dorotea",
        "Överenskommet på två rader.", "Lokalpolisområdeschef");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Samverkansöverenskommelse – Södra Lappland");
    }
  }

  @Test
  void shouldPaginateTextsAsLongAsTheFormsAllow() {
    String longText = IntStream.range(0, 400).mapToObj(i -> "ord" + i + "åäö").reduce((a, b) -> a + " " + b).orElseThrow();
    assertThat(longText.length()).isGreaterThan(3000).isLessThanOrEqualTo(4000);
    DocumentContent.Builder content = DocumentContent.titled("Medborgarlöfte – Lycksele").section("Löften");
    for (int i = 1; i <= 12; i++) {
      content.field("Löfte " + i, longText);
    }
    content.table("Aktiviteter", List.of("Löfte nr", "Aktivitet", "Ansvarig funktion", "Klart senast"),
        List.of(List.of("1", longText + " sista-raden-ett", "Skola, Lycksele", "30 juni 2027"),
            List.of("2", longText + " sista-raden-två", "Fritid, Lycksele", "31 maj 2027")));
    byte[] pdf = renderer.pdf(content.build());

    assertThat(PdfA.pages(pdf)).isGreaterThan(4);
    assertThat(PdfA.text(pdf).replaceAll("\\s+", " ")).contains("ord399åäö", "sista-raden-ett", "sista-raden-två");
    assertThat(PdfA.violations(pdf)).isEmpty();
  }

  @Test
  void shouldShowHtmlInFreeTextAsTextAndNeverRenderIt() {
    String html = "<b>fet</b> <script>alert('x')</script> <img src=\"http://example.org/x.png\"/> & <a href=\"x\">länk</a>";
    DocumentContent content = DocumentContent.titled("EST-mötesprotokoll").section("Lägesbild")
        .field("Hot spots", html).build();

    assertThat(renderer.xhtml(content)).contains("&lt;b&gt;fet&lt;/b&gt;", "&lt;script&gt;").doesNotContain("<script>");
    String text = PdfA.text(renderer.pdf(content));
    assertThat(text).contains("<b>fet</b>", "<script>alert('x')</script>", "<img src=\"http://example.org/x.png\"/>");
  }

  @Test
  void shouldReadNothingOutsideTheLayoutWhenItNamesAnExternalEntity() throws Exception {
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("samverkan-xxe", ".txt");
    java.nio.file.Files.writeString(secret, "HEMLIGT-INNEHALL");
    try {
      String layout = renderer.xhtml(DocumentContent.titled("EST-mötesprotokoll").section("Lägesbild")
              .field("Hot spots", "MARKERING").build())
          .replace("<!DOCTYPE html>", "<!DOCTYPE html [<!ENTITY ext SYSTEM \"" + secret.toUri() + "\">]>")
          .replace("MARKERING", "före &ext; efter");

      String text = PdfA.text(renderer.pdf(layout, "EST-mötesprotokoll"));

      assertThat(text).contains("före", "efter").doesNotContain("HEMLIGT-INNEHALL");
    } finally {
      java.nio.file.Files.delete(secret);
    }
  }

  /** The parsed fonts are shared between renders (ParsedFonts): several at once each embed their own text. */
  @Test
  void shouldRenderSeveralDocumentsAtOnceEachWithItsOwnText() throws Exception {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<byte[]>> pdfs = IntStream.range(0, 12)
          .mapToObj(i -> threads.submit(() -> renderer.pdf(DocumentContent.titled("EST-mötesprotokoll nr " + i)
              .section("Lägesbild").field("Hot spots", "Plats-" + i + " – åäö ÅÄÖ " + "ord ".repeat(i * 50))
              .build())))
          .toList();
      for (int i = 0; i < pdfs.size(); i++) {
        byte[] pdf = pdfs.get(i).get();
        assertThat(PdfA.text(pdf)).contains("EST-mötesprotokoll nr " + i, "Plats-" + i + " – åäö ÅÄÖ");
        assertThat(PdfA.violations(pdf)).as("document %d", i).isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * The largest document the processes make: an agreement of seven municipalities with long texts.
   * How long it takes is the benchmark's measurement (6), not a test's.
   */
  @Test
  void shouldRenderAnAgreementOfSevenMunicipalitiesAsAConformingPdfA() {
    List<String> municipalities = List.of("Lycksele", "Malå", "Sorsele", "Storuman", "Vilhelmina", "Åsele", "Dorotea");
    DocumentContent.Builder content = DocumentContent.titled("Samverkansöverenskommelse – Södra Lappland 2027–2030")
        .lead("Samverkansöverenskommelse mellan Polisen och kommunerna " + String.join(", ", municipalities) + ".")
        .section("Gemensamma prioriteringar och åtaganden").paragraph("Tryggheten vid resecentrum. ".repeat(100))
        .section("Varje kommuns åtgärder");
    municipalities.forEach(m -> content.field(m, ("Vuxenvandringar och belysning i " + m + ". ").repeat(40)));
    content.section("Underskrifter").table("Undertecknat av", List.of("Funktion", "Beslut", "Tidpunkt"),
        municipalities.stream().map(m -> List.of("Kommunledning, " + m, "Undertecknat", "måndag 1 mars 2027 kl. 10:15"))
            .toList());

    byte[] pdf = renderer.pdf(content.build());

    assertThat(PdfA.violations(pdf)).isEmpty();
    String text = PdfA.text(pdf).replaceAll("\\s+", " ");
    assertThat(text).contains("Vuxenvandringar och belysning i Dorotea.", "Kommunledning, Åsele");
    assertThat(PdfA.pages(pdf)).isGreaterThan(1);
  }

  @Test
  void shouldNameTheJdksXmlFactoriesSoJaxpNeedNotSearchEveryJarPerDocument() {
    renderer.pdf(DocumentContent.titled("Lägesbild").section("Läget").paragraph("Text").build());

    assertThat(System.getProperty("javax.xml.transform.TransformerFactory"))
        .isEqualTo(javax.xml.transform.TransformerFactory.newDefaultInstance().getClass().getName());
    assertThat(System.getProperty("javax.xml.parsers.DocumentBuilderFactory"))
        .isEqualTo(javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().getClass().getName());
  }

  @Test
  void shouldKeepAnXmlFactoryTheOperatorNamed() {
    String property = "javax.xml.transform.TransformerFactory";
    String before = System.getProperty(property);
    try {
      System.setProperty(property, "org.example.OperatorsTransformerFactory");

      DocumentRenderer.nameTheJdksXmlFactories();

      assertThat(System.getProperty(property)).isEqualTo("org.example.OperatorsTransformerFactory");
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void shouldRefuseContentOutsideASectionRatherThanLoseIt() {
    DocumentContent.Builder content = DocumentContent.titled("Lägesbild");

    assertThatIllegalStateException().isThrownBy(() -> content.paragraph("Text"))
        .withMessageContaining("section");
    assertThatIllegalStateException().isThrownBy(() -> content.field("Kommun", "Malå"));
    assertThatIllegalStateException()
        .isThrownBy(() -> content.table("Underskrifter", List.of("Funktion"), List.of(List.of("Kommunledning"))));
  }
}
