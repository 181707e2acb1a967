package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkan.directory.ScimStore.ScimGroup;
import se.samverkan.directory.ScimStore.ScimUser;

/** SCIM's filters and PATCH operations as Entra ID and other providers send them. */
class ScimResourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScimUser ANNA = new ScimUser("u-1", "anna.berg", "ext-1", true, "Anna", "Berg", "Anna Berg",
      "anna@lycksele.example", null, null);

  @Test
  void shouldTranslateEqualityFiltersIntoParameters() {
    ScimFilter.Sql sql = ScimFilter.parse("userName eq \"Anna.Berg\" and active eq true", ScimFilter.USER, ScimResources.USER_SCHEMA);
    assertThat(sql.where()).isEqualTo(" and user_name_key = ? and active = ?");
    assertThat(sql.parameters()).containsExactly("anna.berg", true);
    ScimFilter.Sql quoted = ScimFilter.parse("externalId eq \"a \\\"b\\\" c\"", ScimFilter.USER, ScimResources.USER_SCHEMA);
    assertThat(quoted.parameters()).containsExactly("a \"b\" c");
    ScimFilter.Sql schema = ScimFilter.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName EQ \"x\"", ScimFilter.USER,
        ScimResources.USER_SCHEMA);
    assertThat(schema.where()).isEqualTo(" and user_name_key = ?");
    ScimFilter.Sql member = ScimFilter.parse("id eq \"g\" and members eq \"u\"", ScimFilter.GROUP, ScimResources.GROUP_SCHEMA);
    assertThat(member.where()).contains("samverkan_scim_member");
    assertThat(member.parameters()).containsExactly("g", "u");
    assertThat(ScimFilter.parse(null, ScimFilter.USER, ScimResources.USER_SCHEMA).where()).isEmpty();
  }

  @Test
  void shouldRefuseFiltersItCannotAnswerExactly() {
    for (String filter : List.of("userName sw \"a\"", "userName eq \"a\" or id eq \"b\"", "(userName eq \"a\")", "title eq \"x\"",
        "userName eq a", "active eq \"kanske\"", "userName eq \"open", "userName eq \"a\" and")) {
      assertThatThrownBy(() -> ScimFilter.parse(filter, ScimFilter.USER, ScimResources.USER_SCHEMA)).as(filter)
          .isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo("invalidFilter");
            assertThat(e.getMessage()).startsWith("Filtret kan inte tolkas");
          });
    }
  }

  @Test
  void shouldApplyEntraIdsPatchOperations() throws Exception {
    ScimUser disabled = ScimResources.patched(ANNA, json("""
        {"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""));
    assertThat(disabled.active()).isFalse();
    ScimUser renamed = ScimResources.patched(ANNA, json("""
        {"Operations":[
          {"op":"Replace","path":"name.familyName","value":"Lind"},
          {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"anna.lind@lycksele.example"},
          {"op":"Add","path":"title","value":"Samordnare"},
          {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"KLK"},
          {"op":"Remove","path":"externalId"}]}"""));
    assertThat(renamed.familyName()).isEqualTo("Lind");
    assertThat(renamed.givenName()).isEqualTo("Anna");
    assertThat(renamed.email()).isEqualTo("anna.lind@lycksele.example");
    assertThat(renamed.externalId()).isNull();
    ScimUser noPath = ScimResources.patched(ANNA, json("""
        {"Operations":[{"op":"replace","value":{"active":false,"displayName":"A. Berg","name.givenName":"Annie"}}]}"""));
    assertThat(noPath.active()).isFalse();
    assertThat(noPath.displayName()).isEqualTo("A. Berg");
    assertThat(noPath.givenName()).isEqualTo("Annie");
  }

  @Test
  void shouldRefusePatchesThatWouldLoseTheUsersIdentity() {
    assertThatThrownBy(() -> ScimResources.patched(ANNA, json("{\"Operations\":[{\"op\":\"remove\",\"path\":\"userName\"}]}")))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("mutability"));
    assertThatThrownBy(() -> ScimResources.patched(ANNA, json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\","
        + "\"value\":\"" + "x".repeat(65) + "\"}]}")))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getMessage()).contains("högst 64"));
    assertThatThrownBy(() -> ScimResources.patched(ANNA, json("{\"Operations\":[{\"op\":\"move\",\"path\":\"active\"}]}")))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
    assertThatThrownBy(() -> ScimResources.patched(ANNA, json("{\"Operations\":[]}")))
        .isInstanceOf(ScimException.class);
  }

  @Test
  void shouldCollectAGroupsMemberChangesInOrder() throws Exception {
    ScimGroup group = new ScimGroup("g-1", "Samverkan Skola", null, null, null, null);
    ScimResources.GroupChange change = ScimResources.groupChange(group, json("""
        {"Operations":[
          {"op":"Add","path":"members","value":[{"value":"u-1"},{"value":"u-2"}]},
          {"op":"Remove","path":"members[value eq \\"u-2\\"]"},
          {"op":"Remove","path":"members","value":[{"value":"u-3"}]}]}"""));
    assertThat(change.add()).containsExactly("u-1");
    assertThat(change.remove()).containsExactly("u-2", "u-3");
    assertThat(change.replaceWith()).isNull();
    assertThat(change.displayName()).isEqualTo("Samverkan Skola");
    ScimResources.GroupChange replaced = ScimResources.groupChange(group, json("""
        {"Operations":[{"op":"replace","path":"members","value":[{"value":"u-9"}]},
                       {"op":"replace","value":{"displayName":"Samverkan Skola 2"}}]}"""));
    assertThat(replaced.replaceWith()).containsExactly("u-9");
    assertThat(replaced.displayName()).isEqualTo("Samverkan Skola 2");
    assertThatThrownBy(() -> ScimResources.groupChange(group, json("{\"Operations\":[{\"op\":\"remove\",\"path\":\"displayName\"}]}")))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("mutability"));
  }

  @Test
  void shouldReadACreatedUserAsEntraIdMapsIt() throws Exception {
    ScimUser user = ScimResources.user(json("""
        {"userName":"bo.ek","active":"True","name":{"givenName":"Bo","familyName":"Ek"},
         "emails":[{"type":"home","value":"bo@example.org"},{"type":"work","value":"bo.ek@mala.example"}],
         "phoneNumbers":[{"type":"work","value":"0950-123"}]}"""), null, null);
    assertThat(user.active()).isTrue();
    assertThat(user.email()).isEqualTo("bo.ek@mala.example");
    assertThat(ScimResources.user(json("{\"userName\":\"bo.ek\"}"), null, null).active()).as("active by default").isTrue();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
