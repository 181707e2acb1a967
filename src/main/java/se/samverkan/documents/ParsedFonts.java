package se.samverkan.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * DejaVu Sans, regular and bold, parsed once and lent to one render at a time: parsing the two
 * fonts again for every PDF was about a quarter of a PDF's CPU (docs/benchmark/results-2026-12-04-tasklist-profile.md).
 * A parsed font is read while a document embeds its subset, and PDFBox's font classes are not made
 * for several documents reading one at the same time, so each render borrows a pair of its own: as
 * many pairs exist as renders ran at once, and up to {@link #IDLE} of them are kept for the next ones.
 */
final class ParsedFonts {

  /** A regular and a bold face, used by one render at a time. */
  record Faces(TrueTypeFont regular, TrueTypeFont bold) {}

  private static final int IDLE = 4;

  private final byte[] regular;
  private final byte[] bold;
  private final BlockingQueue<Faces> idle = new ArrayBlockingQueue<>(IDLE);

  ParsedFonts(byte[] regular, byte[] bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** A pair no other render uses until it is {@linkplain #giveBack given back}. */
  Faces borrow() {
    Faces faces = idle.poll();
    return faces != null ? faces : new Faces(parse(regular), parse(bold));
  }

  /** Returns a pair borrowed before; it is kept for the next render, or closed if enough are kept. */
  void giveBack(Faces faces) {
    if (!idle.offer(faces)) {
      close(faces);
    }
  }

  private static TrueTypeFont parse(byte[] font) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(font));
    } catch (IOException e) {
      throw new UncheckedIOException("Typsnittet DejaVu Sans kunde inte läsas", e);
    }
  }

  private static void close(Faces faces) {
    try {
      faces.regular().close();
      faces.bold().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
