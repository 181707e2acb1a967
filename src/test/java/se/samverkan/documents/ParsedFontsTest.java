package se.samverkan.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ParsedFontsTest {

  private final ParsedFonts fonts = new ParsedFonts(font("DejaVuSans.ttf"), font("DejaVuSans-Bold.ttf"));

  @Test
  void shouldLendAPairToOneRenderAtATimeAndKeepItForTheNext() throws Exception {
    ParsedFonts.Faces first = fonts.borrow();
    ParsedFonts.Faces second = fonts.borrow();

    assertThat(second.regular()).isNotSameAs(first.regular());
    assertThat(second.bold()).isNotSameAs(first.bold());
    assertThat(first.regular().getName()).isEqualTo("DejaVuSans");
    assertThat(first.bold().getName()).isEqualTo("DejaVuSans-Bold");

    fonts.giveBack(first);
    ParsedFonts.Faces third = fonts.borrow();
    assertThat(third).isSameAs(first);
    assertThat(third.regular().getNumberOfGlyphs()).isGreaterThan(5000);
  }

  private static byte[] font(String name) {
    try (InputStream in = ParsedFontsTest.class.getClassLoader().getResourceAsStream("documents/fonts/" + name)) {
      return in.readAllBytes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
