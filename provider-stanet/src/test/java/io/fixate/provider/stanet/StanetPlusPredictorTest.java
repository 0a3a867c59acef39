package io.fixate.provider.stanet;

import ai.djl.Device;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.conformance.PredictorConformance;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.spi.djl.LoadedNetPredictor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stanet-plus} on seeded random compact nets ({@link RandomStanetPlus}). */
class StanetPlusPredictorTest {

    private static final int WIDTH = 48;
    private static final int HEIGHT = 36;

    @TempDir
    static Path folder;
    private static Path weights;
    private static FixationPredictor predictor;

    @BeforeAll
    static void openRandomNets() {
        weights = RandomStanetPlus.save(folder.resolve("weights"));
        predictor = new StanetPlusPredictorProvider().open(options().build());
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    private static ModelOptions.Builder options() {
        return ModelOptions.builder().weights(weights);
    }

    private static List<FixationMap> streamed(PredictionSession session, List<FrameWithAudio> clip) {
        List<FixationMap> maps = new ArrayList<>();
        for (FrameWithAudio input : clip) {
            maps.addAll(session.push(input));
        }
        maps.addAll(session.flush());
        return maps;
    }

    private static List<FixationMap> streamed(FixationPredictor model, List<FrameWithAudio> clip) {
        try (PredictionSession session = model.openSession()) {
            return streamed(session, clip);
        }
    }

    @Test
    void itAnswersToItsAliasAndDeclaresFourFramesEachSide() {
        assertTrue(new StanetPlusPredictorProvider().info().answersTo("STANet+"));
        assertEquals("stanet-plus", predictor.info().name());

        var capabilities = predictor.info().capabilities();
        assertEquals(4, capabilities.contextFrames());
        assertEquals(4, capabilities.lookAheadFrames());
        assertEquals(0, capabilities.nativeInputWidth(), "frames of any size, laid into the weights' square");
        assertTrue(capabilities.usesAudio() && capabilities.needsWeights());
    }

    @Test
    void aMapIsReleasedFourFramesLaterAndEveryFrameGetsOneEvenInAClipShorterThanNine() {
        List<FrameWithAudio> clip = RandomStanet.clip(6, WIDTH, HEIGHT);
        try (PredictionSession session = predictor.openSession()) {
            for (int t = 0; t < 4; t++) {
                assertEquals(List.of(), session.push(clip.get(t)), "frame " + t + " waits for four more");
            }
            List<FixationMap> ready = session.push(clip.get(4));
            assertEquals(1, ready.size());
            assertEquals(clip.get(0).frame().timestampMicros(), ready.get(0).timestampMicros());
            assertEquals(1, session.push(clip.get(5)).size());
            List<FixationMap> rest = session.flush();
            assertEquals(4, rest.size());
            assertEquals(clip.get(5).frame().timestampMicros(), rest.get(3).timestampMicros());
            for (FixationMap map : rest) {
                assertEquals(WIDTH, map.frameWidth());
                assertEquals(1f, map.peak().value());
            }
        }
    }

    @Test
    void flushForgetsTheLongTermHistorySoASecondStreamRepeatsTheFirst() {
        // 40 frames at 25 fps: the memory keeps frames 0 and 25, so STA+Long joins the fusion from frame 6 on
        List<FrameWithAudio> clip = RandomStanet.clip(40, WIDTH, HEIGHT);
        try (PredictionSession session = predictor.openSession()) {
            List<FixationMap> first = streamed(session, clip);
            List<FixationMap> second = streamed(session, clip);
            assertEquals(clip.size(), first.size());
            for (int t = 0; t < first.size(); t++) {
                assertArrayEquals(first.get(t).toArray(), second.get(t).toArray(), "map " + t);
            }
        }
    }

    @Test
    void eachNetAloneAndTheMaxFusionGiveOtherMapsThanEq17() throws IOException {
        List<FrameWithAudio> clip = RandomStanet.clip(12, WIDTH, HEIGHT);
        float[] fused = streamed(predictor, clip).get(10).toArray();
        List<float[]> others = new ArrayList<>();
        for (String[] property : new String[][] {{"nets", "sta"}, {"nets", "short"}, {"nets", "long"},
                {"fusion", "max"}}) {
            try (FixationPredictor other = new StanetPlusPredictorProvider().open(options()
                    .property(property[0], property[1]).build())) {
                float[] map = streamed(other, clip).get(10).toArray();
                assertFalse(Arrays.equals(fused, map), property[0] + "=" + property[1]);
                others.add(map);
            }
        }
        assertFalse(Arrays.equals(others.get(0), others.get(1)), "STA and STA+Short differ");
        StanetWeights sta = StanetWeights.load(weights.resolve("random-sta"), Device.cpu());
        SessionSettings settings = StanetPredictorProvider.sessionSettings("stanet", ModelOptions.defaults(), 1);
        try (FixationPredictor stanet = new LoadedNetPredictor(predictor.info(), sta.net().visualEncoder(),
                sta.net().audioEncoder(), () -> new StanetSession(sta, settings), sta::close)) {
            assertArrayEquals(streamed(stanet, clip).get(10).toArray(), others.get(0), 1e-6f,
                    "nets=sta is the stanet of the same STA");
        }
    }

    @Test
    void nativeArraysStayBoundedOverAStreamAndFlushFreesThem() {
        List<FrameWithAudio> clip = RandomStanet.clip(60, 32, 24);
        try (StanetPlusWeights loaded = StanetPlusWeights.load(weights, Device.cpu());
             PredictionSession session = new StanetPlusSession(loaded, StanetPredictorProvider.sessionSettings(
                     "stanet-plus", ModelOptions.defaults(), 1), PlusNets.ALL, NetMapFusion.EQ17)) {
            int before = loaded.manager().getManagedArrays().size();
            // three depths per cached frame (4 + 10 + 4) and per remembered fragment (3 frames and the audio input)
            int bound = (4 + 10 + 4) * 3 + StanetPlusSession.MEMORY_FRAGMENTS * (3 * 3 + 1);
            for (FrameWithAudio input : clip) {
                session.push(input);
                int now = loaded.manager().getManagedArrays().size();
                assertTrue(now <= before + bound, "arrays after a frame: " + now + ", at most " + (before + bound));
            }
            session.flush();
            assertEquals(before, loaded.manager().getManagedArrays().size(), "arrays after the flush");
        }
    }

    @Test
    void withoutWeightsTheBundledNetsPredict() {
        try (FixationPredictor bundled = new StanetPlusPredictorProvider().open(ModelOptions.defaults())) {
            List<FixationMap> maps = bundled.predictClip(RandomStanet.clip(10, 48, 36));

            assertEquals(Map.of("visual", "compact", "audio", "compact"), bundled.encoders(),
                    "the bundled nets' encoders, as their manifest names them");
            assertEquals(10, maps.size());
            assertEquals(48, maps.get(0).frameWidth());
            for (FixationMap map : maps) {
                for (float value : map.toArray()) {
                    assertTrue(value >= 0 && value <= 1, "map value " + value);
                }
            }
        }
    }

    @Test
    void badOptionsAreRejectedByName() {
        for (String[] property : new String[][] {{"stride", "2"}, {"fusion", "mean"}, {"nets", "cross"},
                {"blur", "0.5"}, {"smoothing", "1"}, {"bundled", "real"}}) {
            ModelOptions options = options().property(property[0], property[1]).build();
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                    () -> new StanetPlusPredictorProvider().open(options));
            assertTrue(e.getMessage().contains(property[0]), e.getMessage());
        }
        assertThrows(InvalidOptionsException.class, () -> new StanetPlusPredictorProvider().open(options()
                .inputSize(96, 96).build()));
    }

