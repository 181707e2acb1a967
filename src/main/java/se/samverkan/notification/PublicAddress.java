package se.samverkan.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where people reach Samverkan, the start of every link in a mail: configured
 * ({@code SAMVERKAN_PUBLIC_URL}, or the Tasklist address itself with {@code SAMVERKAN_TASKLIST_URL}),
 * never taken from a request's Host header, which whoever sends the request chooses. Outside
 * production it defaults to this machine's port; in production it is required and must be https
 * on a name other people can open.
 */
final class PublicAddress {

  private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0");

  private PublicAddress() {}

  /** The Tasklist address, checked; refuses the start with a Swedish reason otherwise. */
  static String tasklistUrl(String configured, boolean production) {
    String problem = problem(configured, production);
    if (problem != null) {
      throw new IllegalStateException("Samverkan startar inte: länkarna i e-posten behöver Samverkans adress ("
          + problem + "). Sätt SAMVERKAN_PUBLIC_URL till adressen användarna öppnar, t.ex. "
          + "https://samverkan.kommun.se. Nu: '" + configured + "'.");
    }
    return configured;
  }

  /** What is wrong with the address, or null. */
  static String problem(String configured, boolean production) {
    URI uri;
    try {
      uri = new URI(configured == null ? "" : configured.strip());
    } catch (URISyntaxException e) {
      return "adressen går inte att läsa";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return production && configured.strip().startsWith("/") ? "den är inte satt" : "den ska börja med https://";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "den saknar värdnamn";
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "den får inte innehålla användarnamn, frågedel eller #";
    }
    if (production && !scheme.equals("https")) {
      return "i drift ska den börja med https://";
    }
    if (production && THIS_MACHINE.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return "i drift ska den vara ett namn som andra når, inte " + uri.getHost();
    }
    return null;
  }
}
