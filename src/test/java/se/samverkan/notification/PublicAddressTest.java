package se.samverkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address mails link to: configured, checked at startup, stricter in production. */
class PublicAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://samverkan.lycksele.se/camunda/app/tasklist/default/",
      "https://samverkan.example:8443/camunda/app/tasklist/default/"})
  void shouldAcceptAnHttpsAddressOthersCanOpenInProduction(String address) {
    assertThat(PublicAddress.tasklistUrl(address, true)).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/camunda/app/tasklist/default/",
      "http://192.168.1.20:8080/camunda/app/tasklist/default/"})
  void shouldAcceptThisMachineAndPlainHttpOutsideProduction(String address) {
    assertThat(PublicAddress.tasklistUrl(address, false)).isEqualTo(address);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/camunda/app/tasklist/default/|den är inte satt",
      "http://samverkan.lycksele.se/camunda/app/tasklist/default/|i drift ska den börja med https://",
      "https://localhost/camunda/app/tasklist/default/|inte localhost",
      "https://127.0.0.1:8443/camunda/app/tasklist/default/|inte 127.0.0.1",
      "https://user:secret@samverkan.se/camunda/app/tasklist/default/|användarnamn",
      "https://samverkan.se/camunda/app/tasklist/default/?next=https://evil.example|frågedel",
      "javascript:alert(1)|https://",
      "https:///camunda/app/tasklist/default/|värdnamn",
      "https://samverkan se/|går inte att läsa"})
  void shouldRefuseToStartProductionWithAnAddressNobodyCanFollow(String address, String reason) {
    assertThatThrownBy(() -> PublicAddress.tasklistUrl(address, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(reason)
        .hasMessageContaining("SAMVERKAN_PUBLIC_URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://samverkan.se/", "localhost:8080/camunda", "http://samverkan.se/#/?task=1"})
  void shouldRefuseAnAddressThatIsNoWebAddressAnywhere(String address) {
    assertThatThrownBy(() -> PublicAddress.tasklistUrl(address, false)).isInstanceOf(IllegalStateException.class);
  }
}
