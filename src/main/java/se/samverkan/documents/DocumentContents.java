package se.samverkan.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import se.samverkan.engine.AsSystem;
import se.samverkan.engine.SwedishTime;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.JsonVariables;

/**
 * What each kind of document says, read from the process variables of the step that fixes it. The
 * variable names are the models' and forms' (see the constants classes of agreement, promise, est).
 */
final class DocumentContents {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
  private static final String NO_REJECTIONS = "Inga avslag.";
  private static final Map<String, String> ACTIVITY_STATUS =
      Map.of("ja", "Genomförd", "delvis", "Delvis genomförd", "nej", "Inte genomförd");
  private static final Map<String, String> INTERVENTION_OUTCOME = Map.of("genomford", "Genomförd",
      "delvis", "Delvis genomförd", "ej-genomford", "Inte genomförd", "ej-rapporterad", "Inte rapporterad");

  private final Organisation organisation;

  DocumentContents(Organisation organisation) {
    this.organisation = organisation;
  }

  DocumentContent of(DocumentKind kind, DelegateExecution execution) {
    return switch (kind) {
      case samverkansoverenskommelse -> agreement(execution);
      case medborgarlofte -> promise(execution);
      case uppfoljning_medborgarlofte -> yearlyFollowUp(execution);
      case est_protokoll -> estRecord(execution);
      case styrgrupp_rapport -> steeringReport(execution);
    };
  }

  /** The title a document of the kind gets, e.g. "Samverkansöverenskommelse – Södra Lappland 2027–2030". */
  String title(DocumentKind kind, DelegateExecution execution) {
    return switch (kind) {
      case samverkansoverenskommelse -> kind.label() + " – " + text(execution, "lpoNamn") + " "
          + text(execution, "avtalsperiod");
      case medborgarlofte -> "Medborgarlöfte – " + text(execution, "kommunNamn") + " " + text(execution, "avtalsperiod");
      case uppfoljning_medborgarlofte -> "Årlig uppföljning av medborgarlöftet – " + text(execution, "kommunNamn") + " "
          + today().getYear();
      case est_protokoll -> "Protokoll från EST-möte – " + text(execution, "kommunNamn") + ", "
          + text(execution, "motestidText");
      case styrgrupp_rapport -> "Styrgruppens rapport om EST – " + text(execution, "kommunNamn") + ", "
          + text(execution, "periodText");
    };
  }

  private DocumentContent agreement(DelegateExecution execution) {
    DocumentContent.Builder doc = DocumentContent.titled(title(DocumentKind.samverkansoverenskommelse, execution))
        .lead("Samverkansöverenskommelse mellan Polisen, lokalpolisområde " + text(execution, "lpoNamn")
            + ", och kommunerna " + municipalityNames(execution) + ".")
        .lead("Avtalsperiod: " + text(execution, "avtalsperiod"));
    doc.section("Parter")
        .field("Lokalpolisområde", text(execution, "lpoNamn"))
        .field("Kommuner", municipalityNames(execution))
        .field("Avtalsperiod", text(execution, "avtalsperiod"));
    doc.section("Gemensamma prioriteringar och åtaganden").paragraph(text(execution, "overenskommelseGemensamt"));
    doc.section("Varje kommuns åtgärder");
    for (JsonNode action : JsonVariables.read(execution, "kommunensAtgarder")) {
      doc.field(municipalityName(action.path("kommun").asText()), action.path("atgarder").asText());
    }
    signatures(doc, execution, true);
    List<List<String>> rounds = rejectionRounds(execution);
    doc.section("Avslag före undertecknandet");
    if (rounds.isEmpty()) {
      doc.paragraph("Ingen undertecknare avslog något utkast.");
    } else {
      doc.paragraph("Utkast som avslogs och skrevs om innan överenskommelsen undertecknades:")
          .table("Avslagna utkast", List.of("Omgång", "Avslaget", "Funktion och motivering"), rounds);
    }
    return doc.footer(footer(execution)).build();
  }

