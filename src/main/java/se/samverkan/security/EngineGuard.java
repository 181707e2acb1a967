package se.samverkan.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTelemetryDataCmd;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.IsTelemetryEnabledCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.TelemetryConfigureCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.samverkan.forms.DeployedTaskForms;
import se.samverkan.forms.FormInputs;
import se.samverkan.forms.FormValidationException;

/**
 * The engine's own door for what a function user may do beyond Camunda's authorizations, for every
 * caller alike (/engine-rest, the webapps' /camunda/api/engine, Java). Registered by
 * {@link EngineGuardPlugin} as a command interceptor, it looks at the command a call into the engine
 * begins with; commands the engine runs inside it (delegates, listeners) and calls without a person
 * (job executor, our own beans) pass, and so do administrators.
 *
 * <ul>
 *   <li>A completion sets only what the task's form declares ({@link FormInputs}); anything else is
 *       refused with a Swedish 400 before anything changes. A read-only field sent back unchanged
 *       is dropped, a changed one refused.
 *   <li>Outside a completion a function user sets, removes or deletes no variable, modifies no
 *       process instance, correlates no message and sends no signal (403).
 *   <li>Comments and attachments: writing needs the right to work on the task, reading the right to
 *       read the task or process instance (Camunda checks neither).
 *   <li>Metrics and telemetry: administrators only.
 * </ul>
 *
 * The command classes are Camunda's impl API; this class and {@link CommandFields} are the only
 * places that know them.
 */
class EngineGuard extends CommandInterceptor {

  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  /** Commands that write variables or move tokens with them, refused for function users. */
  private static final List<Class<?>> VARIABLE_WRITES = List.of(AbstractVariableCmd.class,
      AbstractPatchVariablesCmd.class, ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      AbstractModificationCmd.class, AbstractRestartProcessInstanceCmd.class, AbstractCorrelateMessageCmd.class,
      CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class, SignalCmd.class,
      SignalEventReceivedCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      DeleteHistoricVariableInstanceCmd.class, DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
      HandleExternalTaskCmd.class, CaseExecutionVariableCmd.class);

  private static final Set<String> ADMIN_ONLY = Set.of(
      // a metrics query runs itself as the command (sum and interval as its callbacks)
      "org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl",
      "org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl$MetricsQuerySumCmd",
      "org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl$MetricsQueryIntervalCmd",
      GetUniqueTaskWorkerCountCmd.class.getName(), DeleteMetricsCmd.class.getName(),
      DeleteTaskMetricsCmd.class.getName(), TelemetryConfigureCmd.class.getName(),
      GetTelemetryDataCmd.class.getName(), IsTelemetryEnabledCmd.class.getName());

  private static final int MAX_NAMES = 10;

  private final ProcessEngineConfigurationImpl configuration;
  private final DeployedTaskForms forms;

