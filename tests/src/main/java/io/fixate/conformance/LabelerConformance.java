package io.fixate.conformance;

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
 * as with {@link PredictorConformance}). They check that the labeler declares a label set, labels a synthetic clip
 * with one map per frame in presentation order (timestamps, frame sizes, values in [0, 1]), rejects unknown or
 * missing tags with {@link io.fixate.api.UnknownTagException} listing the valid ones, and rejects unknown properties.
 */
public final class LabelerConformance {

    private LabelerConformance() {
    }

    /** The conformance tests for {@code provider}, each named after it. */
    public static Stream<DynamicTest> tests(LabelerProvider provider) {
        return tests(provider.info(), provider::open);
    }

    /** The conformance tests for a labeler described by {@code info} and opened by {@code opener}. */
    static Stream<DynamicTest> tests(ProviderInfo info, Function<ModelOptions, PseudoLabeler> opener) {
        LabelerChecks checks = new LabelerChecks(info, opener);
        String prefix = info.name() + ": ";
        return Stream.of(
                dynamicTest(prefix + "opens with default options and knows its labels",
                        checks::opensWithDefaultsAndKnowsItsLabels),
                dynamicTest(prefix + "labels every frame in order", checks::labelsEveryFrameInOrder),
                dynamicTest(prefix + "rejects unknown tags listing the valid ones",
                        checks::rejectsUnknownTagsListingTheValidOnes),
                dynamicTest(prefix + "rejects unknown properties", checks::rejectsUnknownProperties));
    }
}
