package se.samverkan.modelrules;

/** A one-task model as Camunda Modeler writes it, with the parts the rules look at variable. */
public final class TestModels {

  public static final String PROCESS_KEY = "regeltest";
  public static final String TASK_ID = "Task_WriteReport";

  private TestModels() {}

  /** The reminder and escalation every user task carries, as in processes/. */
  public static final String TIMEOUT_LISTENERS = """
      <bpmn:extensionElements>
        <camunda:taskListener delegateExpression="${taskReminder}" event="timeout" id="Reminder">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Reminder"><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </camunda:taskListener>
        <camunda:taskListener delegateExpression="${taskEscalation}" event="timeout" id="Escalation">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Escalation"><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </camunda:taskListener>
      </bpmn:extensionElements>""";

  /**
   * A null argument leaves the attribute out, as a process owner might in Modeler. The task has a
   * due date and the reminder and escalation timers ({@link #TIMEOUT_LISTENERS}).
   */
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
    task.append(" camunda:dueDate=\"P10D\">").append(TIMEOUT_LISTENERS);
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

  public static final String CODE_PROCESS_KEY = "kodtest";

  /**
   * A process "Kodtest" whose body the test writes: its elements and flows between
   * {@code Event_Start} (a start event, given) and whatever the body ends in.
   */
  public static String process(String startEventDefinition, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="Definitions_Kodtest" targetNamespace="http://samverkan.se/test">
          <bpmn:process id="%s" name="Kodtest" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_First</bpmn:outgoing>%s</bpmn:startEvent>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(CODE_PROCESS_KEY, startEventDefinition, body);
  }

  /** Start, one service task with the given attributes and content, end. */
  public static String serviceTask(String startEventDefinition, String attributes, String content) {
    return process(startEventDefinition, """
        <bpmn:sequenceFlow id="Flow_First" sourceRef="Event_Start" targetRef="Task_Code" />
        <bpmn:serviceTask id="Task_Code" name="Kör" %s>%s
          <bpmn:incoming>Flow_First</bpmn:incoming><bpmn:outgoing>Flow_Last</bpmn:outgoing>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_Last" sourceRef="Task_Code" targetRef="Event_End" />
        <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_Last</bpmn:incoming></bpmn:endEvent>
        """.formatted(attributes, content));
  }

  /** A timer start event as in the exploit of issue 14: the process starts by itself. */
  public static final String TIMER_START =
      "<bpmn:timerEventDefinition><bpmn:timeCycle>R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>";

  /** Exploit 1 of issue 14: the process owner makes itself an administrator. */
  public static String membershipExploit() {
    return serviceTask(TIMER_START,
        "camunda:expression=\"${identityService.createMembership('processagare','camunda-admin')}\"", "");
  }

  /** Exploit 2 of issue 14: an OS command creates the file {@code marker}. */
  public static String commandExploit(String marker) {
    return serviceTask(TIMER_START, "camunda:expression=\"${''.getClass().forName('java.lang.Runtime')"
        + ".getMethod('getRuntime').invoke(null).exec('touch " + marker + "')}\"", "");
  }
}
