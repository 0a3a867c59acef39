package io.fixate.tests;

import io.fixate.Fixate;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.conformance.ProviderConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the conformance kit over every provider installed with the project; the SCAM and SCAM+ labelers, stanet-plus and
 * the third-party samples stavis and avrsp, which ship no weights, are opened on weights trained for the test.
 */
class DiscoveredProvidersTest {

    @Test
    void theBaselineIsInstalled() {
        assertTrue(Fixate.predictors().stream().map(ProviderInfo::name).anyMatch("classic-baseline"::equals),
                "classic-baseline is not among " + Fixate.predictors());
    }

    @TestFactory
    Stream<DynamicTest> everyInstalledProviderConforms() {
        ModelOptions trained = ModelOptions.builder().weights(TrainedTinyLabeler.weights()).build();
        ModelOptions plus = ModelOptions.builder().weights(TrainedTinyStanetPlus.weights()).build();
        ModelOptions stavis = ModelOptions.builder().weights(TrainedTinyStavis.weights()).build();
        ModelOptions avrsp = ModelOptions.builder().weights(TrainedTinyAvrsp.weights()).build();
        return ProviderConformance.allDiscovered(Map.of("scam", trained, "cam", trained, "scam-plus", trained,
                "stanet-plus", plus, "stavis", stavis, "avrsp", avrsp));
    }
}
