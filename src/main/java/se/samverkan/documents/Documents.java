package se.samverkan.documents;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.organisation.Viewer;

/**
 * The documents a step fixes and who may read them. Models call
 * {@code ${documents.fix(execution, 'samverkansoverenskommelse')}} as an execution listener of the
 * step: the document is rendered from the instance's variables and stored once (a second call for
 * the same instance, kind and occurrence returns the stored one). Reading follows the audience table
 * of docs/security.md through {@link Viewer}: a signed document (the agreement, the published
 * medborgarlöfte, its yearly follow-up) for the LPO's functions and the county's länsstyrelsen, an
 * EST document for the municipality's own functions and the LPO's police; administrators read all.
 *
 * <p>What the document says is fixed in the step's own transaction: its layout (the XHTML of its
 * content) is stored with it. Its PDF, which takes nine tenths of a planning step's time to lay out
 * (docs/benchmark/results-2026-12-03-planning-profile.md), is rendered once that transaction has
 * committed, in the background, and stored in place of the layout with its checksum. Nobody sees
 * the difference: reading a document not rendered yet renders it first, and a sweep
 * ({@link #renderPending}) renders what a stopped node left.
 */
@Component("documents")
public class Documents {

  /** What a diarienummer may look like: "KS 2027/123", "KS2027-0123", "Dnr 2027.45". */
  static final Pattern DIARIENUMMER = Pattern.compile("[\\p{L}\\d][\\p{L}\\d .:/_-]{0,39}");
  private static final Logger log = LoggerFactory.getLogger(Documents.class);

  private final DocumentStore store;
  private final DocumentRenderer renderer;
  private final DocumentSettings settings;
  private final Organisation organisation;
  private final DocumentContents contents;
  private final Executor background;

  /** Renders in one background thread of its own (a full queue leaves the rest to the sweep). */
  @Autowired
  public Documents(DocumentStore store, DocumentRenderer renderer, DocumentSettings settings, Organisation organisation) {
    this(store, renderer, settings, organisation, renderingThread());
  }

  /** With the executor the PDFs are rendered on after the step's commit ({@code Runnable::run}: at once). */
  public Documents(DocumentStore store, DocumentRenderer renderer, DocumentSettings settings, Organisation organisation,
      Executor background) {
    this.store = store;
    this.renderer = renderer;
    this.settings = settings;
    this.organisation = organisation;
    this.contents = new DocumentContents(organisation);
    this.background = background;
  }

  private static ExecutorService renderingThread() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(1_000), work -> {
          Thread thread = new Thread(work, "samverkan-documents");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    return executor;
  }

  /** Stops the background thread; what it had not rendered is rendered on reading or by the next sweep. */
  @jakarta.annotation.PreDestroy
  void stop() {
    if (background instanceof ExecutorService executor) {
      executor.shutdownNow();
    }
  }

  /** Fixes the instance's document of the kind (its id as in {@link DocumentKind#id()}) at this step. */
  public void fix(DelegateExecution execution, String kindId) {
    DocumentKind kind = kind(kindId);
    String occurrence = kind == DocumentKind.uppfoljning_medborgarlofte ? execution.getActivityInstanceId() : "1";
    if (store.find(execution.getProcessInstanceId(), kind, occurrence).isPresent()) {
      return;
    }
    long started = System.nanoTime();
    String kommun = kind == DocumentKind.samverkansoverenskommelse ? null : DocumentContents.text(execution, "kommun");
    String lpo = DocumentContents.text(execution, "lpo");
    if (lpo.isBlank() && kommun != null) {
      lpo = organisation.lpoOf(kommun).map(Lpo::slug).orElse("");
    }
    String title = contents.title(kind, execution);
    String layout = renderer.xhtml(contents.of(kind, execution));
    Instant now = DocumentContents.now().toInstant();
    DocumentInfo stored = store.insertOnce(new DocumentStore.NewDocument(UUID.randomUUID().toString(), kind, title,
        kommun, lpo, execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        execution.getCurrentActivityId(), occurrence, now, DocumentContents.today().plus(settings.retentionOf(kind)),
        fileName(kind, kommun == null ? lpo : kommun, title), layout));
    log.info("Dokument {} «{}» fastställt för {} på {} ms", stored.id(), title, execution.getProcessInstanceId(),
        (System.nanoTime() - started) / 1_000_000);
    afterCommit(() -> background.execute(() -> renderQuietly(stored.id())));
  }

