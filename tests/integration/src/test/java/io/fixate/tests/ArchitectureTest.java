package io.fixate.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries, checked on the compiled main code of every module. Rules about modules that are not built
 * yet hold vacuously ({@code allowEmptyShould}) and start to bite when their classes appear.
 */
@AnalyzeClasses(packages = "io.fixate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "io.fixate.api..";
    /** The code of the modules under samples/: the example provider and host, the evaluation toolkit, the CLI. */
    private static final String[] SAMPLES = {"io.fixate.samples..", "io.fixate.eval..", "io.fixate.cli.."};
    /** The code of the modules under tests/: the integration tests, the conformance kit, the shared fixtures. */
    private static final String[] TESTS = {"io.fixate.tests..", "io.fixate.conformance..", "io.fixate.fixtures.."};
    private static final List<String> PROVIDERS = List.of("io.fixate.provider.stanet..", "io.fixate.provider.scam..",
            "io.fixate.samples.baseline..", "io.fixate.samples.stavis..", "io.fixate.samples.avrsp..");

    /** Guards the rules that allow empty subjects: they prove nothing if the analysis misses the built modules. */
    @ArchTest
    static void seesTheMainCodeOfTheBuiltModules(JavaClasses classes) {
        for (String type : List.of("io.fixate.api.FixationMap", "io.fixate.Fixate", "io.fixate.spi.WindowedSession",
                "io.fixate.samples.baseline.ClassicBaselineProvider", "io.fixate.conformance.ProviderConformance",
                "io.fixate.spi.djl.WeightsFile", "io.fixate.eval.evaluation.Evaluator", "io.fixate.cli.FixateCli",
                "io.fixate.fixtures.MovingSquareClip", "io.fixate.samples.stavis.StavisProvider",
                "io.fixate.samples.avrsp.AvrspPredictorProvider", "io.fixate.codec.roi.QpMapper")) {
            assertTrue(classes.contain(type), type + " was not imported");
        }
        assertTrue(classes.stream().noneMatch(c -> c.getPackageName().startsWith("io.fixate.tests")),
                "test code was imported");
    }

    @ArchTest
    static final ArchRule apiUsesNoInferenceCodecOrLoggingLibrary = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat()
            .resideInAnyPackage("ai.djl..", "org.bytedeco..", "com.google.gson..", "org.slf4j..");

    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdk = classes().that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API);

    @ArchTest
    static void providersAreIndependentOfEachOtherAndOfOtherSamples(JavaClasses classes) {
        for (String provider : PROVIDERS) {
            List<String> others = PROVIDERS.stream().filter(p -> !p.equals(provider)).toList();
            noClasses().that().resideInAPackage(provider)
                    .should().dependOnClassesThat(resideInAnyPackage(others.toArray(String[]::new))
                            .or(resideInAnyPackage(SAMPLES).and(resideInAPackage(provider).negate())))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * A third party's trainable provider needs nothing of Fixate beyond the api, the spi and the spi's DJL toolkit
     * (with DJL and Gson, which the toolkit hands out): the samples that show it must not lean on a built-in provider.
     */
    @ArchTest
    static final ArchRule theStavisSampleUsesOnlyTheApiTheSpiAndTheDjlToolkit = thirdPartyWithTraining("stavis");

    @ArchTest
    static final ArchRule theAvrspSampleUsesOnlyTheApiTheSpiAndTheDjlToolkit = thirdPartyWithTraining("avrsp");

    private static ArchRule thirdPartyWithTraining(String sample) {
        String own = "io.fixate.samples." + sample + "..";
        return classes().that().resideInAPackage(own).should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                API, "io.fixate.spi..", own, "ai.djl..", "com.google.gson..");
    }

    /** The contract a third party implements pulls in nothing but the api; the DJL toolkit is a module of its own. */
    @ArchTest
    static final ArchRule spiCoreDependsOnlyOnTheJdkAndTheApi = classes()
            .that().resideInAPackage("io.fixate.spi..").and().resideOutsideOfPackage("io.fixate.spi.djl..")
            .or().resideInAPackage("io.fixate")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API, "io.fixate", "io.fixate.spi");

    /** Any tool can score maps: the metrics need neither a codec nor an inference engine. */
    @ArchTest
    static final ArchRule metricsDependOnlyOnTheJdkAndTheApi = classes()
            .that().resideInAPackage("io.fixate.eval.metrics..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API, "io.fixate.eval.metrics..");

    /** An encoder host turns maps into QP offsets without loading FFmpeg, an inference engine or a JSON library. */
    @ArchTest
    static final ArchRule roiMapsDependOnlyOnTheJdkAndTheApi = classes()
            .that().resideInAPackage("io.fixate.codec.roi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.fixate.api..", "io.fixate.codec.roi..");

    @ArchTest
    static final ArchRule codecKnowsNoProvider = noClasses().that().resideInAPackage("io.fixate.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fixate.provider..", "io.fixate.samples..",
                    "io.fixate.eval..", "io.fixate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlySamplesUseSamples = noClasses().that().resideOutsideOfPackages(SAMPLES)
            .should().dependOnClassesThat().resideInAnyPackage(SAMPLES);

    @ArchTest
    static final ArchRule nothingUsesTheCommandLine = noClasses().that().resideOutsideOfPackage("io.fixate.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.fixate.cli..");

    /** Main code never needs test code: the kit and the fixtures are for tests only, including the kit's users'. */
    @ArchTest
    static final ArchRule nothingButTestsUsesTheTestModules = noClasses().that().resideOutsideOfPackages(TESTS)
            .should().dependOnClassesThat().resideInAnyPackage(TESTS);

    /** Every module's tests use the fixtures, so they may depend on no Fixate module but the api (no build cycle). */
    @ArchTest
    static final ArchRule fixturesDependOnNoFixateModuleButTheApi = noClasses()
            .that().resideInAPackage("io.fixate.fixtures..")
            .should().dependOnClassesThat(resideInAPackage("io.fixate..")
                    .and(resideInAnyPackage(API, "io.fixate.fixtures..").negate()));

    @ArchTest
    static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("io.fixate.(*)..").should().beFreeOfCycles();
}
