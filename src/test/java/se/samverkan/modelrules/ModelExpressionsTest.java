package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.samverkan.modelrules.ModelExpressions.Use;

/** The expression check on the syntax tree, without an engine. */
class ModelExpressionsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "${kommun}", "samordnare-${kommun},kommunpolis-${lpo}", "${anledning == 'vakans'}", "${antalInsatser > 0}",
      "${dialogKommunLista.size() > 0}", "${not empty avslag && beslut != 'ja'}", "${S(\"[]\")}",
      "${aktivitet.prop('vad').stringValue()}", "${insats.prop(\"overford\").boolValue()}",
      "${tillagdaAktiviteter.elements()}", "${organisation.municipality(kommun).get().name()}",
      "${lawDuties.met(execution, 'uppfoljning')}", "${promiseActivities.escalationDate(aktivitet, 'P5D')}",
      "${estActors.of(kommun)}", "${execution.getVariable('kommun')}", "${execution.processBusinessKey}",
      "${lista[0]}", "${karta['nyckel']}", "Funktionen ${funktionNamn} saknar bemanning", "${currentUser()}"})
  void shouldAllowWhatModelsDoWithVariablesAndPublishedBeans(String expression) {
    assertThat(ModelExpressions.check(expression, Use.VALUE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${formValidation}", "${taskEscalation}", "${signatureCollector}", "${estNextCycle}"})
  void shouldAllowPublishedDelegates(String expression) {
    assertThat(ModelExpressions.check(expression, Use.DELEGATE)).isEmpty();
  }

  @Test
  void shouldRefuseTheTwoExploitsOfIssue14() {
    assertThat(ModelExpressions.check("${identityService.createMembership('processagare','camunda-admin')}",
        Use.VALUE)).anySatisfy(reason -> assertThat(reason).contains("motorns tjänst 'identityService'"));
    assertThat(ModelExpressions.check("${''.getClass().forName('java.lang.Runtime').getMethods()[6]"
        + ".invoke(null).exec('touch /tmp/x')}", Use.VALUE))
        .anySatisfy(reason -> assertThat(reason).contains("'getClass'"))
        .anySatisfy(reason -> assertThat(reason).contains("'forName'"))
        .anySatisfy(reason -> assertThat(reason).contains("'exec'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${execution.getProcessEngineServices().getIdentityService().createMembership('a','camunda-admin')}",
      "${execution.processEngineServices.identityService.createMembership('a','camunda-admin')}",
      "${execution.processEngine.identityService}", "${task.execution.getVariable('x')}",
      "${execution.getProcessDefinition()}", "${S(x).mapTo('java.lang.ProcessBuilder')}",
      "${runtimeService.startProcessInstanceByKey('x')}", "${x.class.classLoader}", "${x['class']}",
      "${x[name]}", "${organisation.allFunctions()}", "${lawDuties.toString()}", "${organisation.lpos}",
      "${x.getClass()}", "${y.wait()}", "${processEngineServices}", "${unknown:fn()}", "${exit()}",
      "${lista[0].getClass().getName()}", "${''.getClass().forName('java.lang.Runtime')}"})
  void shouldRefuseEngineServicesReflectionAndUnlistedMethods(String expression) {
    assertThat(ModelExpressions.check(expression, Use.VALUE)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${runtimeService}", "${organisation}", "${lawDuties.met(execution, 'x')}",
      "${someBean}", "x${formValidation}"})
  void shouldRefuseDelegatesThatAreNoPublishedDelegateOrListener(String expression) {
    assertThat(ModelExpressions.check(expression, Use.DELEGATE)).isNotEmpty();
  }

  @Test
  void shouldNameAnUnparseableExpression() {
    assertThat(ModelExpressions.check("${a.}", Use.VALUE)).singleElement().asString().contains("kan inte tolkas");
  }

  @Test
  void shouldAllowEveryExpressionOfTheProductModels() throws Exception {
    Pattern expression = Pattern.compile("\\$\\{[^}]*}");
    List<String> refused = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = expression.matcher(Files.readString(model).replace("&gt;", ">").replace("&lt;", "<")
            .replace("&amp;", "&").replace("&quot;", "\""));
        while (matcher.find()) {
          List<String> reasons = ModelExpressions.check(matcher.group(), Use.VALUE);
          if (!reasons.isEmpty()) {
            refused.add(model.getFileName() + ": " + matcher.group() + " " + reasons);
          }
        }
      }
    }
    assertThat(refused).isEmpty();
  }

  @Test
  void shouldListEveryPublishedBeanInTheProcessOwnersGuide() throws Exception {
    String guide = Files.readString(Path.of("docs", "process-owners.md"));
    int start = guide.indexOf("## Published beans (Modellens bönor)");
    assertThat(start).as("section 'Published beans (Modellens bönor)' in docs/process-owners.md").isNotNegative();
    int end = guide.indexOf("\n## ", start + 1);
    String beans = guide.substring(start, end < 0 ? guide.length() : end);

    assertThat(ModelBeans.all()).allSatisfy(bean -> assertThat(beans)
        .containsAnyOf("`${" + bean.name() + "}`", "`" + bean.name() + "."));
  }
}
