package se.samverkan.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a document's content to a tagged PDF/A-2a (PDF/UA tagging for screen readers) in Swedish:
 * the Thymeleaf template {@code templates/documents/dokument.html} (XHTML, every text escaped) laid
 * out by openhtmltopdf on PDFBox, with DejaVu Sans embedded and the JDK's sRGB profile as output
 * intent. Nothing is fetched while rendering: fonts and profile come from the classpath and the JDK.
 */
public final class DocumentRenderer {

  /** The level the documents claim and the tests validate with veraPDF. */
  public static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_A;
  public static final String FONT_FAMILY = "DejaVu Sans";
  private static final String TEMPLATE = "dokument";
  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private final TemplateEngine templates;
  private final byte[] regular;
  private final byte[] bold;
  private final byte[] colorProfile;

  public DocumentRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentRenderer.class.getClassLoader());
    resolver.setPrefix("templates/documents/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    this.templates = engine;
    this.regular = resource("documents/fonts/DejaVuSans.ttf");
    this.bold = resource("documents/fonts/DejaVuSans-Bold.ttf");
    this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  /** The document as XHTML, what the PDF is laid out from (for tests and for reading the layout). */
  public String xhtml(DocumentContent content) {
    return templates.process(TEMPLATE, new Context(SWEDISH, Map.of("doc", content)));
  }

  public byte[] pdf(DocumentContent content) {
    return pdf(xhtml(content), content.title());
  }

  /**
   * The PDF of a layout {@link #xhtml} made: what a fixed document is rendered from after its step
   * committed ({@code title} names it in the error).
   */
  public byte[] pdf(String xhtml, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(CONFORMANCE);
    builder.usePdfUaAccessibility(true);
    builder.useColorProfile(colorProfile);
    builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withProducer("Samverkan");
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Dokumentet «" + title + "» kunde inte skapas", e);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String path) {
    try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Saknar " + path + " på klassvägen");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
