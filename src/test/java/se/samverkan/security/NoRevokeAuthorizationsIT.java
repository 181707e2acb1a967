package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.RestClient;
import se.samverkan.engine.EngineSettings;

/**
 * The engine does not look for REVOKE authorizations (authorizationCheckRevokes "never", issue 18),
 * which is safe only because none can exist: nobody saves one, administrators included, through
 * /engine-rest (Admin's "Neka") or Java; a database that already holds one gets the revoke checks back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRevokeAuthorizationsIT {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired DataSource dataSource;

  @Test
  void shouldNotLookForRevokesOnAnEngineWithoutThem() {
    assertThat(EngineSettings.revokeAuthorizations(engine)).isZero();
    assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void shouldRefuseARevokeFromTheAdministratorThroughRest() {
    ResponseEntity<Map<String, Object>> groupRevoke = RestClient.as(rest, "admin").postForMap("/authorization/create", Map.of(
        "type", Authorization.AUTH_TYPE_REVOKE, "permissions", List.of("READ"),
        "groupId", "samordnare-lycksele", "resourceType", Resources.TASK.resourceType(), "resourceId", "*"));

    assertThat(groupRevoke.getStatusCode().value()).isEqualTo(400);
    assertThat(groupRevoke.getBody()).containsEntry("message", "Samverkan använder inga spärrande behörigheter "
        + "(REVOKE, «Neka» i Admin): ta bort den behörighet som ger åtkomsten i stället. Behörigheten sparades inte.");
    assertThat(EngineSettings.revokeAuthorizations(engine)).isZero();
  }

  @Test
  void shouldRefuseARevokeThroughJavaAuthenticatedOrNot() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> authorizations.saveAuthorization(revoke(authorizations)))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("REVOKE");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThatThrownBy(() -> authorizations.saveAuthorization(revoke(authorizations)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("sparades inte");
    assertThat(EngineSettings.revokeAuthorizations(engine)).isZero();
  }

  @Test
  void shouldStillSaveAGrant() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("samordnare-lycksele");
    grant.setResource(Resources.TASK);
    grant.setResourceId("ingen-sadan-uppgift");
    grant.addPermission(Permissions.READ);
    String id = authorizations.saveAuthorization(grant).getId();
    try {
      assertThat(authorizations.createAuthorizationQuery().authorizationId(id).count()).isOne();
    } finally {
      authorizations.deleteAuthorization(id);
    }
  }

  @Test
  void shouldTurnTheRevokeChecksBackOnWhenTheDatabaseHoldsARevoke() {
    // a REVOKE written before Samverkan refused them (straight into the table, as an old installation has it)
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " VALUES ('revoke-from-before', 1, 2, 'samordnare-lycksele', ?, '*', ?)", Resources.TASK.resourceType(), ~2);
    try {
      new EngineSettings().postProcessEngineBuild(engine);

      assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    } finally {
      jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = 'revoke-from-before'");
      configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }
  }

  private static Authorization revoke(AuthorizationService authorizations) {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("samordnare-lycksele");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);
    return revoke;
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
