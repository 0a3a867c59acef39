package io.fixate.tests;

import io.fixate.Fixate;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Providers are found both on the module path ({@code provides} in module-info) and on the class path
 * ({@code META-INF/services}). The build runs this test once in each mode and says which through the system property
 * {@value #EXPECTED_PATH}, so a build that silently ran both times in the same mode fails.
 */
class DiscoveryModeTest {

    static final String EXPECTED_PATH = "fixate.expected.path";

    @Test
    void runsInTheExpectedModeAndFindsTheBaseline() {
        String expected = System.getProperty(EXPECTED_PATH, "module");
        String actual = Fixate.class.getModule().isNamed() ? "module" : "class";
        assertEquals(expected, actual, "Fixate was loaded from the " + actual + " path");

        try (FixationPredictor predictor = Fixate.predictor("Baseline", ModelOptions.defaults());
             PredictionSession session = predictor.openSession()) {
            assertEquals("classic-baseline", predictor.info().name());
            assertEquals(Fixate.class.getModule().isNamed(), predictor.getClass().getModule().isNamed(),
                    "the provider is loaded the same way as Fixate");
            session.push(VideoFrame.ofRgb(4, 3, 0, new byte[4 * 3 * 3]));
            List<FixationMap> maps = session.flush();
            assertEquals(1, maps.size());
            assertEquals(4, maps.get(0).frameWidth());
        }
    }

    /**
     * A third-party provider with training, registered both ways like the baseline; found and opened on the weights it
     * bundles, which it reads from its own module's resources (a named module on the module path, a jar on the class
     * path).
     */
    @Test
    void theStavisSampleIsFoundAndOpensItsBundledWeights() {
        List<ProviderInfo> found = Fixate.predictors().stream().filter(info -> info.answersTo("stavis")).toList();
        assertEquals(1, found.size(), "in " + Fixate.predictors());
        assertEquals(4, found.get(0).capabilities().contextFrames(), "half of the default clip of 8 frames");
        try (FixationPredictor stavis = Fixate.predictor("stavis", ModelOptions.defaults())) {
            assertEquals("mobilenet-v2", stavis.encoders().get("visual"), "the bundled OSIE weights' encoder");
        }
    }

    @Test
    void stanetPlusIsFoundByItsAlias() {
        List<String> found = Fixate.predictors().stream().filter(info -> info.answersTo("stanet+"))
                .map(ProviderInfo::name).toList();
        assertEquals(List.of("stanet-plus"), found, "in " + Fixate.predictors());
    }

    /** The third-party avrsp sample registers in both ways too, and opens its bundled weights in both. */
    @Test
    void theAvrspSampleIsFoundAndOpensItsBundledWeights() {
        assertTrue(Fixate.predictors().stream().map(ProviderInfo::name).anyMatch("avrsp"::equals),
                "avrsp is not among " + Fixate.predictors());
        try (FixationPredictor avrsp = Fixate.predictor("avrsp", ModelOptions.defaults())) {
            assertEquals(0, avrsp.info().capabilities().lookAheadFrames(), "causal");
            assertEquals("mobilenet-v2", avrsp.encoders().get("visual"), "the bundled OSIE weights' encoder");
        }
    }
}
