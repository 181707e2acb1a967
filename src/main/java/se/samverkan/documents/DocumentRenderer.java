package se.samverkan.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerFactory;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders a document's content to a tagged PDF/A-2a (PDF/UA tagging for screen readers) in Swedish:
 * the Thymeleaf template {@code templates/documents/dokument.html} (XHTML, every text escaped) laid
 * out by openhtmltopdf on PDFBox, with DejaVu Sans embedded and the JDK's sRGB profile as output
 * intent. Nothing is fetched while rendering: fonts and profile come from the classpath and the JDK;
 * the fonts are parsed once and lent to one render at a time ({@link ParsedFonts}), and the layout is
 * read by one XML parser factory made once, which follows no external entity, DTD or XInclude.
 */
public final class DocumentRenderer {

  /** The level the documents claim and the tests validate with veraPDF. */
  public static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_A;
  public static final String FONT_FAMILY = "DejaVu Sans";
  private static final String TEMPLATE = "dokument";
  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  static {
    nameTheJdksXmlFactories();
  }

  private final TemplateEngine templates;
  private final ParsedFonts fonts;
  private final byte[] colorProfile;
  private final DocumentBuilderFactory xml = layoutParsers();

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
    this.fonts = new ParsedFonts(resource("documents/fonts/DejaVuSans.ttf"), resource("documents/fonts/DejaVuSans-Bold.ttf"));
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
    // read first: a layout that cannot be read leaves no font borrowed and no document open
    Document layout = parse(xhtml, title);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    ParsedFonts.Faces faces = fonts.borrow();
    // the renderer closes the document; the parsed fonts stay open for the next render
    PDDocument document = new PDDocument();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.usePDDocument(document);
    builder.useFastMode();
    builder.usePdfAConformance(CONFORMANCE);
    builder.usePdfUaAccessibility(true);
    builder.useColorProfile(colorProfile);
    builder.useFont(embedded(document, faces.regular(), title), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(embedded(document, faces.bold(), title), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withProducer("Samverkan");
    builder.withW3cDocument(layout, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Dokumentet «" + title + "» kunde inte skapas", e);
    } finally {
      fonts.giveBack(faces);
    }
    return out.toByteArray();
  }

  /** The font embedded in {@code document} as a subset, when the layout first uses it. */
  private static PDFontSupplier embedded(PDDocument document, TrueTypeFont font, String title) {
    return new PDFontSupplier(null) {
      @Override
      public PDFont supply() {
        try {
          return PDType0Font.load(document, font, true);
        } catch (IOException e) {
          throw new UncheckedIOException("Typsnittet i dokumentet «" + title + "» kunde inte bäddas in", e);
        }
      }
    };
  }

  /**
   * The layout as a DOM. openhtmltopdf would look up a SAX parser and a transformer factory on the
   * class path for every document; one factory serves every render (its builders are made per render).
   */
  private Document parse(String xhtml, String title) {
    try {
      DocumentBuilder parser;
      synchronized (xml) {
        parser = xml.newDocumentBuilder();
      }
      return parser.parse(new InputSource(new StringReader(xhtml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("Dokumentet «" + title + "» har en layout som inte går att läsa", e);
    }
  }

  /** Namespace aware, as XHTML needs; nothing outside the layout is read (no external entity, DTD or XInclude). */
  private static DocumentBuilderFactory layoutParsers() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML-läsaren för dokumentens layout kan inte göras säker", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /**
   * PDFBox's XMP serializer, which openhtmltopdf runs for every PDF/A, asks JAXP for a new transformer
   * and document builder factory each time, and with no factory named JAXP looks for one in the
   * {@code META-INF/services} of every jar on the class path before it takes the JDK's own: about a
   * twentieth of a document's rendering time. Samverkan's class path has no other JAXP implementation, so
   * naming the JDK's ones changes no parser, only the search. A factory an operator names
   * ({@code -Djavax.xml...}) is kept.
   */
  static void nameTheJdksXmlFactories() {
    Map.of(TransformerFactory.class, TransformerFactory.newDefaultInstance().getClass(),
            DocumentBuilderFactory.class, DocumentBuilderFactory.newDefaultInstance().getClass())
        .forEach((factoryType, jdkImplementation) -> {
          String factory = factoryType.getName();
          if (System.getProperty(factory) == null) {
            System.setProperty(factory, jdkImplementation.getName());
          }
        });
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
