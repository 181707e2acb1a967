package se.samverkan.modelrules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The beans Samverkan publishes for models: the only beans an expression can reach, at deployment
 * (ModelExpressions) and at run time (the engine's bean map, ModelElResolver). A bean used as
 * {@code ${name}} is a delegate or listener the engine calls itself; a bean with methods may be
 * called in expressions with exactly those methods. A new bean for models is added here, and in the
 * list "Modellens bönor" in docs/process-owners.md (ModelExpressionsTest checks it).
 */
public final class ModelBeans {

  /** One published bean: its Spring name, whether it is a delegate/listener, the methods models may call. */
  public record Bean(String name, boolean delegate, Set<String> methods, String purpose) {}

  private static final Map<String, Bean> BEANS = new LinkedHashMap<>();

  static {
    delegate("formValidation", "kontrollerar formulärets värden på servern (complete); motorn lägger till den på varje uppgift, en modell behöver inte ange den");
    delegate("checklistComplete", "vägrar slutföra en uppgift vars att göra-checklista inte är klar (complete); motorn lägger till den på varje uppgift");
    delegate("taskReminder", "påminnelse till funktionen när en uppgift står still (timeout)");
    delegate("taskEscalation", "eskalerar en uppgift som står still (timeout)");
    delegate("sharedLessons", "visar LPO:ns andra kommuners lärdomar (create)");
    delegate("lessonRecorder", "sparar uppföljningens lärdomar (complete)");
    bean("signatureCollector", true, Set.of("newRound"),
        "samlar underskrifter (complete); newRound(execution) börjar en ny omgång");
    bean("lawDuties", false, Set.of("met", "metForAll"),
        "met(execution, krav)/metForAll(execution, krav) noterar att ett lagkrav (2023:196) är uppfyllt");
    bean("documents", false, Set.of("fix"),
        "fix(execution, dokumenttyp) fastställer stegets dokument (PDF/A) och sparar det med egen målgrupp och gallring");
    bean("organisation", false, Set.of("municipality", "lpo", "lpoOf", "function"),
        "organisationens uppslag: municipality(slug), lpo(slug), lpoOf(kommun), function(grupp); "
            + "name()/slug() av det de ger");
    bean("lists", false, Set.of("of"),
        "of(lista) ger en lista som multi-instansens samling, t.ex. ${lists.of(kommuner)}");
    delegate("lpoVariables", "sätter LPO:ns namn, kommuner och funktioner vid start");
    bean("situationPictureCollector", true, Set.of("collect"),
        "lämnar kommunens lägesbild (complete); collect(execution) samlar den i polisens gemensamma lägesbild");
    bean("situationPictureSummary", false, Set.of("render"), "render(execution) sammanställer lägesbilden");
    delegate("jointAnalysisRules", "regler för den gemensamma analysen");
    delegate("citizenDialogCollector", "samlar medborgardialogerna");
    delegate("agreementDraftRules", "regler för överenskommelsens utkast");
    delegate("citizenPromiseStarter", "startar kommunernas medborgarlöften");
    delegate("nextAgreementCycle", "startar nästa samverkansperiod");
    delegate("promiseVariables", "sätter medborgarlöftets variabler vid start");
    delegate("promiseRules", "regler för löften och aktiviteter");
    bean("promiseActivities", false, Set.of("dueDate", "escalationDate", "promiseTitle"),
        "dueDate(aktivitet), escalationDate(aktivitet, period), promiseTitle(execution, aktivitet)");
    delegate("activityResultCollector", "samlar aktiviteternas resultat");
    delegate("quarterlyReportCollector", "samlar kvartalsrapporterna");
    delegate("followUpRules", "regler för uppföljningen");
    delegate("promiseRenewal", "förnyar medborgarlöftet");
    bean("estActors", false, Set.of("of", "nameOf"), "of(kommun) ger EST-aktörerna, nameOf(aktör) en aktörs namn");
    delegate("estCyclePreparation", "förbereder en EST-cykel");
    delegate("estNextCycle", "startar nästa EST-cykel");
    delegate("estReportRules", "regler för en EST-rapport");
    delegate("estReportCollector", "samlar EST-rapporterna");
    delegate("estReportStatus", "sammanställer EST-rapporternas läge");
    delegate("estFollowUp", "förra mötets insatser inför planeringen");
    delegate("estPlanningRules", "regler för EST-planeringen");
    delegate("estInterventions", "registrerar mötets insatser");
    delegate("estInterventionOutcome", "sparar en insats utfall");
    delegate("estNextReview", "startar styrgruppens nästa genomgång");
    delegate("estReviewSummary", "sammanställer en granskningsperiod");
    delegate("estReviewRules", "regler för styrgruppens genomgång");
  }

  private ModelBeans() {}

  private static void delegate(String name, String purpose) {
    bean(name, true, Set.of(), purpose);
  }

  private static void bean(String name, boolean delegate, Set<String> methods, String purpose) {
    BEANS.put(name, new Bean(name, delegate, methods, purpose));
  }

  public static Optional<Bean> named(String name) {
    return Optional.ofNullable(BEANS.get(name));
  }

  public static List<Bean> all() {
    return List.copyOf(BEANS.values());
  }
}