    @Test
    void damagedOrMissingNetsAreNamed() throws IOException {
        for (String net : List.of(StanetPlusWeights.STA, StanetPlusWeights.SHORT, StanetPlusWeights.LONG)) {
            Path copy = folder.resolve("damaged-" + net);
            copyWeights(copy);
            DamagedWeights.flipMiddleByte(copy.resolve(StanetPlusWeights.parametersOf(net)), 0x5A);
            CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                    () -> new StanetPlusPredictorProvider().open(ModelOptions.builder().weights(copy).build()));
            assertTrue(e.getMessage().contains(StanetPlusWeights.parametersOf(net)), e.getMessage());
        }
        Path copy = folder.resolve("no-long");
        copyWeights(copy);
        Files.delete(copy.resolve(StanetPlusWeights.parametersOf(StanetPlusWeights.LONG)));
        assertThrows(MissingWeightsException.class,
                () -> new StanetPlusPredictorProvider().open(ModelOptions.builder().weights(copy).build()));
        Path manifest = folder.resolve("bad-update");
        copyWeights(manifest);
        Path file = manifest.resolve(StanetPlusWeights.MANIFEST);
        Files.writeString(file, Files.readString(file).replace("\"conservative\"", "\"eager\""));
        assertThrows(CorruptWeightsException.class,
                () -> new StanetPlusPredictorProvider().open(ModelOptions.builder().weights(manifest).build()));
    }

    private static void copyWeights(Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(weights)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> conformsToTheKit() {
        return PredictorConformance.tests(new StanetPlusPredictorProvider(), options().build());
    }
}
