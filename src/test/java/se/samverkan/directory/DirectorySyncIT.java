package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samverkan.EscalationTestProcess;
import se.samverkan.directory.DirectorySync.Outcome;
import se.samverkan.directory.DirectorySync.SourceOutcome;
import se.samverkan.directory.DirectorySync.Status;
import se.samverkan.handover.FunctionReconciliation;
import se.samverkan.handover.Overlamning;

/**
 * The LDAP sync against two in-process directories (UnboundID's in-memory server): Lycksele's, shaped
 * like Active Directory (sAMAccountName, userAccountControl, nested groups, member attributes in
 * ranges), and Malå's, shaped like OpenLDAP, which also holds the mass-removal valve's source. Its own
 * application context (engine "directoryit", its own H2 database, no web server), so that the
 * shared integration-test context never has a directory source; the sync is called as its schedule
 * and the admin endpoint call it. The context is closed after the class: a second engine left
 * running in the JVM would be found by the next separate application's REST API.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.datasource.url=jdbc:h2:mem:samverkan-directory-it;DB_CLOSE_DELAY=-1",
    // Camunda ignores an engine name with a hyphen (and keeps "default")
    "camunda.bpm.process-engine-name=directoryit",
    "camunda.bpm.admin-user.email=admin@samverkan.example",
    "spring.jmx.enabled=false",
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
    "samverkan.directory.node=it-nod"})
class DirectorySyncIT {

  static final TestDirectory LYCKSELE = Directories.LYCKSELE;
  static final TestDirectory MALA = Directories.MALA;
  static final String L = "itest-lycksele";
  static final String M = "itest-mala";
  static final String V = "itest-valve";

  /** Both directories with their first people and groups, before the context reads the settings. */
  static final class Directories {
    static final TestDirectory LYCKSELE = new TestDirectory("dc=lycksele,dc=test");
    static final TestDirectory MALA = new TestDirectory("dc=mala,dc=test");
    static final String SAMORDNARE = "cn=Samordnare,ou=Grupper,dc=lycksele,dc=test";
    static final String RADDNING = "cn=Raddning,ou=Grupper,dc=lycksele,dc=test";
    static final String SKOLA = "cn=Skola,ou=Grupper,dc=lycksele,dc=test";
    static final String REKTORER = "cn=Rektorer,ou=Grupper,dc=lycksele,dc=test";
    static final String BITRADANDE = "cn=Bitradande,ou=Grupper,dc=lycksele,dc=test";
    static final String SOCIAL = "cn=Social,ou=Grupper,dc=lycksele,dc=test";
    static final String MALA_SAMORDNARE = "cn=samordnare,ou=groups,dc=mala,dc=test";
    static final String LEDNING = "cn=ledning,ou=valve,dc=mala,dc=test";
    static final String FRITID = "cn=fritid,ou=valve,dc=mala,dc=test";

    static {
      TestDirectory l = LYCKSELE;
      l.ou("Personal");
      l.ou("Grupper");
      String anna = l.adUser("dir.anna", "Anna", "Andersson", 512);
      String delad = l.adUser("dir.delad", "Delad", "Lycksele", 512);
      String rektor = l.adUser("dir.rektor", "Rut", "Rektor", 512);
      String bitr = l.adUser("dir.bitr", "Bo", "Biträdande", 512);
      l.adUser("x".repeat(70), "För", "Lång", 512);
      l.group(SAMORDNARE, "group", anna, delad);
      l.group(RADDNING, "group");
      l.group(BITRADANDE, "group", bitr, REKTORER); // a cycle back to Rektorer
      l.group(REKTORER, "group", rektor, BITRADANDE);
      l.group(SKOLA, "group", REKTORER);
      String[] social = new String[7];
      for (int i = 0; i < social.length; i++) {
        social[i] = l.adUser("dir.social" + i, "Social", "Nummer " + i, 512);
      }
      l.group(SOCIAL, "group", social);
      l.rangeRetrieval(SOCIAL, 3);

      TestDirectory m = MALA;
      m.ou("people");
      m.ou("groups");
      m.ou("valve");
      String mdelad = m.person("people", "dir.delad", "Delad", "Malå");
      String local = m.person("people", "samordnare.mala", "Falsk", "Samordnare");
      String malin = m.person("people", "dir.malin", "Malin", "Malå");
      m.group(MALA_SAMORDNARE, "groupOfNames", mdelad, local, malin);
      String[] ledning = new String[5];
      for (int i = 0; i < ledning.length; i++) {
        ledning[i] = m.person("valve", "dir.ledning" + i, "Ledning", "Nummer " + i);
      }
      m.group(LEDNING, "groupOfNames", ledning);
      m.group(FRITID, "groupOfNames", m.person("valve", "dir.ensam", "Ensam", "Fritidsledare"));
    }

    private Directories() {}
  }

  @DynamicPropertySource
  static void sources(DynamicPropertyRegistry registry) {
    String l = "samverkan.directory.sources." + L + ".";
    registry.add(l + "name", () -> "Lycksele kommuns katalog (test)");
    registry.add(l + "municipalities[0]", () -> "lycksele");
    registry.add(l + "ldap.url", LYCKSELE::url);
    registry.add(l + "ldap.bind-dn", () -> "cn=samverkan,dc=lycksele,dc=test");
    registry.add(l + "ldap.bind-password", () -> "tjänstelösen");
    registry.add(l + "ldap.user-base", () -> "ou=Personal,dc=lycksele,dc=test");
    registry.add(l + "ldap.user-filter", () -> "(objectClass=user)");
    registry.add(l + "ldap.user-id-attribute", () -> "sAMAccountName");
    registry.add(l + "ldap.active-directory", () -> "true");
    registry.add(l + "ldap.page-size", () -> "2");
    registry.add(l + "ldap.timeout", () -> "PT2S");
    registry.add(l + "valve.max-removals", () -> "50");
    registry.add(l + "functions[samordnare-lycksele]", () -> Directories.SAMORDNARE);
    registry.add(l + "functions[raddningstjanst-lycksele]", () -> Directories.RADDNING);
    registry.add(l + "functions[skola-lycksele]", () -> Directories.SKOLA);
    registry.add(l + "functions[socialtjanst-lycksele]", () -> Directories.SOCIAL);
    String m = "samverkan.directory.sources." + M + ".";
    registry.add(m + "name", () -> "Malå kommuns katalog (test)");
    registry.add(m + "municipalities[0]", () -> "mala");
    registry.add(m + "ldap.url", MALA::url);
    registry.add(m + "ldap.user-base", () -> "ou=people,dc=mala,dc=test");
    registry.add(m + "ldap.user-filter", () -> "(objectClass=inetOrgPerson)");
    registry.add(m + "functions[samordnare-mala]", () -> Directories.MALA_SAMORDNARE);
    String v = "samverkan.directory.sources." + V + ".";
    registry.add(v + "name", () -> "Malås ledning (test av spärren)");
    registry.add(v + "municipalities[0]", () -> "mala");
    registry.add(v + "ldap.url", MALA::url);
    registry.add(v + "ldap.user-base", () -> "ou=valve,dc=mala,dc=test");
    registry.add(v + "ldap.user-filter", () -> "(objectClass=inetOrgPerson)");
    registry.add(v + "valve.max-removals", () -> "0");
    registry.add(v + "valve.max-share", () -> "0.3");
    registry.add(v + "functions[kommunledning-mala]", () -> Directories.LEDNING);
    registry.add(v + "functions[fritid-mala]", () -> Directories.FRITID);
  }

  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired DirectorySync sync;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired FunctionReconciliation reconciliation;
  @Autowired UserSources userSources;

  @BeforeEach
  void deployTheTestProcess() {
    // its own engine, never the shared context's "default", which Camunda's REST API looks up by name
    assertThat(engine.getName()).isEqualTo("directoryit");
    repositoryService.createDeployment().addClasspathResource(EscalationTestProcess.RESOURCE)
        .addClasspathResource(EscalationTestProcess.FORM).enableDuplicateFiltering(true).name("escalation-test").deploy();
  }

  @Test
  void shouldCreateTheUsersAndGiveTheFunctionsOfTheirGroupsIncludingNestedGroupsAndRangedMembers() {
    Outcome outcome = sync.run();

    assertThat(outcome.ran()).isTrue();
    assertThat(source(outcome, L).status()).as(source(outcome, L).message()).isEqualTo(Status.OK);
    User anna = identityService.createUserQuery().userId("dir.anna").singleResult();
    assertThat(anna.getFirstName()).isEqualTo("Anna");
    assertThat(anna.getLastName()).isEqualTo("Andersson");
    assertThat(anna.getEmail()).isEqualTo("dir.anna@example.se");
    assertThat(userSources.sourceOf("dir.anna")).contains(L);
    assertThat(state("dir.anna")).isEqualTo("ACTIVE");
    assertThat(members("samordnare-lycksele")).contains("dir.anna", "dir.delad", "samordnare.lycksele");
    assertThat(members("skola-lycksele")).as("nested twice, with a cycle").contains("dir.rektor", "dir.bitr");
    assertThat(members("socialtjanst-lycksele")).as("7 members handed out 3 at a time")
        .contains("dir.social0", "dir.social3", "dir.social6");
    assertThat(LYCKSELE.rangeRequests).isGreaterThanOrEqualTo(2);
    assertThat(given(L, "socialtjanst-lycksele")).hasSize(7);
    assertThat(given(L, "samordnare-lycksele")).as("the local holder is not the source's").doesNotContain("samordnare.lycksele");
    assertThat(kinds(L, "dir.anna")).contains("USER_CREATED", "MEMBERSHIP_ADDED");
    // the user id over the engine's 64 characters is refused and recorded, once
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ like 'xxxxxxxxxx%'", Integer.class)).isZero();
    sync.run();
    assertThat(jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? and change_kind = "
        + "'REFUSED_USER' and detail like '%70 tecken%'", Integer.class, L)).isEqualTo(1);

    Outcome again = sync.run();
    assertThat(source(again, L).membershipsAdded() + source(again, L).membershipsRemoved()).as("idempotent").isZero();
    assertThat(again.reconciliationRun()).isFalse();
  }

  @Test
  void shouldGiveTheWorkBackAndStartAHandoverWhenTheDirectoryDisablesAPerson() {
    String dn = LYCKSELE.adUser("dir.avstangd", "Avstängd", "Person", 512);
    LYCKSELE.addMember(Directories.SAMORDNARE, dn);
    sync.run();
    String task = claimedTask("samordnare-lycksele", "dir.avstangd");

    LYCKSELE.replace(dn, "userAccountControl", "514");
    long start = System.nanoTime();
    Outcome outcome = sync.run();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome.reconciliationRun()).isTrue();
    assertThat(source(outcome, L).accountsDeactivated()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as("back with the function").isNull();
    assertThat(handover("samordnare-lycksele", "dir.avstangd")).isTrue();
    assertThat(state("dir.avstangd")).isEqualTo("DISABLED");
    assertThat(identityService.createUserQuery().userId("dir.avstangd").count()).as("kept for the history's names").isEqualTo(1);
    assertThat(groupsOf("dir.avstangd")).isEmpty();
    assertThat(kinds(L, "dir.avstangd")).contains("USER_DISABLED", "MEMBERSHIP_REMOVED");
    assertThat(took).as("within the interval").isLessThan(Duration.ofMinutes(1));

    LYCKSELE.replace(dn, "userAccountControl", "512");
    sync.run();
    assertThat(state("dir.avstangd")).isEqualTo("ACTIVE");
    assertThat(groupsOf("dir.avstangd")).containsExactly("samordnare-lycksele");
    assertThat(kinds(L, "dir.avstangd")).contains("USER_ENABLED");
  }

  @Test
  void shouldGiveTheWorkBackHandItOverAndMarkTheVacancyWhenTheOnlyHolderIsDeletedFromTheDirectory() {
    String function = "raddningstjanst-lycksele";
    // the demo's local holder goes, so that the directory's person is the only one
    identityService.createUserQuery().memberOfGroup(function).list().stream()
        .filter(u -> userSources.sourceOf(u.getId()).isEmpty())
        .forEach(u -> identityService.deleteMembership(u.getId(), function));
    String dn = LYCKSELE.adUser("dir.borta", "Borta", "Person", 512);
    LYCKSELE.addMember(Directories.RADDNING, dn);
    sync.run();
    reconciliation.run();
    assertThat(members(function)).containsExactly("dir.borta");
    String task = claimedTask(function, "dir.borta");

    LYCKSELE.removeMember(Directories.RADDNING, dn);
    LYCKSELE.delete(dn);
    sync.run();

    assertThat(state("dir.borta")).isEqualTo("DELETED");
    assertThat(members(function)).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(handover(function, "dir.borta")).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(Overlamning.vacancyKey(function))
        .count()).as("vacancy marked").isEqualTo(1);
    assertThat(kinds(L, "dir.borta")).contains("USER_DELETED", "MEMBERSHIP_REMOVED");
  }

  @Test
  void shouldGiveTheWorkBackWhenAPersonIsMovedOutOfANestedGroup() {
    String dn = LYCKSELE.adUser("dir.flyttad", "Flyttad", "Person", 512);
    LYCKSELE.addMember(Directories.BITRADANDE, dn);
    sync.run();
    assertThat(groupsOf("dir.flyttad")).containsExactly("skola-lycksele");
    String task = claimedTask("skola-lycksele", "dir.flyttad");

    LYCKSELE.removeMember(Directories.BITRADANDE, dn);
    sync.run();

    assertThat(state("dir.flyttad")).isEqualTo("ACTIVE");
    assertThat(groupsOf("dir.flyttad")).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(handover("skola-lycksele", "dir.flyttad")).isTrue();
  }

  @Test
  void shouldRecordACollisionAndNeverMergeAUserOfTwoSourcesOrALocalAccount() {
    Outcome outcome = sync.run();

    assertThat(userSources.sourceOf("dir.delad")).as("the first source keeps it").contains(L);
    assertThat(identityService.createUserQuery().userId("dir.delad").singleResult().getLastName()).isEqualTo("Lycksele");
    assertThat(members("samordnare-mala")).doesNotContain("dir.delad").contains("dir.malin", "samordnare.mala");
    assertThat(given(M, "samordnare-mala")).containsExactly("dir.malin");
    assertThat(userSources.sourceOf("samordnare.mala")).as("the local account stays local").isEmpty();
    assertThat(identityService.createUserQuery().userId("samordnare.mala").singleResult().getFirstName()).isNotEqualTo("Falsk");
    assertThat(source(outcome, M).collisions()).isEqualTo(2);
    assertThat(kinds(M, "dir.delad")).contains("COLLISION");
    assertThat(kinds(M, "samordnare.mala")).contains("COLLISION");
    sync.run();
    assertThat(jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? and user_id = ? "
        + "and change_kind = 'COLLISION'", Integer.class, M, "dir.delad")).as("recorded once").isEqualTo(1);
  }

  @Test
  void shouldChangeNothingWhenTheDirectoryIsDownAnswersHalfOrTimesOut() {
    sync.run();
    assertThat(members("samordnare-lycksele")).contains("dir.anna");
    Set<String> before = Set.copyOf(given(L, null));
    LYCKSELE.removeMember(Directories.SAMORDNARE, "cn=dir.anna,ou=Personal,dc=lycksele,dc=test");
    try {
      for (TestDirectory.Failure failure : List.of(TestDirectory.Failure.SECOND_PAGE_FAILS,
          TestDirectory.Failure.SIZE_LIMIT_AFTER_HALF, TestDirectory.Failure.REFERENCE)) {
        LYCKSELE.fail(failure);
        Outcome outcome = sync.run();
        assertThat(source(outcome, L).status()).as(failure.name()).isEqualTo(Status.FAILED);
        assertThat(source(outcome, M).status()).as("the other source is synced").isEqualTo(Status.OK);
        assertThat(Set.copyOf(given(L, null))).as(failure.name()).isEqualTo(before);
      }
      LYCKSELE.fail(TestDirectory.Failure.NONE);

      CountDownLatch waiting = LYCKSELE.pauseUserSearches();
      Outcome timedOut = sync.run();
      assertThat(waiting.getCount()).isZero();
      LYCKSELE.resume();
      assertThat(source(timedOut, L).status()).isEqualTo(Status.FAILED);
      assertThat(source(timedOut, L).message()).contains("inte i tid");

      LYCKSELE.goDown();
      Outcome down = sync.run();
      assertThat(source(down, L).status()).isEqualTo(Status.FAILED);
      assertThat(source(down, L).message()).contains("Inget ändrades");
      assertThat(Set.copyOf(given(L, null))).isEqualTo(before);
      assertThat(members("samordnare-lycksele")).contains("dir.anna");
      assertThat(state("dir.anna")).isEqualTo("ACTIVE");
      assertThat(jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? "
          + "and change_kind = 'SYNC_FAILED'", Integer.class, L)).isGreaterThanOrEqualTo(5);
      assertThat(jdbc.queryForObject("select status from samverkan_directory_source_state where source = ?",
          String.class, L)).isEqualTo("FAILED");
    } finally {
      LYCKSELE.fail(TestDirectory.Failure.NONE);
      LYCKSELE.resume();
      LYCKSELE.comeBack();
      LYCKSELE.addMember(Directories.SAMORDNARE, "cn=dir.anna,ou=Personal,dc=lycksele,dc=test");
    }
    Outcome back = sync.run();
    assertThat(source(back, L).status()).isEqualTo(Status.OK);
    assertThat(members("samordnare-lycksele")).contains("dir.anna");
  }

  @Test
  void shouldHoldAMassRemovalMailTheAdministratorsAndNeverHoldOnePersonLeaving() {
    sync.run();
    assertThat(given(V, "kommunledning-mala")).hasSize(5);
    int mailsBefore = heldMails();
    for (int i = 1; i < 5; i++) {
      MALA.removeMember(Directories.LEDNING, "uid=dir.ledning" + i + ",ou=valve,dc=mala,dc=test");
    }

    Outcome held = sync.run();

    assertThat(source(held, V).status()).isEqualTo(Status.HELD);
    assertThat(source(held, V).message()).contains("4 av 6", "Inget ändrades");
    assertThat(given(V, "kommunledning-mala")).as("nothing removed").hasSize(5);
    assertThat(members("kommunledning-mala")).contains("dir.ledning1", "dir.ledning4");
    assertThat(heldMails()).as("mailed to the administrator").isEqualTo(mailsBefore + 1);
    assertThat(jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? "
        + "and change_kind = 'SYNC_HELD'", Integer.class, V)).isEqualTo(1);
    Outcome stillHeld = sync.run();
    assertThat(source(stillHeld, V).status()).isEqualTo(Status.HELD);
    assertThat(heldMails()).as("mailed once, not every minute").isEqualTo(mailsBefore + 1);

    Outcome released = sync.run(Set.of(V));
    assertThat(source(released, V).status()).isEqualTo(Status.OK);
    assertThat(source(released, V).membershipsRemoved()).isEqualTo(4);
    assertThat(given(V, "kommunledning-mala")).containsExactly("dir.ledning0");

    // 1 of the 2 holders left is 50 %, over max-share 0.3 and max-removals 0: one person is never held
    MALA.removeMember(Directories.FRITID, "uid=dir.ensam,ou=valve,dc=mala,dc=test");
    Outcome one = sync.run();
    assertThat(source(one, V).status()).isEqualTo(Status.OK);
    assertThat(source(one, V).membershipsRemoved()).isEqualTo(1);
    assertThat(groupsOf("dir.ensam")).isEmpty();
  }

  @Test
  void shouldLetOneNodeSyncAtATime() throws Exception {
    jdbc.update("update samverkan_directory_lock set holder = 'en-annan-nod', locked_until = ? where id = 1",
        new java.sql.Timestamp(System.currentTimeMillis() + 60_000));
    Outcome skipped = sync.run();
    assertThat(skipped.skippedBecauseLocked()).isTrue();
    assertThat(skipped.ran()).isFalse();
    jdbc.update("update samverkan_directory_lock set locked_until = ? where id = 1",
        new java.sql.Timestamp(System.currentTimeMillis() - 1_000));
    assertThat(sync.run().ran()).as("an expired lease is taken over").isTrue();

    CountDownLatch waiting = LYCKSELE.pauseUserSearches();
    CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(sync::run);
    try {
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
      Outcome second = sync.run();
      assertThat(second.skippedBecauseLocked()).as("the second sync skips while the first reads").isTrue();
    } finally {
      LYCKSELE.resume();
    }
    assertThat(first.get(30, TimeUnit.SECONDS).ran()).isTrue();
    assertThat(jdbc.queryForObject("select holder from samverkan_directory_lock where id = 1", String.class)).isNull();
  }

  private static SourceOutcome source(Outcome outcome, String id) {
    return outcome.sources().stream().filter(s -> s.source().equals(id)).findFirst().orElseThrow();
  }

  private List<String> members(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
  }

  private List<String> given(String source, String group) {
    return group == null
        ? jdbc.queryForList("select user_id || ' ' || group_id from samverkan_directory_membership where source = ?",
            String.class, source)
        : jdbc.queryForList("select user_id from samverkan_directory_membership where source = ? and group_id = ?",
            String.class, source, group);
  }

  private String state(String userId) {
    return jdbc.queryForObject("select account_state from samverkan_directory_user where user_id = ?", String.class, userId);
  }

  private List<String> kinds(String source, String userId) {
    return jdbc.queryForList("select change_kind from samverkan_directory_change where source = ? and user_id = ?",
        String.class, source, userId);
  }

  private int heldMails() {
    return jdbc.queryForObject("select count(*) from samverkan_mail_outbox where kind = 'DIRECTORY_HELD' "
        + "and recipient_email = 'admin@samverkan.example'", Integer.class);
  }

  private boolean handover(String function, String leaver) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(function, leaver)).count() == 1;
  }

  private String claimedTask(String function, String holder) {
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Variables.createVariables().putValue(EscalationTestProcess.FUNCTION, function)).getId();
    Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
    taskService.claim(task.getId(), holder);
    return task.getId();
  }

}
