package se.samverkan;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which feature package may depend on which (main code only; the tests may use everything).
 * <ul>
 *   <li>At the bottom, what every feature builds on: the engine's set-up ({@code engine}), process
 *       variables and starts ({@code process}), form input and its refusals ({@code forms}), the
 *       organisation ({@code organisation}) and the schema ({@code schema}). They depend on no
 *       feature.</li>
 *   <li>Above them the features; a feature may use another (e.g. {@code escalation} uses
 *       {@code handover} and {@code notification}), as long as there is no cycle.</li>
 *   <li>At the top the application's wiring: {@code startup} (what runs at startup, in order) and
 *       {@code demo} (demo profile only). Nothing depends on them but {@code startup} on
 *       {@code demo}.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "se.samverkan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("se.samverkan.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule featuresBuildOnTheFoundationAndNothingOnTheWiring = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("foundation").definedBy("se.samverkan.engine..", "se.samverkan.process..", "se.samverkan.forms..",
          "se.samverkan.organisation..", "se.samverkan.schema..")
      .layer("features").definedBy("se.samverkan.agreement..", "se.samverkan.promise..", "se.samverkan.signing..",
          "se.samverkan.lawduty..", "se.samverkan.lessons..", "se.samverkan.est..", "se.samverkan.handover..",
          "se.samverkan.escalation..", "se.samverkan.notification..", "se.samverkan.tasklist..",
          "se.samverkan.security..", "se.samverkan.modelrules..", "se.samverkan.errors..", "se.samverkan.webapps..",
          "se.samverkan.migration..", "se.samverkan.directory..", "se.samverkan.sso..", "se.samverkan.drafts..",
          "se.samverkan.overview..", "se.samverkan.documents..")
      .layer("demo").definedBy("se.samverkan.demo..")
      .layer("startup").definedBy("se.samverkan.startup..")
      .whereLayer("features").mayOnlyBeAccessedByLayers("startup")
      .whereLayer("foundation").mayOnlyBeAccessedByLayers("features", "demo", "startup")
      .whereLayer("demo").mayOnlyBeAccessedByLayers("startup")
      .whereLayer("startup").mayNotBeAccessedByAnyLayer()
      // a new package has to be placed in a layer (SamverkanApplication in se.samverkan itself starts it all)
      .ensureAllClassesAreContainedInArchitectureIgnoring("se.samverkan");
}
