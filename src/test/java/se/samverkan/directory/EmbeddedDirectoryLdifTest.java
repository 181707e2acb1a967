package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.ProcessTestEngine;
import se.samverkan.demo.DemoUsers;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * The embedded directory's LDIF file and the demo source's group mapping (application-demo.yaml)
 * hold exactly the demo organisation: every function has its group, its person (as DemoUsers names
 * them) as the group's only member, and its mapping. Regenerate the file with
 * {@code ./mvnw -o -q test -Dtest=EmbeddedDirectoryLdifTest -Dsamverkan.ldif.write=true}.
 */
class EmbeddedDirectoryLdifTest {

  private static final Path FILE = Path.of("src/main/resources", EmbeddedDirectoryLdif.RESOURCE);

  private final Organisation organisation = ProcessTestEngine.organisation();

  @Test
  void shouldHoldExactlyTheOrganisationsFunctionsInTheLdifFile() throws Exception {
    String expected = EmbeddedDirectoryLdif.render(organisation);
    if (Boolean.getBoolean("samverkan.ldif.write")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("%s is out of date: regenerate it (see this test's javadoc)", FILE).isEqualTo(expected);
  }

  @Test
  void shouldGiveEveryFunctionItsGroupAndItsDemoPerson() throws Exception {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/" + EmbeddedDirectoryLdif.RESOURCE);
        LDIFReader reader = new LDIFReader(in)) {
      for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
        entries.put(entry.getDN(), entry);
      }
    }
    List<OrganisationFunction> functions = organisation.allFunctions();
    assertThat(functions).hasSizeGreaterThan(30);
    for (OrganisationFunction function : functions) {
      String userId = DemoUsers.userIdOf(function);
      Entry person = entries.get("uid=" + userId + ",ou=personer,dc=samverkan,dc=example");
      assertThat(person).as(userId).isNotNull();
      assertThat(person.getAttributeValue("uid")).isEqualTo(userId);
      assertThat(person.getAttributeValue("givenName")).isEqualTo("Demo");
      assertThat(person.getAttributeValue("sn")).isEqualTo(function.name());
      assertThat(person.getAttributeValue("mail")).isEqualTo(userId + "@samverkan.example");
      assertThat(person.getAttributeValue("userPassword")).isEqualTo(DemoUsers.PASSWORD);
      Entry group = entries.get("cn=" + function.groupId() + ",ou=funktioner,dc=samverkan,dc=example");
      assertThat(group).as(function.groupId()).isNotNull();
      assertThat(group.getAttributeValues("member")).containsExactly(person.getDN());
    }
    // the base, the two containers, and nothing beyond the organisation
    assertThat(entries).hasSize(3 + 2 * functions.size());
  }

  @Test
  void shouldMapEveryFunctionOfTheDemoSourceToItsGroup() throws Exception {
    JsonNode functions = demoSource().path("functions");
    Map<String, String> configured = new LinkedHashMap<>();
    functions.fields().forEachRemaining(field -> configured.put(field.getKey(), field.getValue().asText()));
    assertThat(configured).containsExactlyInAnyOrderEntriesOf(EmbeddedDirectoryLdif.functions(organisation));
    assertThat(demoSource().path("ldap").path("user-base").asText()).isEqualTo(EmbeddedDirectoryLdif.PEOPLE_DN);
  }

  /** samverkan.directory.sources.demo of the demo profile's document that tests do not activate. */
  private static JsonNode demoSource() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> documents = new ArrayList<>();
    try (InputStream in = EmbeddedDirectoryLdifTest.class.getResourceAsStream("/application-demo.yaml")) {
      yaml.readerFor(JsonNode.class).readValues(in).forEachRemaining(d -> documents.add((JsonNode) d));
    }
    return documents.stream().map(d -> d.path("samverkan").path("directory").path("sources").path("demo"))
        .filter(source -> !source.isMissingNode()).findFirst().orElseThrow();
  }
}
