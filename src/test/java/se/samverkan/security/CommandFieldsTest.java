package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The fields of Camunda's commands that {@link EngineGuard} reads exist under these names in the
 * engine on the classpath: a Camunda upgrade that renames one fails here, not silently in production
 * (where the guard would refuse every such call of a function user).
 */
class CommandFieldsTest {

  @Test
  void shouldReadTheTaskAndVariablesOfEveryCompletion() {
    Map<String, Object> variables = Map.of("kommun", "mala");

    assertThat(CommandFields.readString(new CompleteTaskCmd("t1", variables), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.read(new CompleteTaskCmd("t1", variables), "variables")).isEqualTo(variables);
    assertThat(CommandFields.read(new ResolveTaskCmd("t1", variables), "variables")).isEqualTo(variables);
    assertThat(CommandFields.read(new HandleTaskBpmnErrorCmd("t1", "fel", null, variables), "variables")).isEqualTo(variables);
    assertThat(CommandFields.read(new HandleTaskEscalationCmd("t1", "esk", variables), "variables")).isEqualTo(variables);
    SubmitTaskFormCmd submit = new SubmitTaskFormCmd("t1", variables, false, false);
    assertThat(CommandFields.readString(submit, "taskId")).isEqualTo("t1");
    assertThat(((Map<?, ?>) CommandFields.read(submit, "properties")).get("kommun")).isEqualTo("mala");
  }

  @Test
  void shouldReplaceTheVariablesOfACompletion() {
    CompleteTaskCmd complete = new CompleteTaskCmd("t1", Map.of("a", 1, "b", 2));

    CommandFields.write(complete, "variables", Variables.createVariables().putValue("a", 1));

    assertThat(String.valueOf(((Map<?, ?>) CommandFields.read(complete, "variables")).keySet())).isEqualTo("[a]");
  }

  @Test
  void shouldReadWhereACommentOrAttachmentGoes() {
    assertThat(CommandFields.readString(new AddCommentCmd("t1", "p1", "text"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new AddCommentCmd("t1", "p1", "text"), "processInstanceId")).isEqualTo("p1");
    assertThat(CommandFields.readString(new UpdateCommentCmd("t1", "c1", null, "text"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new DeleteTaskCommentCmd("t1", "c1"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new DeleteProcessInstanceCommentCmd("p1", "c1"), "processInstanceId")).isEqualTo("p1");
    CreateAttachmentCmd attach = new CreateAttachmentCmd("url", "t1", "p1", "namn", null, null, "https://example.se");
    assertThat(CommandFields.readString(attach, "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(attach, "processInstanceId")).isEqualTo("p1");
    AttachmentEntity attachment = new AttachmentEntity();
    assertThat(CommandFields.read(new SaveAttachmentCmd(attachment), "attachment")).isSameAs(attachment);
    assertThat(CommandFields.readString(new DeleteAttachmentCmd("t1", "a1"), "attachmentId")).isEqualTo("a1");
    assertThat(CommandFields.readString(new DeleteAttachmentCmd("t1", "a1"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new GetTaskCommentsCmd("t1"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new GetTaskEventsCmd("t1"), "taskId")).isEqualTo("t1");
    assertThat(CommandFields.readString(new GetAttachmentContentCmd("a1"), "attachmentId")).isEqualTo("a1");
    assertThat(CommandFields.readString(new GetProcessInstanceCommentsCmd("p1"), "processInstanceId")).isEqualTo("p1");
  }

  @Test
  void shouldFailClosedOnAFieldItCannotRead() {
    assertThatThrownBy(() -> CommandFields.read(new GetTaskCommentsCmd("t1"), "finnsInte"))
        .isInstanceOf(CommandFields.Unreadable.class);
    assertThatThrownBy(() -> CommandFields.readString(new CompleteTaskCmd("t1", Map.of()), "variables"))
        .isInstanceOf(CommandFields.Unreadable.class);
  }
}
