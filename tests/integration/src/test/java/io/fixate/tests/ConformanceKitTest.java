package io.fixate.tests;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.VideoFrame;
import io.fixate.conformance.LabelerConformance;
import io.fixate.conformance.PredictorConformance;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.LabelerProvider;
import io.fixate.spi.OptionChecks;
import io.fixate.spi.PredictorProvider;
import io.fixate.spi.WindowedSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit itself: it passes a correct provider and catches the faults it promises to catch. */
class ConformanceKitTest {

    private static final String NAME = "uniform";

    private static FixationMap uniformMap(VideoFrame frame) {
        return FixationMap.of(2, 2, new float[] {0.5f, 0.5f, 0.5f, 0.5f}, frame.timestampMicros(), frame.width(),
                frame.height());
    }

    private static ProviderInfo info(int lookAhead, List<String> labels) {
        return new ProviderInfo(NAME, List.of(), "kit fixture",
                new Capabilities(false, 0, lookAhead, 0, 0, AudioRequirement.DEFAULT, false, labels));
    }

    /**
     * A predictor of uniform maps that declares {@code declaredLookAhead} frames of look-ahead but holds back
     * {@code actualLookAhead}, and checks its properties only if {@code checksProperties}.
     */
    private static PredictorProvider predictor(int declaredLookAhead, int actualLookAhead, boolean checksProperties) {
        ProviderInfo info = info(declaredLookAhead, List.of());
        return new PredictorProvider() {
            @Override
            public ProviderInfo info() {
                return info;
            }

            @Override
            public FixationPredictor open(ModelOptions options) {
                if (checksProperties) {
                    OptionChecks.requireKnownProperties(NAME, options, Set.of());
                }
                return new FixationPredictor() {
                    @Override
                    public ProviderInfo info() {
                        return info;
                    }

                    @Override
                    public PredictionSession openSession() {
                        return new WindowedSession(0, actualLookAhead, AudioRequirement.DEFAULT) {
                            @Override
                            protected FixationMap predict(FrameWindow window) {
                                return uniformMap(window.current().frame());
                            }
                        };
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** A labeler of uniform maps that knows two tags and checks them only if {@code checksTags}. */
    private static LabelerProvider labeler(boolean checksTags) {
        ProviderInfo info = info(0, List.of("speech", "music"));
        return new LabelerProvider() {
            @Override
            public ProviderInfo info() {
                return info;
            }

            @Override
            public PseudoLabeler open(ModelOptions options) {
                OptionChecks.requireKnownProperties(NAME, options, Set.of());
                return new PseudoLabeler() {
                    @Override
                    public ProviderInfo info() {
                        return info;
                    }

                    @Override
                    public void label(Iterable<FrameWithAudio> clip, Set<String> tags, Consumer<FixationMap> sink) {
                        if (checksTags) {
                            requireKnownTags(tags);
                        }
                        clip.forEach(input -> sink.accept(uniformMap(input.frame())));
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /**
     * A predictor of uniform maps that, like a trained one, opens only with weights and otherwise names them
     * missing.
     */
    private static PredictorProvider predictorNeedingWeights() {
        PredictorProvider uniform = predictor(1, 1, true);
        return new PredictorProvider() {
            @Override
            public ProviderInfo info() {
                return uniform.info();
            }

            @Override
            public FixationPredictor open(ModelOptions options) {
                OptionChecks.requireKnownProperties(NAME, options, Set.of());
                if (options.weights().isEmpty()) {
                    throw new MissingWeightsException(NAME + " needs --weights");
                }
                return uniform.open(options);
            }
        };
    }

    /** The names of the tests that failed and of those skipped, without the provider-name prefix. */
    private record Outcomes(List<String> failed, List<String> skipped) {
    }

    private static Outcomes run(Stream<DynamicTest> tests) {
        Outcomes outcomes = new Outcomes(new ArrayList<>(), new ArrayList<>());
        tests.forEach(test -> {
            String check = test.getDisplayName().substring((NAME + ": ").length());
            try {
                test.getExecutable().execute();
            } catch (TestAbortedException skipped) {
                // a check that does not apply to this provider, as JUnit would report it: skipped, not failed
                outcomes.skipped().add(check);
            } catch (Throwable failure) {
                outcomes.failed().add(check);
            }
        });
        return outcomes;
    }

    /** Runs the tests and returns the names of those that failed. */
    private static List<String> failing(Stream<DynamicTest> tests) {
        return run(tests).failed();
    }

    @Test
    void aCorrectPredictorPasses() {
        assertEquals(List.of(), failing(PredictorConformance.tests(predictor(2, 2, true))));
    }

    @Test
    void aPredictorThatIgnoresUnknownPropertiesFails() {
        assertEquals(List.of("rejects unknown properties"),
                failing(PredictorConformance.tests(predictor(1, 1, false))));
    }

    @Test
    void aPredictorThatReleasesMapsBeforeItsLookAheadFails() {
        List<String> failed = failing(PredictorConformance.tests(predictor(1, 0, true)));
        assertTrue(failed.containsAll(List.of("opens and closes", "streams frames with audio",
                "streams frames without audio")), failed::toString);
    }

    @Test
    void aPredictorIsOpenedWithTheOptionsGiven() {
        Outcomes withDefaults = run(PredictorConformance.tests(predictorNeedingWeights()));
        assertEquals(List.of(), withDefaults.failed());
        assertTrue(withDefaults.skipped().contains("streams frames with audio"), withDefaults::toString);

        ModelOptions trained = ModelOptions.builder().weights(Path.of("weights")).build();
        assertEquals(new Outcomes(List.of(), List.of()),
                run(PredictorConformance.tests(predictorNeedingWeights(), trained)));
    }

    @Test
    void aCorrectLabelerPasses() {
        assertEquals(List.of(), failing(LabelerConformance.tests(labeler(true))));
    }

    @Test
    void aLabelerThatAcceptsAnyTagFails() {
        assertEquals(List.of("rejects unknown tags listing the valid ones"),
                failing(LabelerConformance.tests(labeler(false))));
    }
}
