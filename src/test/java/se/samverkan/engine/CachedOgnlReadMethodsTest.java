package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Member;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.AbstractMemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MyBatis's expressions read the same values through {@link CachedOgnlReadMethods} as through OGNL's own accessor. */
class CachedOgnlReadMethodsTest {

  private final ExpressionEvaluator evaluator = new ExpressionEvaluator();

  @BeforeAll
  static void install() {
    CachedOgnlReadMethods.install();
  }

  /** A parameter object as Camunda's: a getter, a boolean method without a bean name, a public field. */
  public static class Parameter {
    public String field = "fält";
    private boolean historic;
    private String name;
    private final AuthorizationCheck authCheck = new AuthorizationCheck();

    public String getName() {
      return name;
    }

    public boolean isHistoricEnabled() {
      return historic;
    }

    public String failing() {
      throw new IllegalStateException("läsfel");
    }

    public AuthorizationCheck getAuthCheck() {
      return authCheck;
    }
  }

  @Test
  void theInstalledAccessorIsUsedForPlainObjectsAndNotForMapsOrLists() throws Exception {
    assertThat(OgnlRuntime.getPropertyAccessor(Parameter.class)).isInstanceOf(CachedOgnlReadMethods.class);
    assertThat(OgnlRuntime.getPropertyAccessor(java.util.HashMap.class)).isNotInstanceOf(CachedOgnlReadMethods.class);
    assertThat(OgnlRuntime.getPropertyAccessor(java.util.ArrayList.class)).isNotInstanceOf(CachedOgnlReadMethods.class);
  }

  @Test
  void readsEveryKindOfPropertyAndSeesChangedValues() {
    Parameter parameter = new Parameter();
    assertThat(evaluator.evaluateBoolean("historicEnabled", parameter)).isFalse();
    assertThat(evaluator.evaluateBoolean("isHistoricEnabled", parameter)).isFalse();
    assertThat(evaluator.evaluateBoolean("name == null", parameter)).isTrue();
    parameter.historic = true;
    parameter.name = "samordnare-lycksele";
    // the method is remembered, never the value
    assertThat(evaluator.evaluateBoolean("isHistoricEnabled", parameter)).isTrue();
    assertThat(evaluator.evaluateBoolean("historicEnabled and name != null", parameter)).isTrue();
    assertThat(OgnlCache.getValue("name", parameter)).isEqualTo("samordnare-lycksele");
    assertThat(OgnlCache.getValue("field", parameter)).isEqualTo("fält");
    assertThat(OgnlCache.getValue("field.length", parameter)).isEqualTo(4);
  }

  /** Every property Camunda's mappings read of an authorization check, in several states: the same values as OGNL's. */
  @Test
  void camundasAuthorizationCheckReadsAsOgnlReadsIt() throws Exception {
    OgnlContext context = Ognl.createDefaultContext(null, new AbstractMemberAccess() {
      @Override
      public boolean isAccessible(OgnlContext ognlContext, Object target, Member member, String propertyName) {
        return true;
      }
    });
    ObjectPropertyAccessor ognls = new ObjectPropertyAccessor();
    CachedOgnlReadMethods cached = new CachedOgnlReadMethods();
    AuthorizationCheck check = new AuthorizationCheck();
    List<String> names = List.of("isHistoricInstancePermissionsEnabled", "historicInstancePermissionsEnabled",
        "shouldPerformAuthorizatioCheck", "isAuthorizationCheckEnabled", "authorizationCheckEnabled",
        "revokeAuthorizationCheckEnabled", "authUserId", "authGroupIds", "useLeftJoin", "authDefaultPerm");
    for (boolean enabled : List.of(true, false, true)) {
      check.setHistoricInstancePermissionsEnabled(enabled);
      check.setAuthorizationCheckEnabled(!enabled);
      check.setRevokeAuthorizationCheckEnabled(enabled);
      check.setAuthUserId(enabled ? "samordnare.lycksele" : null);
      check.setAuthGroupIds(enabled ? List.of("samordnare-lycksele") : List.of());
      check.setUseLeftJoin(!enabled);
      for (String name : names) {
        assertThat(cached.getPossibleProperty(context, check, name)).as(name)
            .isEqualTo(ognls.getPossibleProperty(context, check, name));
      }
    }
    assertThat(cached.getPossibleProperty(context, check, "noSuchProperty")).isSameAs(OgnlRuntime.NotFound)
        .isSameAs(ognls.getPossibleProperty(context, check, "noSuchProperty"));
  }

  @Test
  void whatOgnlRefusesStaysRefused() {
    Parameter parameter = new Parameter();
    assertThatThrownBy(() -> OgnlCache.getValue("noSuchProperty", parameter)).isInstanceOf(BuilderException.class)
        .hasMessageContaining("noSuchProperty");
    assertThatThrownBy(() -> OgnlCache.getValue("failing", parameter)).isInstanceOf(BuilderException.class)
        .hasStackTraceContaining("läsfel");
    assertThat(OgnlCache.getValue("kommun", Map.of("kommun", "lycksele"))).isEqualTo("lycksele");
  }
}
