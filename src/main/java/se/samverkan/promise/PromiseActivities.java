package se.samverkan.promise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.engine.SwedishTime;
import se.samverkan.process.JsonVariables;

/**
 * What the model needs of one activity (an element of {@code aktiviteter}): its due date, the
 * date it escalates, the promise it belongs to. Used in expressions such as
 * {@code ${promiseActivities.dueDate(aktivitet)}}.
 */
@Component("promiseActivities")
public class PromiseActivities {

  /** An activity is due at the end of the working day of its date. */
  static final LocalTime END_OF_DAY = LocalTime.of(16, 0);

  public Date dueDate(Object activity) {
    LocalDate date = LocalDate.parse(JsonVariables.toJson(activity).path("klartSenast").asText());
    return Date.from(date.atTime(END_OF_DAY).atZone(SwedishTime.ZONE).toInstant());
  }

  /** The due date plus an ISO period the model sets, e.g. {@code 'P5D'}. */
  public Date escalationDate(Object activity, String period) {
    LocalDate date = LocalDate.parse(JsonVariables.toJson(activity).path("klartSenast").asText())
        .plus(Period.parse(period));
    return Date.from(date.atTime(END_OF_DAY).atZone(SwedishTime.ZONE).toInstant());
  }

  public String promiseTitle(DelegateExecution execution, Object activity) {
    int number = PromiseRules.promiseNumber(JsonVariables.toJson(activity));
    JsonNode promises = JsonVariables.read(execution, PromiseProcess.PROMISES);
    return number >= 1 && number <= promises.size()
        ? "Löfte " + number + ": " + JsonVariables.text(promises.get(number - 1), "rubrik")
        : "Löfte " + number;
  }
}
