package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ModelDeployment;
import se.samverkan.ProcessTestEngine;
import se.samverkan.model.ModelFiles;

/**
 * A samverkansprocess deployed before the lists became Json ({@code ${dialogKommunLista}} instead of
 * {@code ${lists.of(dialogKommunLista)}}) keeps running: its instances, which hold their municipalities
 * as a Java list, get the dialog municipalities as a Java list too.
 */
class ListsOfAnEarlierVersionTest {

  @RegisterExtension static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine;
  String current;
  String earlier;

  @BeforeEach
  void deploy() throws IOException {
    current = ModelDeployment.deployAll(engine);
    String model = Files.readString(Path.of("processes", "samverkansprocess.bpmn"))
        .replace("${lists.of(kommuner)}", "${kommuner}")
        .replace("${lists.of(dialogKommunLista)", "${dialogKommunLista");
    assertThat(model).doesNotContain("lists.of(");
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("samverkansprocess utan lists.of")
        .addInputStream("samverkansprocess.bpmn", new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)));
    for (Path form : ModelFiles.all()) {
      if (form.getFileName().toString().endsWith(".form")) {
        deployment.addInputStream(form.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(form)));
      }
    }
    earlier = deployment.deploy().getId();
  }

  @AfterEach
  void undeploy() {
    ModelDeployment.undeploy(engine, earlier);
    ModelDeployment.undeploy(engine, current);
  }

  @Test
  void shouldGiveAnEarlierVersionsInstanceItsDialogMunicipalitiesAsAJavaList() {
    AgreementScenario cycle = AgreementScenario.start(engine);
    // as the earlier version's start kept them
    engine.getRuntimeService().setVariable(cycle.instance.getId(), AgreementProcess.MUNICIPALITIES,
        Variables.objectValue(new ArrayList<>(AgreementScenario.MUNICIPALITIES))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());

    cycle.contributeSituationPictures().analyse(List.of("lycksele", "asele"));

    assertThat(cycle.open(AgreementProcess.TASK_CITIZEN_DIALOG)).hasSize(2);
    TypedValue dialog = engine.getRuntimeService().getVariableTyped(cycle.instance.getId(),
        AgreementProcess.DIALOG_MUNICIPALITY_LIST, false);
    assertThat(dialog.getType()).isEqualTo(ValueType.OBJECT);
    cycle.holdDialog("lycksele", "trygghetsvandring").holdDialog("asele", "skolbesok").draft();
    assertThat(cycle.open(AgreementProcess.TASK_SIGN_MUNICIPALITY)).hasSize(AgreementScenario.MUNICIPALITIES.size());
  }
}