  private DocumentContent promise(DelegateExecution execution) {
    DocumentContent.Builder doc = DocumentContent.titled(title(DocumentKind.medborgarlofte, execution))
        .lead("Medborgarlöfte från Polisen och " + text(execution, "kommunNamn") + " kommun för avtalsperioden "
            + text(execution, "avtalsperiod") + ".");
    promisesAndActivities(doc, execution);
    signatures(doc, execution, false);
    return doc.footer(footer(execution)).build();
  }

  private DocumentContent yearlyFollowUp(DelegateExecution execution) {
    DocumentContent.Builder doc = DocumentContent.titled(title(DocumentKind.uppfoljning_medborgarlofte, execution))
        .lead("Polisens och " + text(execution, "kommunNamn") + " kommuns gemensamma uppföljning av medborgarlöftet, "
            + "avtalsperiod " + text(execution, "avtalsperiod") + ".")
        .lead("Uppföljningen gjord " + DAY.format(today()) + ".");
    doc.section("Redovisning till invånarna").paragraph(text(execution, "offentligRapport"));
    promisesAndActivities(doc, execution);
    List<List<String>> results = new ArrayList<>();
    for (JsonNode result : JsonVariables.read(execution, "aktivitetsresultat")) {
      results.add(List.of(result.path("lofte").asText(), result.path("vad").asText(), result.path("ansvarig").asText(),
          ACTIVITY_STATUS.getOrDefault(result.path("status").asText(), "–"), result.path("resultat").asText()));
    }
    doc.section("Aktiviteternas resultat");
    if (results.isEmpty()) {
      doc.paragraph("Inga aktiviteter har rapporterats ännu.");
    } else {
      doc.table("Rapporterade aktiviteter", List.of("Löfte", "Aktivitet", "Ansvarig", "Status", "Resultat"), results);
    }
    return doc.footer(footer(execution)).build();
  }

  private DocumentContent estRecord(DelegateExecution execution) {
    DocumentContent.Builder doc = DocumentContent.titled(title(DocumentKind.est_protokoll, execution))
        .lead("Effektiv samordning för trygghet (EST), " + text(execution, "kommunNamn") + ", lokalpolisområde "
            + text(execution, "lpoNamn") + ".")
        .lead("Mötet: " + text(execution, "motestidText"));
    List<String> present = JsonVariables.strings(execution, "narvaro");
    List<List<String>> attendance = new ArrayList<>();
    for (JsonNode option : JsonVariables.read(execution, "narvaroval")) {
      String function = option.path("value").asText();
      attendance.add(List.of(option.path("label").asText(functionName(function)),
          present.contains(function) ? "Närvarande" : "Inte närvarande"));
    }
    doc.section("Närvaro per funktion").table("Närvaro", List.of("Funktion", "Närvaro"), attendance);
    doc.section("Lägesbild")
        .field("Platser som kräver uppmärksamhet", text(execution, "lagesbildPlatser"))
        .field("Tider då det händer", text(execution, "lagesbildTider"))
        .field("Trender", text(execution, "lagesbildTrender"))
        .field("Nytt sedan förra mötet", text(execution, "lagesbildNytt"));
    List<List<String>> followUp = new ArrayList<>();
    for (JsonNode item : JsonVariables.read(execution, "uppfoljning")) {
      followUp.add(List.of(item.path("vad").asText(), item.path("var").asText(), item.path("ansvarigNamn").asText(),
          INTERVENTION_OUTCOME.getOrDefault(item.path("utfall").asText(), "–"), item.path("effekt").asText(),
          item.path("foraVidare").asBoolean(false) ? "Ja" : "Nej"));
    }
    doc.section("Uppföljning av förra mötets insatser");
    if (followUp.isEmpty()) {
      doc.paragraph("Inga insatser från förra mötet att följa upp.");
    } else {
      doc.table("Förra mötets insatser", List.of("Insats", "Var", "Ansvarig", "Utfall", "Effekt", "Förs vidare"),
          followUp);
    }
    List<List<String>> decided = new ArrayList<>();
    for (JsonNode item : JsonVariables.read(execution, "insatser")) {
      decided.add(List.of(item.path("vad").asText(), item.path("var").asText(), day(item.path("nar").asText()),
          functionName(item.path("ansvarig").asText())));
    }
    doc.section("Beslutade insatser");
    if (decided.isEmpty()) {
      doc.paragraph("Mötet beslutade inga nya insatser.");
    } else {
      doc.table("Beslutade insatser", List.of("Vad", "Var", "När", "Ansvarig funktion"), decided);
    }
    String priorities = text(execution, "styrgruppensPrioriteringar");
    if (!priorities.isBlank()) {
      doc.section("Styrgruppens prioriteringar").paragraph(plain(priorities));
    }
    return doc.footer(footer(execution)).build();
  }

