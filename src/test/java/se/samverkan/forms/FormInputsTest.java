package se.samverkan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import se.samverkan.model.ModelFiles;

/** Which variables a form declares as inputs: the names the completion guard lets a completion set. */
class FormInputsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode form(String json) throws IOException {
    return JSON.readTree(json.replace('\'', '"'));
  }

  private static FormInputs deployed(String id) throws IOException {
    return FormInputs.of(JSON.readTree(ModelFiles.FORMS.resolve(id + ".form").toFile()));
  }

  @Test
  void shouldDeclareEveryKeyedInputTypeAndNothingThatOnlyShows() throws IOException {
    FormInputs inputs = FormInputs.of(form("""
        {'components': [
          {'type': 'text', 'text': 'Rubrik'},
          {'type': 'textfield', 'key': 'a'}, {'type': 'textarea', 'key': 'b'}, {'type': 'number', 'key': 'c'},
          {'type': 'datetime', 'key': 'd'}, {'type': 'checkbox', 'key': 'e'}, {'type': 'checklist', 'key': 'f'},
          {'type': 'radio', 'key': 'g'}, {'type': 'select', 'key': 'h', 'valuesKey': 'alternativ'},
          {'type': 'taglist', 'key': 'i', 'valuesKey': 'taggar'},
          {'type': 'expression', 'key': 'beraknat', 'expression': '=a'},
          {'type': 'table', 'dataSource': '=tabell'}, {'type': 'image', 'source': '=bild'},
          {'type': 'button', 'key': 'knapp'}, {'type': 'spacer'}, {'type': 'separator'}
        ]}"""));

    assertThat(inputs.names()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
  }

  @Test
  void shouldDeclareGroupAndListPathsAndTheFirstSegmentOfADottedKey() throws IOException {
    FormInputs inputs = FormInputs.of(form("""
        {'components': [
          {'type': 'group', 'components': [{'type': 'textfield', 'key': 'iGruppUtanSokvag'}]},
          {'type': 'group', 'path': 'adress', 'components': [{'type': 'textfield', 'key': 'gata'}]},
          {'type': 'dynamiclist', 'path': 'rader', 'components': [{'type': 'textfield', 'key': 'vad'}]},
          {'type': 'textfield', 'key': 'kontakt.namn'},
          {'type': 'textfield', 'key': 'kontakt.telefon'}
        ]}"""));

    assertThat(inputs.names()).containsExactly("iGruppUtanSokvag", "adress", "rader", "kontakt");
  }

  @Test
  void shouldMarkReadOnlyAndDisabledFieldsUnlessAnotherFieldWritesTheSameVariable() throws IOException {
    FormInputs inputs = FormInputs.of(form("""
        {'components': [
          {'type': 'textfield', 'key': 'visas', 'readonly': true},
          {'type': 'textfield', 'key': 'avstangd', 'disabled': true},
          {'type': 'textfield', 'key': 'bada', 'readonly': true}, {'type': 'textarea', 'key': 'bada'},
          {'type': 'textfield', 'key': 'villkorligt', 'conditional': {'hide': '=true'}}
        ]}"""));

    assertThat(inputs.input("visas").orElseThrow().readOnly()).isTrue();
    assertThat(inputs.input("avstangd").orElseThrow().readOnly()).isTrue();
    assertThat(inputs.input("bada").orElseThrow().readOnly()).isFalse();
    assertThat(inputs.input("villkorligt").orElseThrow().readOnly()).isFalse();
  }

  @Test
  void shouldDeclareWhatTheDeployedFormsOfTheExploitsAsk() throws IOException {
    assertThat(deployed("est-rapport").names())
        .contains("ingetAttRapportera", "platser", "tider", "handelsetyper", "oro")
        .doesNotContain("kommun", "lagkrav", "lpo");
    assertThat(deployed("medborgarlofte-formulera").names())
        .containsExactlyInAnyOrder("loften", "aktiviteter", "kontroll")
        .doesNotContain("funktionsval");
    assertThat(deployed("est-planering").names())
        .contains("uppfoljning", "narvaro", "insatser", "planeringKontroll")
        .doesNotContain("narvaroval", "funktionsval");
    assertThat(deployed("overlamning-ta-over").input("funktionNamn").orElseThrow().readOnly()).isTrue();
    assertThat(deployed("overlamning-ta-over").input("arbetetOvertaget").orElseThrow().readOnly()).isFalse();
  }

  @Test
  void shouldDeclareAtLeastOneInputInEveryFormWithAField() throws IOException {
    try (var files = java.nio.file.Files.list(ModelFiles.FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        boolean hasField = form.toString().matches("(?s).*\"type\"\\s*:\\s*\"(textfield|textarea|checkbox|checklist|radio|select|number|datetime|dynamiclist)\".*");
        assertThat(FormInputs.of(form).names().isEmpty()).as(file.toString()).isEqualTo(!hasField);
      }
    }
  }

  @Test
  void shouldTellAReadOnlyValueSentBackUnchangedFromAChangedOne() throws IOException {
    FormInputs.Input text = new FormInputs.Input("funktionNamn", true, null);
    FormInputs.Input withDefault = new FormInputs.Input("antal", true, JSON.readTree("3"));

    assertThat(FormInputs.showsUnchanged(text, "Samordnare Lycksele", true, "Samordnare Lycksele")).isTrue();
    assertThat(FormInputs.showsUnchanged(text, Variables.stringValue("Samordnare Lycksele"), true, "Samordnare Lycksele")).isTrue();
    assertThat(FormInputs.showsUnchanged(text, "Samordnare Malå", true, "Samordnare Lycksele")).isFalse();
    assertThat(FormInputs.showsUnchanged(text, null, true, "Samordnare Lycksele")).isFalse();
    // no variable yet: Tasklist sends the field's empty value or its default
    assertThat(FormInputs.showsUnchanged(text, "", false, null)).isTrue();
    assertThat(FormInputs.showsUnchanged(text, null, false, null)).isTrue();
    assertThat(FormInputs.showsUnchanged(text, "påhittat", false, null)).isFalse();
    assertThat(FormInputs.showsUnchanged(withDefault, 3L, false, null)).isTrue();
    assertThat(FormInputs.showsUnchanged(withDefault, 4, false, null)).isFalse();
    // numbers of different Java types and Json as REST receives it (serialized) against the stored one
    assertThat(FormInputs.showsUnchanged(text, 5L, true, 5)).isTrue();
    assertThat(FormInputs.showsUnchanged(text,
        SpinValues.jsonValue("[{\"vad\":\"Vandring\"}]").create(), true,
        org.camunda.spin.Spin.JSON("[{\"vad\": \"Vandring\"}]"))).isTrue();
    assertThat(FormInputs.showsUnchanged(text,
        SpinValues.jsonValue("[{\"vad\":\"Annat\"}]").create(), true,
        org.camunda.spin.Spin.JSON("[{\"vad\": \"Vandring\"}]"))).isFalse();
  }
}
