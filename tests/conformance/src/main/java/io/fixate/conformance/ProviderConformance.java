package io.fixate.conformance;

import io.fixate.Fixate;
import io.fixate.ProviderCatalog;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Conformance of everything installed: runs {@link PredictorConformance} and {@link LabelerConformance} over every
 * provider {@link Fixate} discovers, opening each through the facade as an application would.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> installedProviders() {
 *     return ProviderConformance.allDiscovered();
 * }
 * }</pre>
 */
public final class ProviderConformance {

    private ProviderConformance() {
    }

    /**
     * Checks that discovery found at least one provider and reported no problems, then the conformance tests of
     * each discovered predictor and labeler, opened with default options.
     */
    public static Stream<DynamicTest> allDiscovered() {
        return allDiscovered(Map.of());
    }

    /**
     * As {@link #allDiscovered()}, opening the providers named in {@code providerOptions} with their options (for
     * example weights trained for the test) and the others with defaults.
     */
    public static Stream<DynamicTest> allDiscovered(Map<String, ModelOptions> providerOptions) {
        ProviderCatalog catalog = Fixate.catalog();
        List<ProviderInfo> predictors = catalog.predictors();
        List<ProviderInfo> labelers = catalog.labelers();
        Stream<DynamicTest> discovery = Stream.of(
                dynamicTest("discovery finds a provider",
                        () -> assertFalse(predictors.isEmpty() && labelers.isEmpty(), "no provider is installed")),
                dynamicTest("discovery reports no problems", () -> assertEquals(List.of(), catalog.problems())));
        Stream<DynamicTest> predictorTests = predictors.stream().flatMap(info ->
                PredictorConformance.tests(info, options -> catalog.predictor(info.name(), options),
                        providerOptions.getOrDefault(info.name(), ModelOptions.defaults())));
        Stream<DynamicTest> labelerTests = labelers.stream().flatMap(info ->
                LabelerConformance.tests(info, options -> catalog.labeler(info.name(), options),
                        providerOptions.getOrDefault(info.name(), ModelOptions.defaults())));
        return Stream.of(discovery, predictorTests, labelerTests).flatMap(s -> s);
    }
}
