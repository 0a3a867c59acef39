package io.fixate.samples.avrsp;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.fixate.api.AudioBlock;
import io.fixate.api.Capabilities;
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
import io.fixate.samples.avrsp.nets.AvrspConfig;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.samples.avrsp.nets.Fusion;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.LoadedNetPredictor;
import io.fixate.spi.djl.PlaneResize;
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
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvrspPredictorTest {

    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    @TempDir
    static Path folder;
    private static Path weights;

    private final AvrspPredictorProvider provider = new AvrspPredictorProvider();

    @BeforeAll
    static void saveRandomWeights() {
        weights = RandomAvrsp.save(folder.resolve("random"));
    }

    @TestFactory
    Stream<DynamicTest> conformsToTheKit() {
        return PredictorConformance.tests(provider, options().build());
    }

    @Test
    void capabilitiesDeclareACausalWindowOfTheWeightsFramesAndTheirAudio() {
        Path sixteen = RandomAvrsp.save(folder.resolve("sixteen"), new AvrspConfig(16, "compact", "compact",
                Fusion.RAVF, true, true, 1, 2));
        try (FixationPredictor predictor = provider.open(ModelOptions.builder().weights(sixteen).build())) {
            Capabilities capabilities = predictor.info().capabilities();
            assertEquals(15, capabilities.contextFrames());
            assertEquals(0, capabilities.lookAheadFrames());
            assertTrue(capabilities.usesAudio());
            assertTrue(capabilities.needsWeights());
        }
        Capabilities declared = provider.info().capabilities();
        assertEquals(7, declared.contextFrames(), "the default architecture's 8 frames");
        assertEquals(0, declared.lookAheadFrames());
    }

    /**
     * The map of frame t is σ of the net over frames t − 7 … t, the first frame standing for those before the stream,
     * resized to the frame: what the session computes from cached per-frame encodings, the net computes in one pass.
     */
    @Test
    void aStreamedMapIsTheNetsMapOfTheEdgeReplicatedClip() {
        List<FrameWithAudio> clip = RandomAvrsp.clip(10, WIDTH, HEIGHT);
        LoadedNet<AvrspNet> loaded = AvrspWeights.load(weights, Device.cpu());
        try (FixationPredictor predictor = new LoadedNetPredictor(provider.info(), loaded.net().visualEncoder(),
                loaded.net().audioEncoder(), () -> new AvrspSession(loaded, true), loaded::close)) {
            List<FixationMap> maps = predictor.predictClip(clip);
            assertEquals(clip.size(), maps.size());
            for (int t : new int[] {0, 3, 9}) {
                assertArrayEquals(direct(loaded, clip, t), maps.get(t).toArray(), 1e-4f, "frame " + t);
            }
        }
    }

    @Test
    void audioOffFeedsSilence() {
        List<FrameWithAudio> clip = RandomAvrsp.clip(9, WIDTH, HEIGHT);
        List<FrameWithAudio> silent = clip.stream().map(input -> new FrameWithAudio(input.frame(),
                AudioBlock.silence(input.audio().frameCount(), input.audio().sampleRate(), input.audio().channels(),
                        input.audio().timestampMicros()), false)).toList();
        try (FixationPredictor hearing = provider.open(options().build());
             FixationPredictor deaf = provider.open(options().property("audio", "off").build())) {
            float[] heard = hearing.predictClip(clip).get(8).toArray();
            float[] heardSilence = hearing.predictClip(silent).get(8).toArray();
            float[] off = deaf.predictClip(clip).get(8).toArray();

            assertArrayEquals(heardSilence, off, 0f);
            assertFalse(Arrays.equals(heard, off), "the tone changes the map of a net that hears it");
        }
    }

    @Test
    void nativeArraysStayBoundedOverAStreamAndFlushFreesThem() {
        List<FrameWithAudio> clip = RandomAvrsp.clip(30, WIDTH, HEIGHT);
        try (LoadedNet<AvrspNet> loaded = AvrspWeights.load(weights, Device.cpu());
             PredictionSession session = new AvrspSession(loaded, true)) {
            int before = loaded.manager().getManagedArrays().size();
            // per frame of the window: three encoder depths and the audio embedding
            int bound = AvrspConfig.DEFAULT.frames() * 4;
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
    void badOptionsAreRejectedByName() {
        for (String[] property : new String[][] {{"audio", "quiet"}, {"fusion", "add"}, {"stride", "2"}}) {
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                    () -> provider.open(options().property(property[0], property[1]).build()));
            assertTrue(e.getMessage().contains(property[0]), e.getMessage());
        }
        InvalidOptionsException size = assertThrows(InvalidOptionsException.class,
                () -> provider.open(options().inputSize(64, 64).build()));
        assertTrue(size.getMessage().contains("32x32"), size.getMessage());
    }

    @Test
    void withoutWeightsTheBundledNetPredictsAndAMissingFolderIsNamed() {
        try (FixationPredictor bundled = provider.open(ModelOptions.defaults())) {
            List<FixationMap> maps = bundled.predictClip(RandomAvrsp.clip(10, WIDTH, HEIGHT));
            assertEquals(10, maps.size());
            for (FixationMap map : maps) {
                DoubleSummaryStatistics values = new DoubleSummaryStatistics();
                for (float value : map.toArray()) {
                    assertTrue(Float.isFinite(value));
                    values.accept(value);
                }
                assertTrue(values.getMax() > values.getMin(), "a map with a peak, not a constant");
            }
            assertEquals(Map.of("visual", "mobilenet-v2", "audio", "compact"), bundled.encoders(),
                    "the bundled net's encoders, as its manifest names them");
        }
        MissingWeightsException empty = assertThrows(MissingWeightsException.class,
                () -> provider.open(ModelOptions.builder().weights(folder.resolve("nothing-here")).build()));
        assertTrue(empty.getMessage().contains(AvrspWeights.MANIFEST), empty.getMessage());
        assertTrue(empty.getMessage().contains("fixate train-predictor --model avrsp"), empty.getMessage());
    }

    @Test
    void damagedWeightsAreRefusedNamingTheProblem() throws IOException {
        Path flipped = copyWeights(folder.resolve("flipped"));
        DamagedWeights.flipMiddleByte(flipped.resolve(AvrspWeights.PARAMETERS), 0x5A);
        CorruptWeightsException checksum = assertThrows(CorruptWeightsException.class,
                () -> provider.open(ModelOptions.builder().weights(flipped).build()));
        assertTrue(checksum.getMessage().contains(AvrspWeights.PARAMETERS), checksum.getMessage());

        Path missing = copyWeights(folder.resolve("missing"));
        Files.delete(missing.resolve(AvrspWeights.PARAMETERS));
        assertThrows(MissingWeightsException.class, () -> provider.open(ModelOptions.builder().weights(missing)
                .build()));

        Path otherArchitecture = copyWeights(folder.resolve("other-architecture"));
        Path manifest = otherArchitecture.resolve(AvrspWeights.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"ravf\"", "\"add\""));
        CorruptWeightsException shapes = assertThrows(CorruptWeightsException.class,
                () -> provider.open(ModelOptions.builder().weights(otherArchitecture).build()));
        assertTrue(shapes.getMessage().contains("fusion=add"), shapes.getMessage());

        Path badFusion = copyWeights(folder.resolve("bad-fusion"));
        Path badManifest = badFusion.resolve(AvrspWeights.MANIFEST);
        Files.writeString(badManifest, Files.readString(badManifest).replace("\"ravf\"", "\"sum\""));
        CorruptWeightsException unknown = assertThrows(CorruptWeightsException.class,
                () -> provider.open(ModelOptions.builder().weights(badFusion).build()));
        assertTrue(unknown.getMessage().contains("architecture"), unknown.getMessage());
    }

    /** The map the net makes in one pass for frame {@code t} of {@code clip}, as the session delivers it. */
    private static float[] direct(LoadedNet<AvrspNet> loaded, List<FrameWithAudio> clip, int t) {
        int frames = loaded.net().config().frames();
        int size = loaded.inputSize();
        FramePreprocessor preprocessor = FramePreprocessor.evaluation(size, loaded.net().visualEncoder().input());
        AudioPreprocessor audio = new AudioPreprocessor(loaded.net().audioEncoder());
        try (NDManager manager = loaded.manager().newSubManager()) {
            NDList frameList = new NDList();
            List<AudioBlock> windows = new ArrayList<>();
            for (int k = frames - 1; k >= 0; k--) {
                FrameWithAudio input = clip.get(Math.max(0, t - k));
                frameList.add(preprocessor.apply(input.frame(), manager));
                windows.add(input.audio());
            }
            NDArray sound = audio.batch(manager, windows);
            NDArray logits = loaded.net().forward(new ParameterStore(manager, false), new NDList(
                    NDArrays.stack(frameList).expandDims(0), sound.expandDims(0)), false).singletonOrThrow();
            float[] values = PlaneResize.bilinear(Activation.sigmoid(logits).toFloatArray(), size, size, WIDTH,
                    HEIGHT);
            return FixationMap.ofScores(WIDTH, HEIGHT, values, 0, WIDTH, HEIGHT).toArray();
        }
    }

    private static Path copyWeights(Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(weights)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static ModelOptions.Builder options() {
        return ModelOptions.builder().weights(weights);
    }
}