  /** After the engine's transaction committed (a rolled-back step leaves nothing to render); at once outside one. */
  private static void afterCommit(Runnable work) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      work.run();
    } else {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> work.run());
    }
  }

  /**
   * Renders every document fixed but not rendered yet (a node stopped before it rendered, or its
   * queue was full); returns how many this call rendered.
   */
  public int renderPending() {
    int rendered = 0;
    for (String id : store.pending()) {
      if (renderQuietly(id)) {
        rendered++;
      }
    }
    return rendered;
  }

  private boolean renderQuietly(String id) {
    try {
      return renderStored(id);
    } catch (RuntimeException e) {
      log.error("Dokument {} kunde inte renderas; det renderas när någon läser det eller vid nästa genomgång", id, e);
      return false;
    }
  }

  /** Lays out the stored layout and stores the PDF, unless it is rendered already; whether this call stored it. */
  private boolean renderStored(String id) {
    Optional<DocumentStore.Waiting> waiting = store.waiting(id);
    if (waiting.isEmpty()) {
      return false;
    }
    long started = System.nanoTime();
    String title = waiting.get().title();
    boolean stored = store.complete(id, renderer.pdf(waiting.get().layout(), title));
    if (stored) {
      log.info("Dokument {} «{}» renderat på {} ms", id, title, (System.nanoTime() - started) / 1_000_000);
    }
    return stored;
  }

  /** The document as readers see it: rendered first when its PDF is not stored yet. */
  private DocumentInfo rendered(DocumentInfo document) {
    if (document.rendered()) {
      return document;
    }
    renderStored(document.id());
    return store.info(document.id()).orElse(document);
  }

  private List<DocumentInfo> rendered(List<DocumentInfo> documents) {
    return documents.stream().map(this::rendered).toList();
  }

  /**
   * The document of the kind as the instance stands now, rendered as {@link #fix} renders it, not
   * stored: what the national benchmark times (issue 16: generation under 1 s).
   */
  public byte[] render(DelegateExecution execution, String kindId) {
    return renderer.pdf(contents.of(kind(kindId), execution));
  }

  private static DocumentKind kind(String kindId) {
    return DocumentKind.of(kindId)
        .orElseThrow(() -> new IllegalArgumentException("Okänd dokumenttyp '" + kindId + "' i modellen"));
  }

  /** The documents about the municipality (and its LPO's agreements) the groups may read, newest first. */
  public List<DocumentInfo> visibleTo(Collection<String> groupIds, String kommun) {
    String lpo = organisation.lpoOf(kommun).map(Lpo::slug).orElse(null);
    if (lpo == null) {
      return List.of();
    }
    return rendered(store.ofMunicipality(kommun, lpo).stream().filter(d -> mayRead(d, groupIds)).toList());
  }

  /** The documents of the LPO (agreements, every municipality's) the groups may read, newest first. */
  public List<DocumentInfo> visibleInLpo(Collection<String> groupIds, String lpo) {
    return rendered(store.ofLpo(lpo).stream().filter(d -> mayRead(d, groupIds)).toList());
  }

  /** The documents of a process instance the groups may read (the task's form, Tasklist). */
  public List<DocumentInfo> ofProcessInstance(Collection<String> groupIds, String processInstanceId) {
    return rendered(store.ofProcessInstance(processInstanceId).stream().filter(d -> mayRead(d, groupIds)).toList());
  }

  /** Every document the groups may read. */
  public List<DocumentInfo> visibleToAll(Collection<String> groupIds) {
    return rendered(store.all().stream().filter(d -> mayRead(d, groupIds)).toList());
  }

  /** The document, if it exists and the groups may read it (else empty: to them it does not exist). */
  public Optional<DocumentInfo> readable(String id, Collection<String> groupIds) {
    return store.info(id).filter(d -> mayRead(d, groupIds)).map(this::rendered);
  }

  /** The stored bytes, checked against their checksum (rendered first if they are not stored yet). */
  public byte[] pdf(DocumentInfo document) {
    byte[] pdf = store.pdf(document.id());
    if (pdf == null) {
      renderStored(document.id());
      pdf = store.pdf(document.id());
    }
    return pdf;
  }

  public boolean mayRead(DocumentInfo document, Collection<String> groupIds) {
    if (groupIds.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    Viewer viewer = viewerOf(document, groupIds);
    return document.kind().audience() == DocumentKind.Audience.SIGNED ? viewer.seesAnything() : viewer.seesDetails();
  }

  /**
   * Whether the groups may set the document's diarienummer: the samordnare or kommunledning of its
   * municipality (for the LPO-wide agreement: of one of the LPO's municipalities), or an administrator.
   */
  public boolean mayRegister(DocumentInfo document, Collection<String> groupIds) {
    if (groupIds.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    List<String> municipalities = document.kommun() != null ? List.of(document.kommun())
        : organisation.lpo(document.lpo()).map(l -> l.municipalities().stream().map(Municipality::slug).toList())
            .orElse(List.of());
    return groupIds.stream().map(organisation::function).flatMap(Optional::stream)
        .filter(f -> "samordnare".equals(f.type()) || "kommunledning".equals(f.type()))
        .map(OrganisationFunction::scopeSlug).anyMatch(municipalities::contains);
  }

  /**
   * Sets (or with a blank value clears) the diarienummer; the caller has checked {@link #mayRegister}.
   *
   * @throws IllegalArgumentException with a Swedish message when the number is not one
   */
  public DocumentInfo register(DocumentInfo document, String diarienummer, String userId) {
    String value = diarienummer == null ? "" : diarienummer.strip();
    if (!value.isEmpty() && (value.length() > 40 || !DIARIENUMMER.matcher(value).matches()
        || value.chars().noneMatch(Character::isDigit))) {
      throw new IllegalArgumentException("Diarienumret «" + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
          + "» går inte att spara: det får vara högst 40 tecken, ska innehålla minst en siffra och får bara "
          + "innehålla bokstäver, siffror, mellanslag och tecknen . : / - _ (till exempel «KS 2027/123»).");
    }
    store.setDiarienummer(document.id(), value.isEmpty() ? null : value, userId, DocumentContents.now().toInstant());
    return rendered(store.info(document.id()).orElseThrow());
  }

  private Viewer viewerOf(DocumentInfo document, Collection<String> groupIds) {
    if (document.kommun() != null) {
      return Viewer.of(organisation, groupIds, document.kommun());
    }
    Viewer best = Viewer.NONE;
    for (Municipality municipality : organisation.lpo(document.lpo()).map(Lpo::municipalities).orElse(List.of())) {
      Viewer level = Viewer.of(organisation, groupIds, municipality.slug());
      if (level.ordinal() < best.ordinal()) {
        best = level;
      }
    }
    return best;
  }

  /** "samverkansoverenskommelse-sodra-lappland-2027-2030.pdf": the kind, the place and the title's years. */
  static String fileName(DocumentKind kind, String place, String title) {
    java.util.regex.Matcher years = Pattern.compile("\\d{4}(?:\\s*[–-]\\s*\\d{4})?|\\d{1,2} \\p{L}+ \\d{4}").matcher(title);
    String when = years.find() ? years.group() : "";
    String name = (kind.id() + "-" + place + "-" + when).toLowerCase(Locale.ROOT);
    name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    name = name.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return name + ".pdf";
  }
}
