package se.samverkan.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.tasklist.TasklistFilters;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationStartupIT {

  @Autowired Organisation organisation;
  @Autowired GroupSynchronizer synchronizer;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TestRestTemplate rest;

  @Test
  void shouldCreateEveryFunctionAsAGroup() {
    List<String> groups = identityService.createGroupQuery().groupType(GroupSynchronizer.GROUP_TYPE).list()
        .stream().map(Group::getId).toList();

    assertThat(groups).containsAll(organisation.allFunctions().stream().map(OrganisationFunction::groupId).toList());
    assertThat(identityService.createGroupQuery().groupId("samordnare-asele").singleResult().getName())
        .isEqualTo("Brottsförebyggande samordnare, Åsele");
  }

  @Test
  void shouldNameTheAdministratorsGroupInSwedish() {
    Group administrators = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();

    assertThat(administrators.getName()).isEqualTo("Samverkans administratörer");
    assertThat(administrators.getType()).as("still Camunda's system group").isEqualTo(Groups.GROUP_TYPE_SYSTEM);
  }

  @Test
  void shouldChangeNothingOnASecondStart() {
    GroupSynchronizer.Report second = synchronizer.synchronize(organisation);

    assertThat(second.changedNothing()).isTrue();
  }

  @Test
  void shouldReportButKeepAFunctionRemovedFromTheOrganisationFile() {
    Group removed = identityService.newGroup("samordnare-nedlagd-" + System.nanoTime());
    removed.setName("Brottsförebyggande samordnare, Nedlagd");
    removed.setType(GroupSynchronizer.GROUP_TYPE);
    identityService.saveGroup(removed);

    GroupSynchronizer.Report report = synchronizer.synchronize(organisation);

    assertThat(report.orphaned()).contains(removed.getId());
    assertThat(identityService.createGroupQuery().groupId(removed.getId()).count()).isEqualTo(1);
    identityService.deleteGroup(removed.getId());
  }

  @Test
  void shouldGiveEveryUserTheSwedishTasklistFilters() {
    List<String> names = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(names).contains(TasklistFilters.MY_TASKS, TasklistFilters.FUNCTION_TASKS, TasklistFilters.OVERDUE,
        TasklistFilters.ESCALATED);

    ResponseEntity<List<Map<String, Object>>> seen = RestClient.as(rest, "samordnare.lycksele")
        .get("/filter?resourceType=Task", new ParameterizedTypeReference<>() {});
    assertThat(seen.getBody()).extracting(f -> f.get("name"))
        .contains("Mina uppgifter", "Min funktions uppgifter", "Försenade", "Eskalerade");
  }

  @Test
  void shouldLandANewUserOnTheWorkOfItsFunctions() {
    // as Tasklist lists the filters after login: with their counts, the lowest priority opened first
    for (String user : List.of("samordnare.lycksele", "kommunpolis.sodra-lappland")) {
      ResponseEntity<List<Map<String, Object>>> seen = RestClient.as(rest, user)
          .get("/filter?resourceType=Task&itemCount=true", new ParameterizedTypeReference<>() {});
      assertThat(seen.getStatusCode().is2xxSuccessful()).as(seen.toString()).isTrue();
      List<Object> names = seen.getBody().stream()
          .sorted(Comparator.comparingInt(OrganisationStartupIT::priority))
          .map(filter -> filter.get("name")).toList();

      assertThat(names).as("filters of %s, in Tasklist's order", user)
          .startsWith(TasklistFilters.FUNCTION_TASKS, TasklistFilters.MY_TASKS, TasklistFilters.OVERDUE,
              TasklistFilters.ESCALATED);
      assertThat(seen.getBody()).allSatisfy(filter -> assertThat(filter).containsKey("itemCount"));
    }
  }

  @SuppressWarnings("unchecked")
  private static int priority(Map<String, Object> filter) {
    Object priority = ((Map<String, Object>) filter.getOrDefault("properties", Map.of())).get("priority");
    return priority instanceof Number number ? number.intValue() : 0;
  }

  @Test
  void shouldGrantTasklistToMunicipalFunctionsAndCockpitOnlyToOversight() {
    assertThat(RestClient.as(rest, "samordnare.lycksele").get("/user/samordnare.lycksele/profile", String.class)
        .getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(canAccess("samordnare.lycksele", "tasklist")).isTrue();
    assertThat(canAccess("samordnare.lycksele", "cockpit")).isFalse();
    assertThat(canAccess("lansstyrelsen", "cockpit")).isTrue();
    assertThat(canAccess("lansstyrelsen", "tasklist")).isFalse();
    assertThat(canAccess("processagare", "cockpit")).isTrue();
  }

  private boolean canAccess(String user, String application) {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, user).get(
        "/authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0&resourceId="
            + application, new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
    return Boolean.TRUE.equals(response.getBody().get("authorized"));
  }
}
