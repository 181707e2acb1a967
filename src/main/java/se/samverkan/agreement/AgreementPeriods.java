package se.samverkan.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import se.samverkan.forms.StartConflictException;

/**
 * One samverkansprocess per LPO and agreement period, for ever: the table
 * {@code samverkan_agreement_period} (db/migration V4) has the pair as its primary key, and every
 * start inserts its pair in the start's own transaction. A second start, also one racing the first
 * on another node, fails on the key, whether the first instance still runs, has ended or belongs to
 * another version of the model. Not a check-then-insert.
 *
 * <p>One exception: an instance an administrator deletes (Cockpit, REST; functions cannot delete
 * instances) gives its period back ({@link #release}, from a built-in end listener that
 * skipCustomListeners does not skip), so that a period started wrongly or broken can be started
 * anew instead of being lost for good. A period whose instance ended stays taken.
 */
public final class AgreementPeriods {

  static final String TABLE = "samverkan_agreement_period";

  /** 2027–2030 or 2027-2030, the years of this century; the start form asks for the same. */
  private static final Pattern YEARS = Pattern.compile("\\s*(20\\d\\d)\\s*[–-]\\s*(20\\d\\d)\\s*");
  /** Unique violation (SQL standard, H2 and PostgreSQL); H2's and PostgreSQL's "another transaction holds it". */
  private static final Set<String> TAKEN = Set.of("23505");
  private static final Set<String> BUSY = Set.of("HYT00", "40001", "40P01", "55P03", "90131");

  private AgreementPeriods() {}

  /** One samverkansprocess per LPO and agreement period: its business key. */
  public static String businessKey(String lpo, String period) {
    return lpo + " " + period;
  }

  /** The period as it is kept and compared: "2027 - 2030" and "2027-2030" are the period 2027–2030. */
  public static String normalised(String period) {
    Matcher years = YEARS.matcher(period);
    return years.matches() ? years.group(1) + "–" + years.group(2) : period.strip();
  }

  /** The problem with a period written as years, or null: a period cannot end before it begins. */
  public static String orderProblem(String period) {
    Matcher years = YEARS.matcher(period);
    if (years.matches() && Integer.parseInt(years.group(2)) < Integer.parseInt(years.group(1))) {
      return "Avtalsperioden " + period.strip() + " slutar innan den börjar; skriv t.ex. 2027–2030.";
    }
    return null;
  }

  /**
   * Claims the LPO's period for the process instance being started, in the start's transaction;
   * refuses with {@link StartConflictException} when it is taken (rolled back with the start).
   * Runs inside an engine command: the engine's own connection (impl API, the only way to share the
   * command's transaction without Spring, as in the process tests).
   */
  public static void claim(String lpo, String lpoName, String period, String processInstanceId) {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into " + TABLE + " (lpo, period, process_instance_id, claimed_at) values (?, ?, ?, ?)")) {
      insert.setString(1, lpo);
      insert.setString(2, period);
      insert.setString(3, processInstanceId);
      insert.setTimestamp(4, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (TAKEN.contains(e.getSQLState())) {
        throw new StartConflictException("Det finns redan en samverkansprocess för " + lpoName + " " + period
            + " (pågående eller avslutad); det finns en process per lokalpolisområde och avtalsperiod. "
            + "Fortsätt i den eller välj en annan avtalsperiod.");
      }
      if (BUSY.contains(e.getSQLState())) {
        throw new StartConflictException("En samverkansprocess för " + lpoName + " " + period
            + " startas just nu av någon annan. Vänta en stund och se efter om den finns innan du försöker igen.");
      }
      throw new ProcessEngineException("Avtalsperioden kunde inte reserveras: " + e.getMessage(), e);
    }
  }

  /** Gives back the period of a deleted instance, in the deletion's transaction. */
  public static void release(String processInstanceId) {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement delete = connection.prepareStatement("delete from " + TABLE + " where process_instance_id = ?")) {
      delete.setString(1, processInstanceId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("Avtalsperioden kunde inte lämnas tillbaka: " + e.getMessage(), e);
    }
  }

  /** Whether the period is claimed already; for the next cycle, which must not fail its step over it. */
  public static boolean isClaimed(String lpo, String period) {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement query = connection.prepareStatement(
        "select count(*) from " + TABLE + " where lpo = ? and period = ?")) {
      query.setString(1, lpo);
      query.setString(2, normalised(period));
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getInt(1) > 0;
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Avtalsperioden kunde inte läsas: " + e.getMessage(), e);
    }
  }
}
