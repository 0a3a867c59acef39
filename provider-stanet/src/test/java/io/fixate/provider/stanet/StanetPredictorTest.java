package io.fixate.provider.stanet;

import ai.djl.Device;
import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.PlaneResize;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanetPredictorTest {

    private static final int WIDTH = 97;
    private static final int HEIGHT = 61;

    @TempDir
    static Path folder;
    private static Path weights;
    private static FixationPredictor predictor;

    @BeforeAll
    static void openRandomNet() {
        weights = RandomStanet.save(folder.resolve("weights"));
        predictor = new StanetPredictorProvider().open(RandomStanet.options(weights));
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    private static List<FixationMap> streamed(FixationPredictor model, List<FrameWithAudio> clip) {
        List<FixationMap> maps = new ArrayList<>();
        try (PredictionSession session = model.openSession()) {
            for (FrameWithAudio input : clip) {
                maps.addAll(session.push(input));
            }
            maps.addAll(session.flush());
        }
        return maps;
    }

    @Test
    void theOpenedPredictorDeclaresTheWeightsInputSizeAndOneFrameEachSide() {
        var capabilities = predictor.info().capabilities();

        assertEquals("stanet", predictor.info().name());
        assertEquals(RandomStanet.INPUT_SIZE, capabilities.nativeInputWidth());
        assertEquals(RandomStanet.INPUT_SIZE, capabilities.nativeInputHeight());
        assertEquals(1, capabilities.contextFrames());
        assertEquals(1, capabilities.lookAheadFrames());
        assertTrue(capabilities.usesAudio());
    }

    @Test
    void theOpenedPredictorReportsTheThreadsPyTorchRunsWith() {
        // The build runs tests with one PyTorch thread (the parent pom's surefire arguments).
        assertEquals(1, predictor.threads());
    }

    @Test
    void eachPushReturnsThePreviousFramesMapAndFlushTheLast() {
        List<FrameWithAudio> clip = RandomStanet.clip(4, WIDTH, HEIGHT);
        try (PredictionSession session = predictor.openSession()) {
            assertEquals(List.of(), session.push(clip.get(0)), "the first frame waits for its next one");
            for (int t = 1; t < clip.size(); t++) {
                List<FixationMap> ready = session.push(clip.get(t));
                assertEquals(1, ready.size(), "maps after push " + t);
                assertEquals(clip.get(t - 1).frame().timestampMicros(), ready.get(0).timestampMicros());
            }
            List<FixationMap> rest = session.flush();
            assertEquals(1, rest.size());
            assertEquals(clip.get(3).frame().timestampMicros(), rest.get(0).timestampMicros());
        }
    }

    @Test
    void byDefaultMapsComeAtTheNetsSizeDescribingTheWholeFrame() {
        List<FixationMap> maps = streamed(predictor, RandomStanet.clip(3, WIDTH, HEIGHT));

        for (FixationMap map : maps) {
            assertEquals(RandomStanet.INPUT_SIZE, map.width());
            assertEquals(RandomStanet.INPUT_SIZE, map.height());
            assertEquals(WIDTH, map.frameWidth());
            assertEquals(HEIGHT, map.frameHeight());
            assertEquals(1f, map.peak().value(), "min-max normalised");
        }
    }

    @Test
    void oneMapPerFrameInOrderAtTheSourceSize() {
        List<FrameWithAudio> clip = RandomStanet.clip(5, WIDTH, HEIGHT);

        List<FixationMap> maps = streamed(atFrameSize(weights), clip);

        assertEquals(clip.size(), maps.size());
        for (int t = 0; t < clip.size(); t++) {
            FixationMap map = maps.get(t);
            assertEquals(clip.get(t).frame().timestampMicros(), map.timestampMicros(), "timestamp of map " + t);
            assertEquals(WIDTH, map.width());
            assertEquals(HEIGHT, map.height());
            assertEquals(WIDTH, map.frameWidth());
            assertEquals(HEIGHT, map.frameHeight());
            assertEquals(1f, map.peak().value(), "min-max normalised map " + t);
        }
        assertFalse(sameValues(maps.get(0), maps.get(1)), "different frames give different maps");
    }

    @Test
    void atTheNetsSizeMapsAreTheFrameSizeMapsBeforeTheirResize() {
        try (FixationPredictor frameSized = new StanetPredictorProvider().open(atFrameSize(weights))) {
            assertNetSizeMapsResizeToTheFrameSizeMaps(frameSized, weights, RandomStanet.INPUT_SIZE,
                    RandomStanet.INPUT_SIZE);
        }
    }

    /** Options of a predictor on {@code weights} whose maps are resized to their frames in the session. */
    private static ModelOptions atFrameSize(Path weights) {
        return ModelOptions.builder().weights(weights)
                .property(StanetPredictorProvider.MAP_SIZE, StanetPredictorProvider.FRAME_SIZE).build();
    }

    /**
     * A net trained on padded frames predicts on the frame's content rectangle of its square (97 × 61 in 64 × 64:
     * 64 × 40 between margins of 12 rows), and the map at the frame's size is that rectangle resized.
     */
    @Test
    void aPaddedNetsMapIsCroppedToTheFramesContentRectangleBeforeItsResize() {
        Path padded = RandomStanet.save(folder.resolve("padded"), Encoders.COMPACT, FrameFit.PAD);
        try (FixationPredictor paddedPredictor = new StanetPredictorProvider().open(atFrameSize(padded))) {
            assertNetSizeMapsResizeToTheFrameSizeMaps(paddedPredictor, padded, RandomStanet.INPUT_SIZE, 40);
        }
    }

    private static void assertNetSizeMapsResizeToTheFrameSizeMaps(FixationPredictor frameSized, Path netWeights,
                                                                  int netWidth, int netHeight) {
        List<FrameWithAudio> clip = RandomStanet.clip(4, WIDTH, HEIGHT);
        List<FixationMap> atFrameSize = streamed(frameSized, clip);
        List<FixationMap> atNetSize;
        try (FixationPredictor netSized = new StanetPredictorProvider().open(ModelOptions.builder()
                .weights(netWeights).property(StanetPredictorProvider.MAP_SIZE, StanetPredictorProvider.NET_SIZE)
                .build())) {
            atNetSize = streamed(netSized, clip);
        }

        assertEquals(clip.size(), atNetSize.size());
        for (int t = 0; t < clip.size(); t++) {
            FixationMap small = atNetSize.get(t);
            assertEquals(WIDTH, atFrameSize.get(t).width());
            assertEquals(HEIGHT, atFrameSize.get(t).height());
            assertEquals(netWidth, small.width());
            assertEquals(netHeight, small.height());
            assertEquals(WIDTH, small.frameWidth(), "a net-size map still describes the whole frame");
            assertEquals(HEIGHT, small.frameHeight());
            assertEquals(atFrameSize.get(t).timestampMicros(), small.timestampMicros());
            float[] resized = PlaneResize.bilinear(small.toArray(), small.width(), small.height(), WIDTH, HEIGHT);
            assertArrayEquals(atFrameSize.get(t).toArray(),
                    FixationMap.ofScores(WIDTH, HEIGHT, resized, 0, WIDTH, HEIGHT).toArray(), "map " + t);
        }
    }

    @Test
    void wholeClipPredictionEqualsStreaming() {
        List<FrameWithAudio> clip = RandomStanet.clip(4, WIDTH, HEIGHT);

        List<FixationMap> streamed = streamed(predictor, clip);
        List<FixationMap> whole = predictor.predictClip(clip);

        assertEquals(streamed.size(), whole.size());
        for (int t = 0; t < whole.size(); t++) {
            assertArrayEquals(streamed.get(t).toArray(), whole.get(t).toArray(), "map " + t);
            assertEquals(streamed.get(t).timestampMicros(), whole.get(t).timestampMicros());
        }
    }

    @Test
    void strideThreeRunsTheNetOnEveryThirdAndTheLastFrameAndInterpolatesBetween() {
        List<FrameWithAudio> clip = netSizedClip(8);
        List<FixationMap> everyFrame = streamed(unsmoothed().build(), clip);
        List<FixationMap> strided = streamed(unsmoothed().property("stride", "3").build(), clip);

        assertEquals(clip.size(), strided.size());
        for (int anchor : new int[] {0, 3, 6, 7}) {
            assertArrayEquals(everyFrame.get(anchor).toArray(), strided.get(anchor).toArray(), "anchor " + anchor);
        }
        assertArrayEquals(blend(everyFrame.get(0), everyFrame.get(3), 1 / 3.0), strided.get(1).toArray(), 1e-6f);
        assertArrayEquals(blend(everyFrame.get(0), everyFrame.get(3), 2 / 3.0), strided.get(2).toArray(), 1e-6f);
        assertArrayEquals(blend(everyFrame.get(3), everyFrame.get(6), 1 / 3.0), strided.get(4).toArray(), 1e-6f);
        assertArrayEquals(blend(everyFrame.get(3), everyFrame.get(6), 2 / 3.0), strided.get(5).toArray(), 1e-6f);
        for (int t = 0; t < clip.size(); t++) {
            assertEquals(clip.get(t).frame().timestampMicros(), strided.get(t).timestampMicros(), "timestamp " + t);
        }
    }

    @Test
    void eachMapIsTheRunningAverageOfTheNetsMapsAndANewStreamStartsAfresh() {
        List<FrameWithAudio> clip = netSizedClip(4);
        List<FixationMap> raw = streamed(unsmoothed().build(), clip);
        List<FixationMap> smoothed;
        try (FixationPredictor model = new StanetPredictorProvider().open(
                ModelOptions.builder().weights(weights).property("smoothing", "0.4").build());
             PredictionSession session = model.openSession()) {
            smoothed = new ArrayList<>();
            for (FrameWithAudio input : clip) {
                smoothed.addAll(session.push(input));
            }
            smoothed.addAll(session.flush());
            List<FixationMap> again = new ArrayList<>(session.push(clip.get(0)));
            again.addAll(session.flush());
            assertArrayEquals(streamed(unsmoothed().build(), clip.subList(0, 1)).get(0).toArray(),
                    again.get(0).toArray(), "after a flush the average restarts");
        }

        assertArrayEquals(raw.get(0).toArray(), smoothed.get(0).toArray(), "a stream's first map is the net's");
        for (int t = 1; t < clip.size(); t++) {
            assertArrayEquals(blend(raw.get(t), smoothed.get(t - 1), 0.4), smoothed.get(t).toArray(), 1e-6f,
                    "map " + t);
        }
    }

    @Test
    void aStridedSessionHoldsBackStrideFrames() {
        List<FrameWithAudio> clip = RandomStanet.clip(5, WIDTH, HEIGHT);
        try (FixationPredictor stride3 = new StanetPredictorProvider().open(
                ModelOptions.builder().weights(weights).property("stride", "3").build());
             PredictionSession session = stride3.openSession()) {
            for (int t = 0; t < 3; t++) {
                assertEquals(List.of(), session.push(clip.get(t)), "push " + t);
            }
            assertEquals(clip.get(0).frame().timestampMicros(), session.push(clip.get(3)).get(0).timestampMicros());
            assertEquals(1, session.push(clip.get(4)).size());
            assertEquals(3, session.flush().size());
        }
    }

    /**
     * Frames of the net's square input size: interpolation and averaging work on maps of that size, and the resize
     * to such a frame changes nothing, so the expected maps can be computed from the returned ones.
     */
    private static List<FrameWithAudio> netSizedClip(int frames) {
        return RandomStanet.clip(frames, RandomStanet.INPUT_SIZE, RandomStanet.INPUT_SIZE);
    }

    /** Options of a predictor on the test weights whose maps are the net's own, not averaged over time. */
    private static ModelOptions.Builder unsmoothed() {
        return ModelOptions.builder().weights(weights).property("smoothing", "0");
    }

    private static List<FixationMap> streamed(ModelOptions options, List<FrameWithAudio> clip) {
        try (FixationPredictor model = new StanetPredictorProvider().open(options)) {
            return streamed(model, clip);
        }
    }

    /** The min-max normalised blend of two maps of the same size, {@code weight} of the way to the second. */
    private static float[] blend(FixationMap first, FixationMap second, double weight) {
        float[] a = first.toArray();
        float[] b = second.toArray();
        float[] blend = new float[a.length];
        for (int i = 0; i < blend.length; i++) {
            blend[i] = (float) (a[i] * (1 - weight) + b[i] * weight);
        }
        return FixationMap.ofScores(first.width(), first.height(), blend, 0, first.width(), first.height()).toArray();
    }

    private static boolean sameValues(FixationMap first, FixationMap second) {
        return Arrays.equals(first.toArray(), second.toArray());
    }

    @Test
    void nativeArraysDoNotGrowOverFiftyFrames() {
        List<FrameWithAudio> clip = RandomStanet.clip(50, 48, 36);
        try (StanetWeights loaded = StanetWeights.load(weights, Device.cpu());
             PredictionSession session = new StanetSession(loaded, new SessionSettings(1,
                     StanetPredictorProvider.DEFAULT_BLUR, StanetPredictorProvider.DEFAULT_SMOOTHING, true, true))) {
            int before = loaded.manager().getManagedArrays().size();
            // the encoder maps (three depths) of the frames around the current one, and nothing else
            int kept = StanetSession.KEPT_FRAMES * 3;
            for (FrameWithAudio input : clip) {
                session.push(input);
                int now = loaded.manager().getManagedArrays().size();
                assertTrue(now <= before + kept, "arrays after a frame: " + now + ", at most " + (before + kept));
            }
            session.flush();
            assertEquals(before, loaded.manager().getManagedArrays().size(), "arrays after the flush");
        }
    }

    @Test
    void unknownPropertiesAndBadStridesAndBlursAreRejected() {
        var provider = new StanetPredictorProvider();
        for (String[] property : new String[][] {{"strid", "2"}, {"stride", "0"}, {"stride", "1.5"},
                {"stride", "fast"}, {"blur", "-0.01"}, {"blur", "0.5"}, {"blur", "wide"}, {"map-size", "half"}}) {
            ModelOptions options = ModelOptions.builder().weights(weights).property(property[0], property[1]).build();
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> provider.open(options));
            assertTrue(e.getMessage().contains(property[0]), e.getMessage());
        }
    }

    @Test
    void withoutWeightsTheBundledNetsPredictAndNameTheirEncoders() {
        for (String[] bundle : new String[][] {{"real", "160", "mobilenet-v2"}, {"benchmark", "128", "compact"}}) {
            ModelOptions options = ModelOptions.builder().property("bundled", bundle[0]).build();
            try (FixationPredictor bundled = new StanetPredictorProvider().open(options)) {
                List<FixationMap> maps = bundled.predictClip(RandomStanet.clip(4, 48, 36));

                assertEquals(Integer.parseInt(bundle[1]), bundled.info().capabilities().nativeInputWidth(),
                        "the " + bundle[0] + " net's training size");
                assertEquals(Map.of("visual", bundle[2], "audio", "compact"), bundled.encoders(),
                        "the " + bundle[0] + " net's encoders, as its manifest names them");
                assertEquals(4, maps.size());
                assertEquals(48, maps.get(0).frameWidth());
            }
        }
        try (FixationPredictor byDefault = new StanetPredictorProvider().open(ModelOptions.defaults())) {
            assertEquals(160, byDefault.info().capabilities().nativeInputWidth(), "the real net is the default");
        }
    }

    @Test
    void withAudioOffTheNetHearsSilence() {
        assertAudioOffIsSilence(predictor, weights, RandomStanet.clip(5, WIDTH, HEIGHT));
    }

    @Test
    void aYamnetNetAsksForItsRawWindowAndHearsSilenceOfThatLength() {
        Path yamnet = RandomStanet.save(folder.resolve("yamnet"), YamNet.NAME);
        try (FixationPredictor listening = new StanetPredictorProvider().open(RandomStanet.options(yamnet));
             PredictionSession session = listening.openSession()) {
            assertEquals(YamNet.REQUIREMENT, listening.info().capabilities().audio());
            assertEquals(YamNet.REQUIREMENT, session.audioRequirement());
            assertEquals(15_600, session.audioRequirement().windowSamples());
            assertFalse(session.audioRequirement().hannWeighted());
            assertAudioOffIsSilence(listening, yamnet, RandomStanet.clip(5, WIDTH, HEIGHT, YamNet.REQUIREMENT));
        }
    }

    /**
     * With audio off, {@code listening}'s net gives the maps of {@code heard} pushed with silent windows of the same
     * length, and with audio on other maps.
     */
    private static void assertAudioOffIsSilence(FixationPredictor listening, Path listeningWeights,
                                                List<FrameWithAudio> heard) {
        List<FrameWithAudio> silent = heard.stream().map(input -> new FrameWithAudio(input.frame(),
                AudioBlock.silence(input.audio().frameCount(), input.audio().sampleRate(), 1,
                        input.audio().timestampMicros()), false)).toList();
        ModelOptions off = ModelOptions.builder().weights(listeningWeights).property("audio", "off").build();
        try (FixationPredictor deaf = new StanetPredictorProvider().open(off)) {
            List<FixationMap> deafMaps = deaf.predictClip(heard);
            List<FixationMap> silentMaps = listening.predictClip(silent);
            List<FixationMap> soundMaps = listening.predictClip(heard);
            for (int i = 0; i < heard.size(); i++) {
                assertTrue(sameValues(deafMaps.get(i), silentMaps.get(i)), "frame " + i + " as if silent");
            }
            assertTrue(IntStream.range(0, heard.size()).anyMatch(i -> !sameValues(deafMaps.get(i), soundMaps.get(i))),
                    "the sound reaches the maps when audio is on");
        }
    }

    @Test
    void aBundleCannotGoWithAWeightsFolder() {
        ModelOptions options = ModelOptions.builder().weights(weights).property("bundled", "real").build();

        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> new StanetPredictorProvider().open(options));
        assertTrue(e.getMessage().contains("bundled") && e.getMessage().contains(weights.toString()), e.getMessage());
        ModelOptions unknown = ModelOptions.builder().property("bundled", "imagenet").build();
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> new StanetPredictorProvider().open(unknown));
        assertTrue(refused.getMessage().contains("real") && refused.getMessage().contains("benchmark"),
                refused.getMessage());
    }

    @Test
    void anotherInputSizeIsRejected() {
        ModelOptions options = ModelOptions.builder().weights(weights).inputSize(96).build();

        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> new StanetPredictorProvider().open(options));
        assertTrue(e.getMessage().contains("64x64"), e.getMessage());
    }
}
