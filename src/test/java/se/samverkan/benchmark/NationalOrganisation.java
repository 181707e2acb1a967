package se.samverkan.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A national organisation for the benchmark: the functions of the product's organisation.yaml and
 * {@code lpos} local police areas with {@code municipalities} municipalities spread over them, each
 * with an EST group of five actors that meets weekly (weekday and hour spread over the country). Slugs {@code lpo-01}, {@code kommun-001}.
 */
final class NationalOrganisation {

  static final String[] EST_ACTORS = {"socialtjanst", "skola", "fritid", "raddningstjanst", "bostadsbolag"};
  static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday"};

  private NationalOrganisation() {}

  static String lpoSlug(int lpo) {
    return String.format("lpo-%02d", lpo + 1);
  }

  static String municipalitySlug(int municipality) {
    return String.format("kommun-%03d", municipality + 1);
  }

  /** Municipality i belongs to LPO i mod lpos. */
  static int lpoOf(int municipality, int lpos) {
    return municipality % lpos;
  }

  static Path write(Path file, int municipalities, int lpos) throws IOException {
    String product;
    try (InputStream in = NationalOrganisation.class.getResourceAsStream("/organisation.yaml")) {
      product = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder yaml = new StringBuilder(product.substring(0, product.indexOf("\nlpos:") + 1));
    yaml.append("lpos:\n");
    for (int lpo = 0; lpo < lpos; lpo++) {
      yaml.append("  - slug: ").append(lpoSlug(lpo)).append('\n');
      yaml.append("    name: Lokalpolisområde ").append(lpo + 1).append('\n');
      yaml.append("    municipalities:\n");
      for (int m = lpo; m < municipalities; m += lpos) {
        yaml.append("      - slug: ").append(municipalitySlug(m)).append('\n');
        yaml.append("        name: Kommun ").append(m + 1).append('\n');
        yaml.append("        est:\n          actors: [").append(String.join(", ", EST_ACTORS)).append("]\n");
        yaml.append("          cadence: {every: weekly, weekday: ").append(WEEKDAYS[m % WEEKDAYS.length])
            .append(", time: \"").append(m % 2 == 0 ? "09:00" : "13:00").append("\"}\n");
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
