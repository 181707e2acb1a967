package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import se.samverkan.ProcessTestEngine;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/** Who sees a vacant function's work: up the escalation chain past the vacant, ending at the administrators. */
class VacancyTargetTest {

  private final Organisation organisation = ProcessTestEngine.organisation();
  private final Map<String, List<User>> holders = new HashMap<>();

  @Test
  void shouldGoToTheEscalationTargetWhenItIsHeld() {
    hold("samordnare-lycksele");

    VacancyTarget target = targetOf("skola-lycksele");

    assertThat(target.groupId()).isEqualTo("samordnare-lycksele");
    assertThat(target.passedOver()).isEmpty();
    assertThat(target.description()).isEqualTo("Brottsförebyggande samordnare, Lycksele");
  }

  @Test
  void shouldPassOverAVacantTargetToTheNextHeldFunctionUpTheChain() {
    hold("kommunledning-lycksele");

    VacancyTarget target = targetOf("skola-lycksele");

    assertThat(target.groupId()).isEqualTo("kommunledning-lycksele");
    assertThat(target.passedOver()).extracting(OrganisationFunction::groupId).containsExactly("samordnare-lycksele");
    assertThat(target.description())
        .isEqualTo("Kommunledning, Lycksele (även Brottsförebyggande samordnare, Lycksele saknar innehavare)");
  }

  @Test
  void shouldEndAtTheAdministratorsWhenTheWholeChainIsVacant() {
    hold("samordnare-mala"); // another municipality's holders do not count

    VacancyTarget target = targetOf("skola-lycksele");

    assertThat(target.isAdministrators()).isTrue();
    assertThat(target.groupId()).isEqualTo("camunda-admin");
    assertThat(target.passedOver()).extracting(OrganisationFunction::groupId)
        .containsExactly("samordnare-lycksele", "kommunledning-lycksele");
    assertThat(target.description()).isEqualTo("Administratörerna (även Brottsförebyggande samordnare, Lycksele, "
        + "Kommunledning, Lycksele saknar innehavare)");
  }

  @Test
  void shouldGiveAFunctionWithoutEscalationTargetToTheAdministrators() {
    assertThat(targetOf("kommunledning-lycksele").isAdministrators()).isTrue();
    assertThat(targetOf("lpochef-sodra-lappland").isAdministrators()).isTrue();
    assertThat(targetOf("lansstyrelsen").passedOver()).isEmpty();
  }

  private VacancyTarget targetOf(String group) {
    return VacancyTarget.of(organisation.function(group).orElseThrow(), organisation, holders);
  }

  private void hold(String group) {
    UserEntity user = new UserEntity("person." + group);
    holders.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(user);
  }
}