  private DocumentContent steeringReport(DelegateExecution execution) {
    DocumentContent.Builder doc = DocumentContent.titled(title(DocumentKind.styrgrupp_rapport, execution))
        .lead("Styrgruppens strategiska genomgång av EST i " + text(execution, "kommunNamn") + ", perioden "
            + text(execution, "periodText") + ".");
    doc.section("Periodens siffror")
        .field("EST-möten hållna", text(execution, "antalMoten"))
        .field("Insatser beslutade", text(execution, "insatserBeslutade"))
        .field("Insatser genomförda", text(execution, "insatserGenomforda"));
    List<List<String>> missing = new ArrayList<>();
    JsonVariables.read(execution, "saknadeRapporterPerFunktion").fields()
        .forEachRemaining(e -> missing.add(List.of(e.getKey(), e.getValue().asText())));
    doc.section("Saknade rapporter per funktion");
    if (missing.isEmpty()) {
      doc.paragraph("Inga rapporter saknades.");
    } else {
      doc.table("Saknade rapporter", List.of("Funktion", "Antal saknade rapporter"), missing);
    }
    List<List<String>> places = new ArrayList<>();
    for (JsonNode place : JsonVariables.read(execution, "aterkommandePlatser")) {
      places.add(List.of(place.path("plats").asText(), place.path("antal").asText()));
    }
    doc.section("Återkommande platser");
    if (places.isEmpty()) {
      doc.paragraph("Inga platser återkom under perioden.");
    } else {
      doc.table("Återkommande platser", List.of("Plats", "Antal rapporter"), places);
    }
    doc.section("Prioriteringar för nästa period").paragraph(text(execution, "prioriteringar"));
    String yearly = text(execution, "arsanalys");
    if (!yearly.isBlank()) {
      doc.section("Årlig fördjupad analys").paragraph(yearly);
    }
    return doc.footer(footer(execution)).build();
  }

  private void promisesAndActivities(DocumentContent.Builder doc, DelegateExecution execution) {
    JsonNode promises = JsonVariables.read(execution, "loften");
    JsonNode activities = JsonVariables.read(execution, "aktiviteter");
    doc.section("Löften");
    int number = 0;
    for (JsonNode promise : promises) {
      number++;
      doc.field(number + ". " + promise.path("rubrik").asText(), promise.path("beskrivning").asText());
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode activity : activities) {
      rows.add(List.of(activity.path("lofteNr").asText(), activity.path("vad").asText(),
          functionName(activity.path("ansvarig").asText()), day(activity.path("klartSenast").asText())));
    }
    doc.section("Aktiviteter och ansvariga funktioner")
        .table("Aktiviteter", List.of("Löfte nr", "Aktivitet", "Ansvarig funktion", "Klart senast"), rows);
  }

  /**
   * The signatures of the round that signed: for which function, by whom (the person's name as the
   * identity service has it) and when; only signatures, never a rejection, unless {@code withDecision}.
   */
  private void signatures(DocumentContent.Builder doc, DelegateExecution execution, boolean withDecision) {
    List<List<String>> rows = new ArrayList<>();
    JsonVariables.read(execution, "underskrifter").fields().forEachRemaining(signature -> {
      JsonNode s = signature.getValue();
      if (!withDecision && !"signera".equals(s.path("beslut").asText())) {
        return;
      }
      rows.add(List.of(s.path("funktion").asText(functionName(signature.getKey())),
          person(execution, s.path("anvandare").asText()),
          "signera".equals(s.path("beslut").asText()) ? "Undertecknat" : "Avslaget", time(s.path("datum").asText())));
    });
    doc.section("Underskrifter")
        .table("Underskrifter", List.of("Funktion", "Undertecknat av", "Beslut", "Tidpunkt"), rows);
  }

