package se.samverkan.modelrules;

/** A one-task model as Camunda Modeler writes it, with the parts the rules look at variable. */
public final class TestModels {

  public static final String PROCESS_KEY = "regeltest";
  public static final String TASK_ID = "Task_WriteReport";

  private TestModels() {}

  /** A null argument leaves the attribute out, as a process owner might in Modeler. */
  public static String userTask(String candidateGroups, String assignee, String formRef) {
    StringBuilder task = new StringBuilder("<bpmn:userTask id=\"" + TASK_ID + "\" name=\"Skriv rapport\"");
    if (candidateGroups != null) {
      task.append(" camunda:candidateGroups=\"").append(candidateGroups).append('"');
    }
    if (assignee != null) {
      task.append(" camunda:assignee=\"").append(assignee).append('"');
    }
    if (formRef != null) {
      task.append(" camunda:formRef=\"").append(formRef).append("\" camunda:formRefBinding=\"deployment\"");
    }
    task.append(">");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_Regeltest" targetNamespace="http://samverkan.se/test">
          <bpmn:process id="%s" name="Regeltest" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Started"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Started" targetRef="%s" />
            %s
              <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="%s" targetRef="Event_Done" />
            <bpmn:endEvent id="Event_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(PROCESS_KEY, TASK_ID, task, TASK_ID);
  }
}
