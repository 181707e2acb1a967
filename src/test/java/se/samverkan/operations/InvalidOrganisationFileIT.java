package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samverkan.organisation.OrganisationFileException;

/**
 * An operator points SAMVERKAN_ORGANISATION_FILE at a file with a mistake: Samverkan must refuse
 * to start and say which file, which line and what is wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidOrganisationFileIT {

  @TempDir Path folder;

  @Test
  void shouldRefuseToStartAndNameFileLineAndProblemOfAnUnknownField(CapturedOutput output) throws IOException {
    // line 17 of the shipped file is "    applications: [tasklist]" of kommunpolis
    Path file = brokenCopy(17, "    applikationer: [tasklist]");

    Throwable refusal = start(file);

    OrganisationFileException cause = organisationProblemIn(refusal);
    assertThat(cause.getMessage())
        .contains(file.toString())
        .contains("rad 17")
        .contains("okänt fält 'applikationer'");
    assertThat(output.getAll()).contains("rad 17");
  }

  @Test
  void shouldRefuseToStartAndNameAnUnknownEstActor() throws IOException {
    Path file = Files.createTempFile(folder, "organisation", ".yaml");
    Files.writeString(file, shippedFile().replace("actors: [socialtjanst, skola, fritid, raddningstjanst, bostadsbolag]",
        "actors: [socialtjanst, skola, polishus]"), StandardCharsets.UTF_8);

    OrganisationFileException cause = organisationProblemIn(start(file));

    assertThat(cause.getMessage()).contains(file.toString()).contains("kommunen lycksele har okänd EST-aktör polishus");
  }

  @Test
  void shouldRefuseToStartAndNameTheLineOfBrokenYaml() throws IOException {
    Path file = brokenCopy(20, "    name: [Lokalpolisområdeschef");

    OrganisationFileException cause = organisationProblemIn(start(file));

    assertThat(cause.getMessage()).contains(file.toString()).containsPattern("rad 2[0-9]");
  }

  @Test
  void shouldRefuseToStartWhenTheFileIsMissing() {
    Path missing = folder.resolve("finns-inte.yaml");

    OrganisationFileException cause = organisationProblemIn(start(missing));

    assertThat(cause.getMessage()).contains("Organisationsfilen finns inte").contains(missing.toString());
  }

  private Throwable start(Path organisationFile) {
    return catchThrowable(() -> SeparateApplication.start("badorganisation" + System.nanoTime(),
        SeparateApplication.newH2Url(),
        "--spring.profiles.active=demo",
        "--SAMVERKAN_ORGANISATION_FILE=file:" + organisationFile).close());
  }

  private static OrganisationFileException organisationProblemIn(Throwable refusal) {
    assertThat(refusal).as("the application refused to start").isNotNull();
    for (Throwable t = refusal; t != null; t = t.getCause()) {
      if (t instanceof OrganisationFileException problem) {
        return problem;
      }
    }
    throw new AssertionError("no organisation problem in " + refusal, refusal);
  }

  private Path brokenCopy(int line, String replacement) throws IOException {
    String[] lines = shippedFile().split("\n", -1);
    lines[line - 1] = replacement;
    Path file = Files.createTempFile(folder, "organisation", ".yaml");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    return file;
  }

  private static String shippedFile() throws IOException {
    try (InputStream in = InvalidOrganisationFileIT.class.getResourceAsStream("/organisation.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
