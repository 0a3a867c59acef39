package io.fixate.conformance;

import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.spi.LabelerProvider;
import org.junit.jupiter.api.DynamicTest;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Conformance tests for a {@link LabelerProvider}, as JUnit 5 dynamic tests (use them from a {@code @TestFactory}
 * as with {@link PredictorConformance}). They check that the labeler knows a label set, labels a synthetic clip
 * with one map per frame in presentation order (timestamps, frame sizes, values in [0, 1]), rejects unknown or
 * missing tags with {@link io.fixate.api.UnknownTagException} listing the valid ones, rejects unknown properties, and,
 * if it needs weights, either ships them or names what is missing with a {@link MissingWeightsException}.
 *
 * <p>A labeler that is trained by its user (no bundled weights) is checked on the options given, typically with
 * {@link ModelOptions#weights} pointing at weights trained for the test; without them, the checks that need an open
 * labeler are skipped (JUnit assumptions), not failed.
 */
public final class LabelerConformance {

    private LabelerConformance() {
    }

    /** The conformance tests for {@code provider} opened with default options, each named after it. */
    public static Stream<DynamicTest> tests(LabelerProvider provider) {
        return tests(provider, ModelOptions.defaults());
    }

    /** The conformance tests for {@code provider} opened with {@code options}, e.g. weights trained for the test. */
    public static Stream<DynamicTest> tests(LabelerProvider provider, ModelOptions options) {
        return tests(provider.info(), provider::open, options);
    }

    /** The conformance tests for a labeler described by {@code info}, opened by {@code opener} with {@code options}. */
    static Stream<DynamicTest> tests(ProviderInfo info, Function<ModelOptions, PseudoLabeler> opener,
                                     ModelOptions options) {
        LabelerChecks checks = new LabelerChecks(info, opener, options);
        String prefix = info.name() + ": ";
        return Stream.of(
                dynamicTest(prefix + "opens without weights only if it ships them",
                        checks::opensWithoutWeightsOnlyIfItShipsThem),
                dynamicTest(prefix + "opens and knows its labels", checks::opensAndKnowsItsLabels),
                dynamicTest(prefix + "labels every frame in order", checks::labelsEveryFrameInOrder),
                dynamicTest(prefix + "rejects unknown tags listing the valid ones",
                        checks::rejectsUnknownTagsListingTheValidOnes),
                dynamicTest(prefix + "rejects unknown properties", checks::rejectsUnknownProperties));
    }
}
