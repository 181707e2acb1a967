package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that breaks the rules lies among the product's models at startup (a process owner
 * copied it into processes/ by hand): Samverkan refuses to start, says which element breaks which
 * rule, and deploys nothing at all, not even the valid models of the same start.
 */
class InvalidModelIT {

  private static final String PRODUCT_MODELS = "classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,"
      + "classpath*:forms/**/*.form";

  @TempDir Path folder;

  @Test
  void shouldRefuseToStartNameTheElementAndDeployNothing() throws IOException, SQLException {
    Files.writeString(folder.resolve("trasig-modell.bpmn"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_Broken" targetNamespace="http://samverkan.se/test">
          <bpmn:process id="trasig-modell" name="Trasig modell" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Start" targetRef="Task_WithoutFunction" />
            <bpmn:userTask id="Task_WithoutFunction" name="Uppgift utan funktion" camunda:assignee="niklas.karlsson">
              <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_WithoutFunction" targetRef="Event_End" />
            <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """);
    String h2Url = SeparateApplication.newH2Url();

    Throwable refusal = catchThrowable(() -> SeparateApplication.start("invalidmodel" + System.nanoTime(), h2Url,
        "--spring.profiles.active=demo",
        "--camunda.bpm.deployment-resource-pattern=" + PRODUCT_MODELS + ",file:" + folder + "/*.bpmn").close());

    assertThat(refusal).as("the application refused to start").isNotNull();
    assertThat(messages(refusal))
        .contains("trasig-modell")
        .contains("Task_WithoutFunction")
        .contains("Uppgift utan funktion")
        .contains("uppgiften saknar kandidatgrupp. Regel:")
        .contains("tilldelad personen 'niklas.karlsson'");
    try (Connection db = DriverManager.getConnection(h2Url, "sa", "");
        ResultSet deployments = db.createStatement().executeQuery("select count(*) from ACT_RE_DEPLOYMENT");
        ResultSet definitions = db.createStatement().executeQuery("select count(*) from ACT_RE_PROCDEF")) {
      deployments.next();
      definitions.next();
      assertThat(deployments.getInt(1)).as("deployments after the refused start").isZero();
      assertThat(definitions.getInt(1)).as("process definitions after the refused start").isZero();
    }
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