  /** "Anna Berg (kommunledning.lycksele)", the user id alone without a name, "–" without a user. */
  private static String person(DelegateExecution execution, String userId) {
    if (userId.isBlank()) {
      return "–";
    }
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    return AsSystem.call(identity, () -> {
      org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(userId).singleResult();
      String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).strip();
      return name.isEmpty() ? userId : name + " (" + userId + ")";
    });
  }

  /**
   * The rounds that ended in a rejection, from the history of {@code avslagsmotiveringar} (each
   * round starts with "Inga avslag." and collects one line per rejection). Read as the system: the
   * signer who completes the last signature may not read the whole instance's history.
   */
  private List<List<String>> rejectionRounds(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    List<HistoricDetail> updates = AsSystem.call(identity, () -> {
      HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
          .processInstanceId(execution.getProcessInstanceId()).variableName("avslagsmotiveringar").singleResult();
      return variable == null ? List.<HistoricDetail>of() : history.createHistoricDetailQuery()
          .variableInstanceId(variable.getId()).variableUpdates().orderPartiallyByOccurrence().asc().list();
    });
    List<List<String>> rounds = new ArrayList<>();
    String round = null;
    Date roundTime = null;
    for (HistoricDetail detail : updates) {
      String value = JsonVariables.textOf(((HistoricVariableUpdate) detail).getValue()).strip();
      if (value.isEmpty() || NO_REJECTIONS.equals(value)) {
        if (round != null) {
          rounds.add(List.of(String.valueOf(rounds.size() + 1), time(roundTime), round));
        }
        round = null;
      } else {
        round = value.replace("**", "").replaceAll("(?m)^- ", "");
        roundTime = detail.getTime();
      }
    }
    if (round != null) {
      rounds.add(List.of(String.valueOf(rounds.size() + 1), time(roundTime), round));
    }
    return rounds;
  }

  private String footer(DelegateExecution execution) {
    return "Fastställt i Samverkan " + SwedishTime.spelledOut(now()) + " (ärende " + execution.getProcessInstanceId()
        + "). Dokumentet är arkivformat PDF/A-2a och ändras inte efter att det har fastställts.";
  }

  private String municipalityNames(DelegateExecution execution) {
    List<String> names = JsonVariables.strings(execution, "kommuner").stream().map(this::municipalityName).toList();
    return String.join(", ", names);
  }

  private String municipalityName(String slug) {
    return organisation.municipality(slug).map(m -> m.name()).orElse(slug);
  }

  private String functionName(String groupId) {
    return organisation.function(groupId).map(OrganisationFunction::name).orElse(groupId);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number || value instanceof Boolean ? String.valueOf(value) : JsonVariables.textOf(value);
  }

  /** Markdown emphasis the engine's own texts carry, left out in print. */
  private static String plain(String markdown) {
    return markdown.replace("**", "").replaceAll("(?m)^#+ ", "");
  }

  static ZonedDateTime now() {
    return ZonedDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
        SwedishTime.ZONE);
  }

  static LocalDate today() {
    return now().toLocalDate();
  }

  private static String time(Date time) {
    return time == null ? "–" : SwedishTime.spelledOut(ZonedDateTime.ofInstant(time.toInstant(), SwedishTime.ZONE));
  }

  /** An ISO time ("2027-03-01T10:15+01:00") spelled out in Swedish; other text as it is. */
  private static String time(String iso) {
    try {
      return SwedishTime.spelledOut(OffsetDateTime.parse(iso).atZoneSameInstant(SwedishTime.ZONE));
    } catch (DateTimeParseException e) {
      return iso.isBlank() ? "–" : iso;
    }
  }

  /** A date ("2027-06-30", or a time of day) as "30 juni 2027"; other text as it is. */
  private static String day(String iso) {
    if (iso.length() >= 10) {
      try {
        return DAY.format(LocalDate.parse(iso.substring(0, 10)));
      } catch (DateTimeParseException e) {
        // not a date: shown as written
      }
    }
    return iso.isBlank() ? "–" : iso;
  }
}
