package se.samverkan.migration;

/** A medborgarlöfte version with a step added: the LPO head reviews the promises before they go to signing. */
final class PromiseVersions {

  static final String REVIEW_NAME = "Granska medborgarlöftena före undertecknande (lokalpolisområdeschef)";

  private PromiseVersions() {}

  static String withReviewBeforeSigning(String model) {
    String review = """
        <bpmn:userTask id="Task_ReviewPromises" name="%s" camunda:formRef="medborgarlofte-formulera" camunda:formRefBinding="deployment" camunda:candidateGroups="lpochef-${lpo}" camunda:dueDate="P5D">
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${taskReminder}" event="timeout" id="Reminder">
              <bpmn:timerEventDefinition id="TimerEventDefinition_ReviewPromisesReminder"><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </camunda:taskListener>
            <camunda:taskListener delegateExpression="${taskEscalation}" event="timeout" id="Escalation">
              <bpmn:timerEventDefinition id="TimerEventDefinition_ReviewPromisesEscalation"><bpmn:timeDuration>P8D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </camunda:taskListener>
          </bpmn:extensionElements>
          <bpmn:incoming>Flow_ToReviewPromises</bpmn:incoming>
          <bpmn:outgoing>Flow_ToPromiseSigning</bpmn:outgoing>
        </bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_ToReviewPromises" sourceRef="Task_FormulatePromises" targetRef="Task_ReviewPromises" />
        """.formatted(REVIEW_NAME);
    String changed = model
        .replace("""
              <bpmn:incoming>Flow_ToFormulatePromises</bpmn:incoming>
              <bpmn:outgoing>Flow_ToPromiseSigning</bpmn:outgoing>
            </bpmn:userTask>
        """, """
              <bpmn:incoming>Flow_ToFormulatePromises</bpmn:incoming>
              <bpmn:outgoing>Flow_ToReviewPromises</bpmn:outgoing>
            </bpmn:userTask>
        """ + review)
        .replace("id=\"Flow_ToPromiseSigning\" sourceRef=\"Task_FormulatePromises\"",
            "id=\"Flow_ToPromiseSigning\" sourceRef=\"Task_ReviewPromises\"");
    if (changed.equals(model) || !changed.contains("sourceRef=\"Task_ReviewPromises\"")) {
      throw new IllegalStateException("medborgarlofte.bpmn no longer has the flow from formulation to signing");
    }
    return changed;
  }
}
