package se.samverkan.demo;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Samverkan where to log in, and in the demo with which users. */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    long millis = event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis();
    StringBuilder text = new StringBuilder()
        .append("\n\n  Samverkan är igång (").append(millis).append(" ms)\n")
        .append("  Tasklist, Cockpit och Admin:  http://localhost:").append(port).append("/\n")
        .append("  REST API (HTTP Basic):        http://localhost:").append(port).append("/engine-rest/\n");
    if (Arrays.asList(env.getActiveProfiles()).contains("demo")) {
      text.append("\n  Demoinloggningar, lösenord 'demo' för alla:\n")
          .append("    admin                       administratör (Admin, Cockpit)\n")
          .append("    samordnare.lycksele         brottsförebyggande samordnare, Lycksele\n")
          .append("    kommunledning.lycksele      kommunledning, Lycksele\n")
          .append("    kommunpolis.sodra-lappland  kommunpolis, södra Lappland\n")
          .append("    lpochef.sodra-lappland      lokalpolisområdeschef\n")
          .append("    socialtjanst.lycksele       EST-aktör (även skola., fritid. ...)\n")
          .append("    processagare, lansstyrelsen\n")
          .append("  Samma mönster för mala, sorsele, storuman, vilhelmina, asele, dorotea: <funktion>.<kommun>\n");
    }
    log.info(text.toString());
  }
}
