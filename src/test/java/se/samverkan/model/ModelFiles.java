package se.samverkan.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The product's model files as they lie in the working tree (tests run from the project root). */
public final class ModelFiles {

  public static final Path PROCESSES = Path.of("processes");
  public static final Path FORMS = Path.of("forms");

  private ModelFiles() {}

  public static List<Path> bpmn() {
    return list(PROCESSES, ".bpmn");
  }

  public static List<Path> forms() {
    return list(FORMS, ".form");
  }

  public static List<Path> all() {
    return Stream.of(list(PROCESSES, ".bpmn"), list(PROCESSES, ".dmn"), list(FORMS, ".form"))
        .flatMap(List::stream)
        .toList();
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
