package se.samverkan.drafts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samverkan.engine.SwedishTime;
import se.samverkan.forms.FormInputs;

/**
 * A task's draft, for the person the engine's current authentication names, through the engine's
 * own view of the task:
 * <ul>
 *   <li>whoever may see the task (the engine's task query with their authorizations) may read its
 *       draft; anyone else gets "not found", never a hint that the task exists;</li>
 *   <li>whoever may work on it (TASK_WORK or UPDATE on the task or its process definition) may
 *       save and remove it, while the task is unclaimed or claimed by themselves: a task claimed
 *       by a colleague is hers until she gives it back;</li>
 *   <li>only the values of fields the task's form lets one edit are kept (what a completion could
 *       set), as JSON of at most {@code samverkan.drafts.max-characters}.</li>
 * </ul>
 */
public class TaskDraftService {

  /** A draft as the reader sees it. */
  public record View(JsonNode values, String savedBy, String savedByName, Timestamp savedAt, String notice) {}

  /** Why a draft request is refused: the HTTP status and a Swedish message. */
  public static class Refused extends RuntimeException {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.forLanguageTag("sv-SE"));
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

  private final TaskDrafts drafts;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final TransactionTemplate transaction;
  private final int maxCharacters;

  TaskDraftService(TaskDrafts drafts, TaskService tasks, FormService forms, IdentityService identity,
      AuthorizationService authorizations, org.camunda.bpm.engine.RepositoryService repository,
      PlatformTransactionManager transactionManager, int maxCharacters) {
    this.drafts = drafts;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.authorizations = authorizations;
    this.repository = repository;
    this.transaction = new TransactionTemplate(transactionManager);
    this.maxCharacters = maxCharacters;
  }

  /** The task's draft, or empty when it has none. */
  public Optional<View> read(String taskId) {
    visibleTask(taskId);
    return drafts.find(taskId).map(this::view);
  }

  /** Saves the draft (replacing the last one) and returns it as a reader sees it. */
  public View save(String taskId, JsonNode submitted) {
    Authentication user = current();
    Task task = workableTask(taskId, user);
    if (submitted == null || !submitted.isObject()) {
      throw new Refused(400, "Utkastet ska vara formulärets värden som ett JSON-objekt.");
    }
    FormInputs inputs = FormInputs.of(deployedForm(taskId));
    ObjectNode kept = JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = submitted.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      inputs.input(field.getKey()).filter(input -> !input.readOnly()).ifPresent(input -> kept.set(field.getKey(), field.getValue()));
    }
    String values;
    try {
      values = JSON.writeValueAsString(kept);
    } catch (JsonProcessingException e) {
      throw new Refused(400, "Utkastet kunde inte läsas.");
    }
    if (values.length() > maxCharacters) {
      throw new Refused(413, "Utkastet är för stort att spara (" + values.length() + " tecken, högst " + maxCharacters
          + "). Korta de längsta fälten eller slutför uppgiften i omgångar.");
    }
    TaskDrafts.Draft draft = new TaskDrafts.Draft(task.getId(), values, user.getUserId(),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
    transaction.executeWithoutResult(status -> drafts.save(draft));
    return view(draft);
  }

  /** Removes the draft; true when there was one. */
  public boolean remove(String taskId) {
    Authentication user = current();
    workableTask(taskId, user);
    return Boolean.TRUE.equals(transaction.execute(status -> drafts.delete(taskId)));
  }

  /** Drafts of tasks that no longer exist (completed, cancelled): removed on a schedule. */
  public int removeOrphans() {
    return drafts.removeOrphans();
  }

  private View view(TaskDrafts.Draft draft) {
    JsonNode values;
    try {
      values = JSON.readTree(draft.values());
    } catch (IOException e) {
      values = JSON.createObjectNode();
    }
    String name = nameOf(draft.savedBy());
    var at = draft.savedAt().toInstant().atZone(SwedishTime.ZONE);
    return new View(values, draft.savedBy(), name, draft.savedAt(),
        "Utkast sparat av " + name + " kl. " + TIME.format(at) + " den " + DAY.format(at) + ".");
  }

  /** The saver's name as the task's history shows it, whoever reads (a fixed lookup, not one the reader steers). */
  private String nameOf(String userId) {
    User user = asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  /** Engine calls about the user, not on their behalf: their own authorizations are checked above. */
  private <T> T asSystem(java.util.function.Supplier<T> call) {
    return se.samverkan.engine.AsSystem.call(identity, call);
  }

  private Authentication current() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new Refused(401, "Logga in först.");
    }
    return authentication;
  }

  private Task visibleTask(String taskId) {
    current();
    Task task = taskId == null || taskId.length() > 64 ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new Refused(404, "Uppgiften finns inte, eller så får du inte se den.");
    }
    return task;
  }

  private Task workableTask(String taskId, Authentication user) {
    Task task = visibleTask(taskId);
    if (!mayWorkOn(task, user)) {
      throw new Refused(403, "Du får se uppgiften men inte arbeta med den, och kan därför inte spara ett utkast.");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
      throw new Refused(409, "Uppgiften är tagen av " + nameOf(task.getAssignee())
          + ". Bara den som har tagit den kan spara ett utkast; be om att få den återlämnad till funktionen.");
    }
    return task;
  }

  private boolean mayWorkOn(Task task, Authentication user) {
    return asSystem(() -> checkWork(task, user));
  }

  private boolean checkWork(Task task, Authentication user) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    Map<Permission, Resource> onTask = new LinkedHashMap<>();
    onTask.put(TaskPermissions.TASK_WORK, Resources.TASK);
    onTask.put(Permissions.UPDATE, Resources.TASK);
    for (Map.Entry<Permission, Resource> check : onTask.entrySet()) {
      if (authorizations.isUserAuthorized(user.getUserId(), groups, check.getKey(), check.getValue(), task.getId())) {
        return true;
      }
    }
    if (task.getProcessDefinitionId() == null) {
      return false;
    }
    ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    return authorizations.isUserAuthorized(user.getUserId(), groups, ProcessDefinitionPermissions.TASK_WORK,
        Resources.PROCESS_DEFINITION, definition.getKey())
        || authorizations.isUserAuthorized(user.getUserId(), groups, ProcessDefinitionPermissions.UPDATE_TASK,
        Resources.PROCESS_DEFINITION, definition.getKey());
  }

  private JsonNode deployedForm(String taskId) {
    try (InputStream in = forms.getDeployedTaskForm(taskId)) {
      return JSON.readTree(in);
    } catch (IOException | RuntimeException e) {
      throw new Refused(409, "Uppgiften har inget formulär att spara ett utkast av.");
    }
  }
}
