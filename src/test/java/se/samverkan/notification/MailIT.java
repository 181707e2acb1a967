package se.samverkan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.EscalationTestProcess;
import se.samverkan.RestClient;
import se.samverkan.handover.StaffingReport;
import se.samverkan.tasklist.TasklistFilters;

/**
 * Mails through a real SMTP server (GreenMail on the port of application-test.yaml): new tasks
 * bundled per function member, reminder and escalation with the clock moved, the staffing
 * report, and a mail server that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired MailDispatcher dispatcher;
  @Autowired StaffingReport staffingReport;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deployAndSendWhatIsPending() throws Exception {
    repositoryService.createDeployment()
        .addClasspathResource(EscalationTestProcess.RESOURCE)
        .addClasspathResource(EscalationTestProcess.FORM)
        .enableDuplicateFiltering(true)
        .name(EscalationTestProcess.PROCESS_KEY)
        .deploy();
    dispatcher.dispatch();
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldBundleTheNewTasksOfAFunctionIntoOneMailPerMember() throws Exception {
    List<String> taskIds = List.of(start("samordnare-sorsele"), start("samordnare-sorsele"), start("samordnare-sorsele"));

    dispatcher.dispatch();

    List<MimeMessage> mails = mailsTo("samordnare.sorsele@samverkan.example");
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("3 nya uppgifter i Samverkan");
    String body = body(mails.get(0));
    assertThat(body).contains("Brottsförebyggande samordnare, Sorsele", EscalationTestProcess.TASK_NAME);
    taskIds.forEach(id -> assertThat(body).contains(LINK + id));
  }

  @Test
  void shouldMailTheReminderAndTheEscalationWhenTheClockPassesTheWorkingDayDueDate() throws Exception {
    ClockUtil.setCurrentTime(at(2026, 4, 2, 10));
    String taskId = start("samordnare-vilhelmina");
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getDueDate()).as("five working days after Maundy Thursday").isEqualTo(at(2026, 4, 13, 10));
    List<Job> timers = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()
        .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();

    fire(timers.get(0));
    dispatcher.dispatch();

    List<MimeMessage> reminders = mailsTo("samordnare.vilhelmina@samverkan.example").stream()
        .filter(m -> subject(m).startsWith("Påminnelse")).toList();
    assertThat(reminders).hasSize(1);
    assertThat(body(reminders.get(0))).contains("passerat sitt förfallodatum", LINK + taskId, "Förfaller: 2026-04-13 10:00");

    fire(timers.get(1));
    dispatcher.dispatch();

    List<MimeMessage> escalations = mailsTo("kommunledning.vilhelmina@samverkan.example");
    assertThat(escalations).extracting(MailIT::subject).containsExactly("Eskalerad: " + EscalationTestProcess.TASK_NAME);
    assertThat(body(escalations.get(0))).contains("eskalerats (nivå 1) till Kommunledning, Vilhelmina", LINK + taskId);
    String escalated = filterService.createFilterQuery().filterName(TasklistFilters.ESCALATED).singleResult().getId();
    List<Map<String, Object>> seen = RestClient.as(rest, "kommunledning.vilhelmina")
        .get("/filter/" + escalated + "/list", LIST).getBody();
    assertThat(seen).extracting(t -> t.get("id")).contains(taskId);
  }

  @Test
  void shouldSendTheMailLaterWhenTheMailServerWasDown() throws Exception {
    smtp.stop();
    String taskId = start("samordnare-mala");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the process step went through").isEqualTo(1);

    dispatcher.dispatch();

    assertThat(jdbc.queryForObject("select count(*) from " + MailOutbox.TABLE
        + " where task_id = ? and sent_at is null and attempts = 1 and last_error is not null", Integer.class, taskId))
        .isEqualTo(1);

    smtp.start();
    dispatcher.dispatch();
    assertThat(mailsTo("samordnare.mala@samverkan.example")).as("not before the retry delay").isEmpty();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 5 * 60_000));
    dispatcher.dispatch();

    List<MimeMessage> mails = mailsTo("samordnare.mala@samverkan.example");
    assertThat(mails).hasSize(1);
    assertThat(body(mails.get(0))).contains(LINK + taskId);
  }

  @Test
  void shouldMailTheStaffingReportToTheSamordnareAndTheLpochef() throws Exception {
    assertThat(staffingReport.send()).isGreaterThan(0);
    dispatcher.dispatch();

    for (String recipient : List.of("lpochef.sodra-lappland@samverkan.example", "samordnare.asele@samverkan.example")) {
      List<MimeMessage> mails = mailsTo(recipient);
      assertThat(mails).as(recipient).hasSize(1);
      assertThat(body(mails.get(0))).contains("Endast en innehavare", "Kommunpolis, Södra Lappland (kommunpolis-sodra-lappland)");
    }
    assertThat(mailsTo("skola.asele@samverkan.example")).isEmpty();
  }

  private String start(String function) {
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, function)).getId();
    return taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
  }

  private void fire(Job timer) {
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
  }

  private static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        Address[] to = m.getAllRecipients();
        return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) throws IOException, MessagingException {
    return message.getContent().toString();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(STOCKHOLM).toInstant());
  }
}
