package se.samverkan.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The tests' readings of a PDF: veraPDF's verdict for the level the documents claim, and its text. */
public final class PdfA {

  /** The flavour of {@link DocumentRenderer#CONFORMANCE} (PDF/A-2a). */
  public static final PDFAFlavour FLAVOUR = PDFAFlavour.PDFA_2_A;

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfA() {}

  /** The failed rules of veraPDF's validation (empty when the PDF conforms), each with its clause and message. */
  public static List<String> violations(byte[] pdf) {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), FLAVOUR);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(FLAVOUR, false)) {
      ValidationResult result = validator.validate(parser);
      if (result.isCompliant()) {
        return List.of();
      }
      return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
          .distinct().toList();
    } catch (Exception e) {
      throw new AssertionError("veraPDF could not read the PDF", e);
    }
  }

  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new AssertionError("PDFBox could not read the PDF", e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new AssertionError("PDFBox could not read the PDF", e);
    }
  }
}
