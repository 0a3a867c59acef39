package io.fixate.conformance;

import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.spi.PredictorProvider;
import org.junit.jupiter.api.DynamicTest;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Conformance tests for a {@link PredictorProvider}, as JUnit 5 dynamic tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *     return PredictorConformance.tests(new MyProvider());
 * }
 * }</pre>
 *
 * The tests open the predictor with default options, or with the options given (e.g. weights trained for the test),
 * and stream synthetic clips (a moving square, a tone at the
 * provider's {@link io.fixate.api.AudioRequirement}, a few frames past the look-ahead) with and without audio. They
 * check that maps come out one per frame, in presentation order, with the frame's timestamp and size and values in
 * [0, 1]; that exactly {@code lookAheadFrames} frames are withheld until {@code flush()}, which releases them and
 * starts a fresh stream; that streaming equals {@code predictClip} (so predictions must be deterministic); and that
 * misuse fails with the documented exceptions: an unknown property, a push after close, a frame out of order, audio
 * at another sample rate, a frame-size change within a stream. A predictor that needs weights and has none with the
 * options given (it throws {@link io.fixate.api.MissingWeightsException}) has those checks skipped, not failed.
 */
public final class PredictorConformance {

    private PredictorConformance() {
    }

    /** The conformance tests for {@code provider} opened with default options, each named after it. */
    public static Stream<DynamicTest> tests(PredictorProvider provider) {
        return tests(provider, ModelOptions.defaults());
    }

    /** The conformance tests for {@code provider} opened with {@code options}, e.g. weights trained for the test. */
    public static Stream<DynamicTest> tests(PredictorProvider provider, ModelOptions options) {
        return tests(provider.info(), provider::open, options);
    }

    /**
     * The conformance tests for a predictor described by {@code info}, opened by {@code opener} with
     * {@code options}.
     */
    static Stream<DynamicTest> tests(ProviderInfo info, Function<ModelOptions, FixationPredictor> opener,
                                     ModelOptions options) {
        PredictorChecks checks = new PredictorChecks(info, opener, options);
        String prefix = info.name() + ": ";
        return Stream.of(
                dynamicTest(prefix + "opens and closes", checks::opensAndCloses),
                dynamicTest(prefix + "streams frames with audio", checks::streamsWithAudio),
                dynamicTest(prefix + "streams frames without audio", checks::streamsWithoutAudio),
                dynamicTest(prefix + "streaming equals predictClip", checks::streamingEqualsPredictClip),
                dynamicTest(prefix + "flush starts a fresh stream", checks::flushStartsAFreshStream),
                dynamicTest(prefix + "rejects unknown properties", checks::rejectsUnknownProperties),
                dynamicTest(prefix + "negative thread counts cannot be built",
                        checks::negativeThreadCountsCannotBeBuilt),
                dynamicTest(prefix + "refuses frames after close", checks::refusesFramesAfterClose),
                dynamicTest(prefix + "rejects frames out of order", checks::rejectsFramesOutOfOrder),
                dynamicTest(prefix + "rejects audio at another sample rate", checks::rejectsAudioAtAnotherRate),
                dynamicTest(prefix + "rejects a frame-size change within a stream",
                        checks::rejectsFrameSizeChangesWithinAStream));
    }
}
