package se.samverkan.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The latest values of a few variables of a few cases (their own scope, not a step's), as the page
 * reads them after the audience check: in one statement, the JSON values' byte arrays joined, where
 * the engine's history query fetches each byte array with a statement of its own (an EST cycle's
 * interventions, follow-up and reports are three). Values of the types the processes write (text,
 * JSON, dates, numbers, booleans); a value of another type is read through the engine's query.
 */
final class CaseVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NamedParameterJdbcTemplate jdbc;
  private final HistoryService history;

  CaseVariables(DataSource dataSource, HistoryService history) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.history = history;
  }

  /** Per case id, the named variables it has. */
  Map<String, Map<String, Object>> of(Collection<String> ids, String... names) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    List<String> otherTypes = new ArrayList<>();
    jdbc.query("select v.PROC_INST_ID_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_, v.DOUBLE_, b.BYTES_"
            + " from ACT_HI_VARINST v left join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_"
            + " where v.PROC_INST_ID_ in (:ids) and v.NAME_ in (:names)"
            + " and (v.EXECUTION_ID_ is null or v.EXECUTION_ID_ = v.PROC_INST_ID_)"
            + " and (v.STATE_ is null or v.STATE_ <> 'DELETED')",
        new MapSqlParameterSource("ids", ids).addValue("names", Arrays.asList(names)), rs -> {
          String instance = rs.getString(1);
          String type = rs.getString(3);
          Object value;
          long number = rs.getLong(5);
          boolean noNumber = rs.wasNull();
          switch (type == null ? "null" : type) {
            case "string" -> value = rs.getString(4);
            case "json" -> value = json(rs.getBytes(7));
            case "date" -> value = noNumber ? null : new Date(number);
            case "integer", "short" -> value = noNumber ? null : (int) number;
            case "long" -> value = noNumber ? null : number;
            case "double" -> value = rs.getObject(6) == null ? null : rs.getDouble(6);
            case "boolean" -> value = noNumber ? null : number == 1;
            case "null" -> value = null;
            default -> {
              otherTypes.add(instance);
              return;
            }
          }
          result.computeIfAbsent(instance, i -> new HashMap<>()).put(rs.getString(2), value);
        });
    if (!otherTypes.isEmpty()) {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(otherTypes.toArray(String[]::new)).variableNameIn(names).list()) {
        if (variable.getExecutionId() == null || variable.getExecutionId().equals(variable.getProcessInstanceId())) {
          result.computeIfAbsent(variable.getProcessInstanceId(), i -> new HashMap<>())
              .putIfAbsent(variable.getName(), variable.getValue());
        }
      }
    }
    return result;
  }

  private static Object json(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Ett JSON-värde i historiken kunde inte läsas: " + e.getOriginalMessage(), e);
    }
  }
}
