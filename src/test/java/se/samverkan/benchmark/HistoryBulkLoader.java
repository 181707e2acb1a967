package se.samverkan.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Earlier years in bulk: the history rows of a few process instances that the engine ran for real
 * (the templates) are copied with {@code INSERT ... SELECT} inside PostgreSQL. Every engine id
 * ({@code ID_}, {@code PROC_INST_ID_}, {@code TASK_ID_}, …) is mapped to a new UUID
 * {@code md5(id || ':' || copy)}, consistently across tables, so references stay intact; every
 * timestamp moves back by a week plus 37 minutes per copy, which spreads the copies over the past.
 * The copies are spread over all municipalities: copy {@code g} of a template from municipality
 * {@code t} belongs to municipality {@code (t + templates * (g - 1)) mod municipalities}, so in every
 * text and byte-array value the template's municipality slug ({@code kommun-001}) and police area
 * slug ({@code lpo-01}) become the copy's (both have a fixed width, so a serialized value keeps its
 * length); this moves the variables {@code kommun} and {@code lpo}, the candidate groups, the grants
 * and the assignees with them. Copy 1 stays in its template's municipality. The municipalities'
 * display names ("Kommun 1") in texts are kept. Every other column is the engine's own value.
 * {@link #compare} proves the shape column by column, {@link #danglingReferences} that every
 * reference still leads to its row.
 */
final class HistoryBulkLoader {

  /** Columns that hold ids of per-instance rows; everything else (PROC_DEF_ID_, ACT_ID_, …) is kept. */
  static final Set<String> INSTANCE_ID_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
      "execution_id_", "task_id_", "act_inst_id_", "parent_act_inst_id_", "parent_task_id_", "var_inst_id_",
      "job_id_", "job_exception_stack_id_", "bytearray_id_", "call_proc_inst_id_", "super_process_instance_id_",
      "operation_id_",
      // ACT_RU_AUTHORIZATION: the historic task a function may read (enable-historic-instance-permissions)
      "resource_id_");

  /**
   * How the copies are spread: {@code templates} template municipalities (the first ones) over
   * {@code municipalities} municipalities in {@code lpos} police areas (municipality i in LPO i mod lpos).
   */
  record Spread(int templates, int municipalities, int lpos) {
    Spread {
      if (municipalities > 999 || lpos > 99 || templates > municipalities) {
        throw new IllegalArgumentException("the slugs have three and two digits: at most 999 municipalities and 99 LPOs,"
            + " and no more templates than municipalities");
      }
    }

    int target(int template, int copy) {
      return (template + templates * (copy - 1)) % municipalities;
    }

    /** Rewrites a template's value to the copy's: its municipality and police area slugs become the copy's. */
    String rewrite(String value, int template, int copy) {
      int target = target(template, copy);
      return value.replace(NationalOrganisation.municipalitySlug(template), NationalOrganisation.municipalitySlug(target))
          .replace(NationalOrganisation.lpoSlug(NationalOrganisation.lpoOf(template, lpos)),
              NationalOrganisation.lpoSlug(NationalOrganisation.lpoOf(target, lpos)));
    }

    byte[] rewrite(byte[] value, int template, int copy) {
      // ISO-8859-1 maps every byte to one char and back; the slugs are ASCII
      return rewrite(new String(value, java.nio.charset.StandardCharsets.ISO_8859_1), template, copy)
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The same slugs in SQL, per row of the copy: columns from_kommun, to_kommun, from_lpo, to_lpo of {@code s}. */
    String slugsSql(String template, String copy) {
      String target = "((" + template + " + " + templates + " * (" + copy + " - 1)) % " + municipalities + ")";
      return "CROSS JOIN LATERAL (SELECT 'kommun-' || lpad((" + template + " + 1)::text, 3, '0') AS from_kommun,"
          + " 'kommun-' || lpad((" + target + " + 1)::text, 3, '0') AS to_kommun,"
          + " 'lpo-' || lpad((" + template + " % " + lpos + " + 1)::text, 2, '0') AS from_lpo,"
          + " 'lpo-' || lpad((" + target + " % " + lpos + " + 1)::text, 2, '0') AS to_lpo) s";
    }
  }

  private final DataSource dataSource;
  private final Spread spread;

  HistoryBulkLoader(DataSource dataSource, Spread spread) {
    this.dataSource = dataSource;
    this.spread = spread;
  }

  /** The engine's history tables that hold rows of a process instance (they have ROOT_PROC_INST_ID_). */
  List<String> historyTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
             + " AND table_name LIKE 'act_hi_%' AND column_name = 'root_proc_inst_id_' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private Map<String, String> columns(Connection c, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return columns;
  }

  /**
   * The copy's id: a new UUID from the old id and the copy number; a prefix before the last colon is
   * kept (activity instance ids are {@code Task_Planning:<uuid>}).
   */
  static String newId(String column, String copy) {
    return "CASE WHEN " + column + " IS NULL THEN NULL ELSE coalesce(substring(" + column + " from '^(.*:)'), '') || md5("
        + column + " || ':' || " + copy + ")::uuid::text END";
  }

  static String shift(String copy) {
    return "(interval '7 days' + " + copy + " * interval '37 minutes')";
  }

  /**
   * The tables copied: the history tables; ACT_GE_BYTEARRAY, whose rows of an ended process
   * instance are the values of its historic variables (JSON and long texts), referenced by
   * ACT_HI_VARINST and ACT_HI_DETAIL through BYTEARRAY_ID_; and ACT_RU_AUTHORIZATION, whose rows of
   * an ended process instance let each candidate function read its historic tasks
   * ({@code enable-historic-instance-permissions}) until history cleanup removes them.
   */
  List<String> copiedTables() throws SQLException {
    List<String> tables = new ArrayList<>(historyTables());
    tables.add("act_ge_bytearray");
    tables.add("act_ru_authorization");
    return tables;
  }

  /**
   * Copies the templates' rows {@code copies} times into every copied table, {@code threads} tables at
   * a time; {@code templateInstances} maps each template process instance to its municipality's index.
   * Returns rows inserted per table.
   */
  Map<String, Long> load(Map<String, Integer> templateInstances, int copies, int threads) throws Exception {
    List<String> tables = copiedTables();
    // As a bulk load does: the engine's secondary indexes on these tables are dropped for the copy
    // and built again afterwards from their own definitions (faster than updating them row by row).
    Map<String, String> indexes = secondaryIndexes(tables);
    execute(indexes.keySet().stream().map(name -> List.of("DROP INDEX " + name)).toList(), 1);
    Map<String, Long> inserted = new java.util.concurrent.ConcurrentSkipListMap<>();
    Parallel.run(threads, tables.stream()
        .<Parallel.Job>map(table -> () -> inserted.put(table, copy(table, templateInstances, copies))).toList());
    execute(indexes.values().stream().map(definition -> List.of("SET maintenance_work_mem = '512MB'", definition)).toList(),
        Math.max(1, Math.min(threads, 2)));
    Map<String, String> rebuilt = secondaryIndexes(tables);
    if (!rebuilt.equals(indexes)) {
      throw new IllegalStateException("the indexes after the bulk load differ from the engine's: " + rebuilt.keySet());
    }
    return inserted;
  }

  /** Name and definition of every index on {@code tables} that does not back a constraint. */
  private Map<String, String> secondaryIndexes(List<String> tables) throws SQLException {
    Map<String, String> indexes = new java.util.TreeMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
      s.setArray(1, c.createArrayOf("varchar", tables.toArray()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          indexes.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return indexes;
  }

  /** Runs each group of statements on one connection, {@code threads} groups at a time. */
  private void execute(List<List<String>> groups, int threads) throws Exception {
    Parallel.run(threads, groups.stream().<Parallel.Job>map(group -> () -> {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        for (String sql : group) {
          s.execute(sql);
        }
      }
    }).toList());
  }

  private long copy(String table, Map<String, Integer> templateInstances, int copies) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> columns = columns(c, table);
      List<String> expressions = new ArrayList<>();
      for (Map.Entry<String, String> column : columns.entrySet()) {
        String name = column.getKey();
        String type = column.getValue();
        if (INSTANCE_ID_COLUMNS.contains(name)) {
          expressions.add(newId("t." + name, "g"));
        } else if (type.startsWith("timestamp")) {
          expressions.add("t." + name + " - " + shift("g"));
        } else if (type.equals("character varying") || type.equals("text")) {
          expressions.add("replace(replace(t." + name + ", s.from_kommun, s.to_kommun), s.from_lpo, s.to_lpo)");
        } else if (type.equals("bytea")) {
          // in 'escape' form every byte that is not printable ASCII is \ooo and a backslash \\: an
          // ASCII slug matches there exactly where it matches in the bytes
          expressions.add("decode(replace(replace(encode(t." + name + ", 'escape'), s.from_kommun, s.to_kommun),"
              + " s.from_lpo, s.to_lpo), 'escape')");
        } else {
          expressions.add("t." + name);
        }
      }
      String sql = "INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") SELECT "
          + String.join(", ", expressions) + " FROM " + table + " t"
          + " JOIN unnest(?::varchar[], ?::int[]) AS tm(root, municipality) ON t.root_proc_inst_id_ = tm.root"
          + " CROSS JOIN generate_series(1, ?) g " + spread.slugsSql("tm.municipality", "g");
      try (PreparedStatement s = c.prepareStatement(sql)) {
        List<String> roots = new ArrayList<>(templateInstances.keySet());
        s.setArray(1, c.createArrayOf("varchar", roots.toArray()));
        s.setArray(2, c.createArrayOf("integer", roots.stream().map(templateInstances::get).toArray()));
        s.setInt(3, copies);
        return s.executeUpdate();
      }
    }
  }

  /**
   * References that lead nowhere after the copy: a history row whose BYTEARRAY_ID_ names no
   * ACT_GE_BYTEARRAY row, or whose PROC_INST_ID_ names no ACT_HI_PROCINST row, or a historic-task
   * authorization whose task is not in ACT_HI_TASKINST. Must be zero.
   */
  long danglingReferences() throws SQLException {
    long dangling = 0;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("act_hi_varinst", "act_hi_detail")) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " h WHERE h.bytearray_id_ IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM act_ge_bytearray b WHERE b.id_ = h.bytearray_id_)")) {
          r.next();
          dangling += r.getLong(1);
        }
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM act_ru_authorization a WHERE a.resource_type_ = 19 AND a.resource_id_ <> '*'"
          + " AND NOT EXISTS (SELECT 1 FROM act_hi_taskinst t WHERE t.id_ = a.resource_id_)")) {
        r.next();
        dangling += r.getLong(1);   // a function's read permission on a historic task that does not exist
      }
      for (String table : List.of("act_hi_taskinst", "act_hi_actinst", "act_hi_varinst")) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " h WHERE h.proc_inst_id_ IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = h.proc_inst_id_)")) {
          r.next();
          dangling += r.getLong(1);
        }
      }
    }
    return dangling;
  }

  private static String shown(Object value) {
    return value instanceof byte[] bytes ? bytes.length + " byte" : String.valueOf(value);
  }

  /** One column of a real row next to the same column of its bulk copy. */
  record ColumnCheck(String table, String column, String real, String bulk, String rule, boolean ok) {}

  /**
   * Compares every column of every template row of {@code table} with its copy number {@code copy}:
   * ids must be the mapped UUID (same length and form as the engine's), timestamps shifted exactly,
   * texts and byte arrays equal to the template's with the copy's municipality and police area, the
   * rest equal.
   */
  List<ColumnCheck> compare(String table, Map<String, Integer> templateInstances, int copy) throws SQLException {
    List<ColumnCheck> checks = new ArrayList<>();
    long shiftMillis = (7L * 24 * 60 + 37L * copy) * 60_000;
    try (Connection c = dataSource.getConnection()) {
      Map<String, String> columns = columns(c, table);
      int rootColumn = new ArrayList<>(columns.keySet()).indexOf("root_proc_inst_id_") + 1;
      String sql = "SELECT r.*, b.* FROM " + table + " r JOIN " + table + " b ON b.id_ = " + newId("r.id_", String.valueOf(copy))
          + " WHERE r.root_proc_inst_id_ = ANY (?) ORDER BY r.id_";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setArray(1, c.createArrayOf("varchar", templateInstances.keySet().toArray()));
        try (ResultSet rows = s.executeQuery()) {
          int n = columns.size();
          while (rows.next()) {
            int template = templateInstances.get(rows.getString(rootColumn));
            int i = 0;
            for (Map.Entry<String, String> column : columns.entrySet()) {
              i++;
              Object real = rows.getObject(i);
              Object bulk = rows.getObject(n + i);
              String name = column.getKey();
              String type = column.getValue();
              String rule;
              boolean ok;
              if (INSTANCE_ID_COLUMNS.contains(name)) {
                rule = "id → ny UUID";
                String prefix = real == null ? "" : real.toString().substring(0, real.toString().lastIndexOf(':') + 1);
                ok = real == null ? bulk == null
                    : bulk != null && !real.equals(bulk) && bulk.toString().length() == real.toString().length()
                        && bulk.toString().startsWith(prefix)
                        && bulk.toString().substring(prefix.length()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
              } else if (type.startsWith("timestamp")) {
                rule = "tid − 7 d " + 37 * copy + " min";
                ok = real == null ? bulk == null
                    : bulk != null && ((java.sql.Timestamp) real).getTime() - ((java.sql.Timestamp) bulk).getTime() == shiftMillis;
              } else if (real instanceof String text) {
                rule = "lika, kopians kommun och LPO";
                ok = spread.rewrite(text, template, copy).equals(bulk);
              } else if (real instanceof byte[] bytes) {
                rule = "lika, kopians kommun och LPO";
                ok = bulk instanceof byte[] copied && java.util.Arrays.equals(spread.rewrite(bytes, template, copy), copied);
              } else {
                rule = "lika";
                ok = Objects.deepEquals(real, bulk);
              }
              checks.add(new ColumnCheck(table, name, shown(real), shown(bulk), rule, ok));
            }
          }
        }
      }
    }
    return checks;
  }
}
