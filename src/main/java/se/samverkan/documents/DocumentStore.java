package se.samverkan.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table {@code samverkan_document} (migrations V10, V13): a document is written once per process
 * instance, kind and occurrence and never changed afterwards, except its diarienummer. It is written
 * in two steps: its layout (the XHTML its PDF is laid out from) in the transaction of the step that
 * fixes it, then its PDF and checksum, once, in place of the layout ({@link #complete}).
 */
public class DocumentStore {

  private static final String COLUMNS = "id, kind, title, kommun, lpo, process_instance_id, business_key, step, "
      + "created_at, retain_until, file_name, sha256, diarienummer";

  /** A document to store. */
  public record NewDocument(String id, DocumentKind kind, String title, String kommun, String lpo,
      String processInstanceId, String businessKey, String step, String occurrence, Instant createdAt,
      LocalDate retainUntil, String fileName, String layout) {}

  /** The stored bytes did not match their checksum: the document was changed outside Samverkan. */
  public static final class ChecksumMismatch extends IllegalStateException {
    ChecksumMismatch(String id) {
      super("Dokumentet " + id + " stämmer inte med sin kontrollsumma och lämnas inte ut.");
    }
  }

  private final JdbcTemplate jdbc;

  public DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the document, with its layout and no PDF yet, unless one is there for the same instance,
   * kind and occurrence; either way the stored one is returned (a step run again fixes nothing new).
   */
  public DocumentInfo insertOnce(NewDocument document) {
    Optional<DocumentInfo> existing = find(document.processInstanceId(), document.kind(), document.occurrence());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.update("INSERT INTO samverkan_document (id, kind, title, kommun, lpo, process_instance_id, business_key, "
              + "step, occurrence, created_at, audience, retain_until, file_name, layout) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          document.id(), document.kind().name(), document.title(), document.kommun(), document.lpo(),
          document.processInstanceId(), document.businessKey(), document.step(), document.occurrence(),
          Timestamp.from(document.createdAt()), document.kind().audience().name(),
          java.sql.Date.valueOf(document.retainUntil()), document.fileName(), document.layout());
    } catch (DuplicateKeyException concurrent) {
      return find(document.processInstanceId(), document.kind(), document.occurrence()).orElseThrow(() -> concurrent);
    }
    return info(document.id()).orElseThrow();
  }

  public Optional<DocumentInfo> find(String processInstanceId, DocumentKind kind, String occurrence) {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document WHERE process_instance_id = ? AND kind = ? "
        + "AND occurrence = ?", INFO, processInstanceId, kind.name(), occurrence).stream().findFirst();
  }

  public Optional<DocumentInfo> info(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document WHERE id = ?", INFO, id).stream().findFirst();
  }

  /**
   * The bytes as stored, after checking them against their checksum; null when the document does
   * not exist or is not rendered yet ({@link #waiting}).
   */
  public byte[] pdf(String id) {
    List<byte[]> found = jdbc.query("SELECT pdf, sha256 FROM samverkan_document WHERE id = ? AND pdf IS NOT NULL",
        (rs, n) -> {
          byte[] pdf = rs.getBytes("pdf");
          String sha256 = rs.getString("sha256");
          if (sha256 == null || !sha256(pdf).equals(sha256.trim())) {
            throw new ChecksumMismatch(id);
          }
          return pdf;
        }, id);
    return found.isEmpty() ? null : found.get(0);
  }

  /** A document fixed but not rendered yet: its title (for the log and errors) and its layout. */
  public record Waiting(String title, String layout) {}

  /** The document if it waits for its PDF; empty once it is rendered (or when it does not exist). */
  public Optional<Waiting> waiting(String id) {
    return jdbc.query("SELECT title, layout FROM samverkan_document WHERE id = ? AND pdf IS NULL AND layout IS NOT NULL",
        (rs, n) -> new Waiting(rs.getString("title"), rs.getString("layout")), id).stream().findFirst();
  }

  /**
   * Stores the rendered PDF and its checksum in place of the layout, unless the document was
   * rendered meanwhile (by another reader or node): the first rendering stays, and a document's
   * bytes never change. Returns whether this call stored them.
   */
  public boolean complete(String id, byte[] pdf) {
    return jdbc.update("UPDATE samverkan_document SET pdf = ?, sha256 = ?, layout = NULL WHERE id = ? AND pdf IS NULL",
        pdf, sha256(pdf), id) == 1;
  }

  /** The documents fixed but not rendered yet, oldest first. */
  public List<String> pending() {
    return jdbc.queryForList("SELECT id FROM samverkan_document WHERE pdf IS NULL ORDER BY created_at, id", String.class);
  }

  /** Every document of the municipality, and the LPO-wide ones of its LPO, newest first. */
  public List<DocumentInfo> ofMunicipality(String kommun, String lpo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document WHERE kommun = ? OR (kommun IS NULL AND lpo = ?) "
        + "ORDER BY created_at DESC, id", INFO, kommun, lpo);
  }

  public List<DocumentInfo> ofLpo(String lpo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document WHERE lpo = ? ORDER BY created_at DESC, id",
        INFO, lpo);
  }

  public List<DocumentInfo> ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document WHERE process_instance_id = ? "
        + "ORDER BY created_at DESC, id", INFO, processInstanceId);
  }

  /**
   * Removes the documents whose retention ended before {@code today} (retain_until is the last day
   * kept); returns how many. The municipality's diarium keeps its registered copy by its own rules.
   */
  public int removeExpired(java.time.LocalDate today) {
    return jdbc.update("DELETE FROM samverkan_document WHERE retain_until < ?", java.sql.Date.valueOf(today));
  }

  public List<DocumentInfo> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM samverkan_document ORDER BY created_at DESC, id", INFO);
  }

  public void setDiarienummer(String id, String diarienummer, String userId, Instant at) {
    jdbc.update("UPDATE samverkan_document SET diarienummer = ?, diarienummer_set_by = ?, diarienummer_set_at = ? "
        + "WHERE id = ?", diarienummer, userId, Timestamp.from(at), id);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final RowMapper<DocumentInfo> INFO = DocumentStore::info;

  private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
    String sha256 = rs.getString("sha256");
    return new DocumentInfo(rs.getString("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
        rs.getString("kommun"), rs.getString("lpo"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("step"), rs.getTimestamp("created_at").toInstant(), rs.getDate("retain_until").toLocalDate(),
        rs.getString("file_name"), sha256 == null ? null : sha256.trim(), rs.getString("diarienummer"));
  }
}
