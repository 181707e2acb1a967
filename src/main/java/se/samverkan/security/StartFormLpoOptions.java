package se.samverkan.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.organisation.Lpo;

/**
 * Fills a start form's LPO choice ({@code "valuesKey": "lpoVal"}) with the LPOs the person reading
 * the form may start for, by {@link StartValidation#startableLpos}, the start check's own rule.
 * Tasklist loads no variables for a start form, only the form itself
 * ({@code GET …/process-definition/{id}/deployed-start-form}), so the options become the select's
 * static {@code values} of the form it receives; one option is also chosen already. In the engine's
 * command chain, so the webapps' API and /engine-rest answer alike, and only for the call that asks
 * for the form: the start check reads the form as deployed. The options are a convenience; the start
 * check still refuses any other LPO.
 */
class StartFormLpoOptions extends CommandInterceptor {

  static final String NO_LPO = "Du har ingen funktion i något lokalpolisområde och kan därför inte starta för något. "
      + "Be Samverkans administratör ge dig din funktion (t.ex. kommunpolis eller brottsförebyggande samordnare).";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "\"" + AgreementProcess.LPO_OPTIONS + "\"";

  private final ProcessEngineConfigurationImpl configuration;
  private final StartValidation startValidation;

  StartFormLpoOptions(ProcessEngineConfigurationImpl configuration, StartValidation startValidation) {
    this.configuration = configuration;
    this.startValidation = startValidation;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (!(command instanceof GetDeployedStartFormCmd) || !OutermostCommand.isOutermost(command)
        || !(result instanceof InputStream form)) {
      return result;
    }
    Optional<StartValidation.Starter> starter = StartValidation.Starter.current(configuration);
    if (starter.isEmpty()) {
      return result; // no person: nobody to choose for
    }
    byte[] bytes = readAll(form);
    @SuppressWarnings("unchecked")
    T filled = (T) new ByteArrayInputStream(withOptions(bytes, startValidation.startableLpos(starter.get().groups())));
    return filled;
  }

  /** The form with every choice of {@code lpoVal} given these LPOs as options; other forms byte for byte. */
  static byte[] withOptions(byte[] form, List<Lpo> lpos) {
    if (!new String(form, StandardCharsets.UTF_8).contains(MARKER)) {
      return form;
    }
    try {
      JsonNode schema = JSON.readTree(form);
      if (!fill(schema.path("components"), lpos)) {
        return form;
      }
      return JSON.writeValueAsBytes(schema);
    } catch (IOException e) {
      return form; // not JSON after all: Tasklist shows its own "Form failure"
    }
  }

  private static boolean fill(JsonNode components, List<Lpo> lpos) {
    boolean filled = false;
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode field)) {
        continue;
      }
      if (AgreementProcess.LPO_OPTIONS.equals(field.path("valuesKey").asText(null))) {
        field.remove("valuesKey");
        ArrayNode values = field.putArray("values");
        lpos.forEach(lpo -> values.addObject().put("label", lpo.name()).put("value", lpo.slug()));
        if (lpos.size() == 1) {
          field.put("defaultValue", lpos.get(0).slug());
        } else if (lpos.isEmpty()) {
          field.put("description", NO_LPO);
        }
        filled = true;
      }
      filled |= fill(field.path("components"), lpos); // groups and dynamic lists nest their fields
    }
    return filled;
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