  EngineGuard(ProcessEngineConfigurationImpl configuration, DeployedTaskForms forms) {
    this.configuration = configuration;
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (INSIDE.get() != null) {
      return next.execute(command);
    }
    INSIDE.set(Boolean.TRUE);
    try {
      refuseRevoke(command);
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user != null && user.getUserId() != null && !Administrators.includes(user.getUserId(), user.getGroupIds(), configuration)) {
        try {
          guard(command);
        } catch (CommandFields.Unreadable unreadable) {
          throw new AuthorizationException("Samverkan kunde inte kontrollera anropet och avvisar det.");
        }
      }
      return next.execute(command);
    } finally {
      INSIDE.remove();
    }
  }

  /**
   * No REVOKE authorization, from anyone (administrators and Samverkan's own code included): the
   * engine does not look for them (engine/EngineSettings, authorizationCheckRevokes "never"), so one
   * would take nothing away and only seem to. Access is narrowed by removing grants instead.
   */
  private static void refuseRevoke(Command<?> command) {
    if (command instanceof SaveAuthorizationCmd) {
      Object authorization = CommandFields.read(command, "authorization");
      if (authorization instanceof Authorization a && a.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException("Samverkan använder inga spärrande behörigheter (REVOKE, «Neka» i Admin): "
            + "ta bort den behörighet som ger åtkomsten i stället. Behörigheten sparades inte.");
      }
    }
  }

  private void guard(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd) {
      completion(command, "variables");
    } else if (command instanceof SubmitTaskFormCmd) {
      completion(command, "properties");
    } else if (VARIABLE_WRITES.stream().anyMatch(type -> type.isInstance(command))) {
      throw new AuthorizationException("Du kan inte ändra processens variabler, flytta den eller skicka "
          + "meddelanden och signaler till den: det gör uppgifternas formulär och Samverkan själv.");
    } else if (ADMIN_ONLY.contains(command.getClass().getName())) {
      throw new AuthorizationException("Mätvärden och telemetri är bara för administratörer.");
    } else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof CreateAttachmentCmd) {
      write(CommandFields.readString(command, "taskId"), CommandFields.readString(command, "processInstanceId"));
    } else if (command instanceof DeleteTaskCommentCmd) {
      write(CommandFields.readString(command, "taskId"), null);
    } else if (command instanceof DeleteProcessInstanceCommentCmd) {
      write(null, CommandFields.readString(command, "processInstanceId"));
    } else if (command instanceof SaveAttachmentCmd) {
      Object attachment = CommandFields.read(command, "attachment");
      writeAttachment(attachment instanceof org.camunda.bpm.engine.task.Attachment a ? a.getId() : null, null);
    } else if (command instanceof DeleteAttachmentCmd) {
      writeAttachment(CommandFields.readString(command, "attachmentId"), CommandFields.readString(command, "taskId"));
    } else if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskCommentCmd
        || command instanceof GetTaskAttachmentsCmd || command instanceof GetTaskAttachmentCmd
        || command instanceof GetTaskAttachmentContentCmd || command instanceof GetTaskEventsCmd) {
      read(CommandFields.readString(command, "taskId"), null);
    } else if (command instanceof GetProcessInstanceCommentsCmd || command instanceof GetProcessInstanceAttachmentsCmd) {
      read(null, CommandFields.readString(command, "processInstanceId"));
    } else if (command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd) {
      readAttachment(CommandFields.readString(command, "attachmentId"));
    }
  }

  // --- completions ---------------------------------------------------------------------------

  private void completion(Command<?> command, String variablesField) {
    String taskId = CommandFields.readString(command, "taskId");
    Object field = CommandFields.read(command, variablesField);
    if (field != null && !(field instanceof Map)) {
      throw new CommandFields.Unreadable(command.getClass().getName() + "." + variablesField, null);
    }
    Map<?, ?> variables = (Map<?, ?>) field;
    if (variables == null || variables.isEmpty() || taskId == null) {
      return; // nothing set; a missing task id the command reports itself
    }
    List<String> dropped = inContext(context -> checkDeclared(context, taskId, variables));
    if (!dropped.isEmpty()) {
      CommandFields.write(command, variablesField, without(variables, dropped));
    }
  }

  /** Refuses undeclared or changed read-only variables; returns the read-only ones sent back unchanged. */
  private List<String> checkDeclared(CommandContext context, String taskId, Map<?, ?> variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return List.of(); // the command itself reports the missing task
    }
    List<String> names = new ArrayList<>();
    variables.keySet().forEach(name -> names.add(String.valueOf(name)));
    JsonNode form = task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null
        ? null
        : context.runWithoutAuthorization(() -> forms.of(task));
    if (form == null) {
      throw new FormValidationException(task.getName(), List.of("Uppgiften har inget formulär och kan bara "
          + "slutföras utan värden (skickade: " + listed(names) + ")."));
    }
    FormInputs inputs = FormInputs.of(form);
    List<String> undeclared = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String name : names) {
      FormInputs.Input input = inputs.input(name).orElse(null);
      if (input == null) {
        undeclared.add(name);
      } else if (input.readOnly()) {
        Object submitted = variables instanceof VariableMap map ? map.getValueTyped(name) : variables.get(name);
        boolean exists = context.runWithoutAuthorization(() -> task.hasVariable(name));
        Object current = exists ? context.runWithoutAuthorization(() -> task.getVariable(name)) : null;
        (FormInputs.showsUnchanged(input, submitted, exists, current) ? unchanged : changed).add(name);
      }
    }
    List<String> problems = new ArrayList<>();
    if (!undeclared.isEmpty()) {
      problems.add("Formuläret har inga fält för " + listed(undeclared) + ": en uppgift sätter bara det "
          + "dess formulär frågar efter.");
    }
    if (!changed.isEmpty()) {
      problems.add("Skrivskyddade fält kan inte ändras: " + listed(changed) + ".");
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
    return unchanged;
  }

  private static Map<String, Object> without(Map<?, ?> variables, List<String> dropped) {
    if (variables instanceof VariableMap map) {
      VariableMap kept = Variables.createVariables();
      map.keySet().stream().filter(name -> !dropped.contains(name))
          .forEach(name -> kept.putValueTyped(name, map.getValueTyped(name)));
      return kept;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (!dropped.contains(String.valueOf(name))) {
        kept.put(String.valueOf(name), value);
      }
    });
    return kept;
  }

  // --- comments and attachments --------------------------------------------------------------

  /** Writing a comment or attachment: the person must be allowed to work on the task. */
  private void write(String taskId, String processInstanceId) {
    if (taskId == null && processInstanceId == null) {
      throw new AuthorizationException("Ange uppgiften du kommenterar eller bifogar till.");
    }
    inContext(context -> {
      if (taskId != null) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          throw new AuthorizationException("Du kan bara kommentera och bifoga till öppna uppgifter du arbetar med.");
        }
        if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
          throw new AuthorizationException("Uppgiften hör inte till den processinstansen.");
        }
        try {
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
          }
        } catch (AuthorizationException e) {
          throw new AuthorizationException("Du kan bara kommentera och bifoga till uppgifter som din funktion "
              + "arbetar med: \"" + task.getName() + "\" kan du bara läsa.");
        }
      } else if (processInstanceId != null) {
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
        try {
          if (instance == null) {
            throw new AuthorizationException("no instance");
          }
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkUpdateProcessInstance(instance);
          }
        } catch (AuthorizationException e) {
          throw new AuthorizationException("Du kan inte kommentera eller bifoga till processinstansen: "
              + "kommentera uppgiften du arbetar med.");
        }
      }
      return null;
    });
  }

  private void writeAttachment(String attachmentId, String taskId) {
    if (attachmentId == null) {
      write(taskId, null);
      return;
    }
    AttachmentEntity attachment = inContext(context ->
        context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId));
    if (attachment == null) {
      write(taskId, null); // unknown attachment: the command reports it, unless the task is not the person's
      return;
    }
    write(attachment.getTaskId(), attachment.getTaskId() == null ? attachment.getProcessInstanceId() : null);
  }

  /** Reading comments or attachments: the person must be allowed to read the task or process instance. */
  private void read(String taskId, String processInstanceId) {
    boolean allowed = inContext(context -> {
      var services = context.getProcessEngineConfiguration();
      // Queries under the person's authentication: the engine's own read rules, runtime and history.
      if (taskId != null) {
        return services.getTaskService().createTaskQuery().taskId(taskId).count() > 0
            || services.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
      }
      return processInstanceId != null
          && (services.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
          || services.getHistoryService().createHistoricProcessInstanceQuery()
              .processInstanceId(processInstanceId).count() > 0);
    });
    if (!allowed) {
      throw new AuthorizationException(taskId != null
          ? "Du kan inte läsa kommentarer och bilagor till en uppgift som din funktion inte ser."
          : "Du kan inte läsa kommentarer och bilagor till en processinstans som din funktion inte ser.");
    }
  }

  private void readAttachment(String attachmentId) {
    AttachmentEntity attachment = attachmentId == null ? null : inContext(context ->
        context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId));
    if (attachment == null) {
      return; // nothing to read: the command answers it
    }
    if (attachment.getTaskId() != null) {
      read(attachment.getTaskId(), null);
    } else {
      read(null, attachment.getProcessInstanceId());
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Runs a look-up in a command context of its own, down the rest of the chain (not guarded again). */
  private <T> T inContext(Command<T> lookup) {
    return next.execute(lookup);
  }

  /** Names a client sent, shortened: the message must stay readable and small. */
  static String listed(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String name : names.subList(0, Math.min(names.size(), MAX_NAMES))) {
      String printable = name.replaceAll("[^\\p{L}\\p{N} ._-]", "?");
      shown.add(printable.length() <= 40 ? printable : printable.substring(0, 40) + "…");
    }
    String list = String.join(", ", shown);
    return names.size() > MAX_NAMES ? list + " och " + (names.size() - MAX_NAMES) + " till" : list;
  }
}
