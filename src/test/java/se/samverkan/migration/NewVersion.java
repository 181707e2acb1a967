package se.samverkan.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import se.samverkan.model.ModelFiles;

/**
 * The product's models and forms as a process owner changes them in Modeler: text edits on the
 * files of processes/ and forms/, deployed together as the next version (as the application does).
 */
final class NewVersion {

  private final Map<String, String> files = new LinkedHashMap<>();

  private NewVersion() {
    for (Path file : ModelFiles.all()) {
      try {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static NewVersion ofTheProduct() {
    return new NewVersion();
  }

  NewVersion edit(String file, UnaryOperator<String> change) {
    String before = files.get(file);
    String after = change.apply(before);
    if (after.equals(before)) {
      throw new IllegalStateException("the edit changed nothing in " + file);
    }
    files.put(file, after);
    return this;
  }

  NewVersion replace(String file, String text, String replacement) {
    return edit(file, content -> content.replace(text, replacement));
  }

  /** Removes every match of the regular expression (dot matches newlines). */
  NewVersion remove(String file, String regex) {
    return edit(file, content -> Pattern.compile(regex, Pattern.DOTALL).matcher(content).replaceAll(""));
  }

  String deploy(RepositoryService repository, String name) {
    var deployment = repository.createDeployment().name(name);
    files.forEach((file, content) ->
        deployment.addInputStream(file, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    return deployment.deploy().getId();
  }
}
