package io.fixate.provider.stanet;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPoint;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Distillation through {@link StanetPredictorProvider#train} from a fake teacher whose map is a blob on the bright
 * square of {@link RandomStanet#clip}, on clips cut from one such clip so that the square sits elsewhere in each.
 */
class DistillationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int CLIP_FRAMES = 6;
    private static final int TRAINING_CLIPS = 5;
    /** The frames of every clip, with the audio windows of each requirement asked for so far. */
    private static final Map<AudioRequirement, List<FrameWithAudio>> HEARD = new ConcurrentHashMap<>();
    private static final List<FrameWithAudio> FRAMES = heard(AudioRequirement.DEFAULT);
    static final TrainingData DATA = new TrainingData("squares", SquareTeacher.LABELS,
            clips(0, TRAINING_CLIPS, false), clips(TRAINING_CLIPS, 1, false));
    /** The same clips untagged, each with the teacher's maps as its recorded gaze. */
    private static final TrainingData GAZE_DATA = new TrainingData("squares seen", List.of(),
            clips(0, TRAINING_CLIPS, true), clips(TRAINING_CLIPS, 1, true));
    private static final Map<String, String> SETTINGS = Map.of("input-size", "32", "batch", "4", "frame-stride", "1",
            "epochs", "2");

    @TempDir
    Path folder;

    private final StanetPredictorProvider provider = new StanetPredictorProvider();

    @Test
    void distillationLowersTheLossAndMovesThePeakOntoTheSquare() throws IOException {
        EpochLosses losses = new EpochLosses();
        Path weights = train(folder.resolve("trained"), Map.of("input-size", "32", "batch", "4", "frame-stride", "1",
                "epochs", "6"), losses);

        assertTrue(losses.losses.get(losses.losses.size() - 1) < losses.losses.get(0), "epoch losses " + losses.losses);
        double trained = peakDistance(weights);
        double random = peakDistance(RandomStanet.save(folder.resolve("random")));
        assertTrue(trained < random, "peak distance to the square: trained " + trained + ", random " + random);
        String manifest = Files.readString(weights.resolve(StanetWeights.MANIFEST));
        assertTrue(manifest.contains("\"teacher\": \"squares\"") && manifest.contains("validationCc")
                && manifest.contains("parametersSha256"), manifest);
        assertTrue(Files.notExists(weights.resolve("checkpoints")), "checkpoints are removed at the end");
    }

    @Test
    void recordedGazeTeachesWithoutATeacher() {
        Path weights = provider.train(GAZE_DATA, Teacher.none(), new TrainingRequest(folder.resolve("gaze"), 5,
                DeviceChoice.CPU, Map.of("input-size", "32", "batch", "4", "frame-stride", "1", "epochs", "6")),
                TrainingMonitor.NONE);

        double trained = peakDistance(weights);
        double random = peakDistance(RandomStanet.save(folder.resolve("random")));
        assertTrue(trained < random, "peak distance to the square: trained " + trained + ", random " + random);
    }

    /** The clips are 4:3: padded into the square, the net learns the square's place in the content rectangle. */
    @Test
    void aNetTrainedOnPaddedFramesRecordsTheFitAndPredictsWithIt() {
        Path weights = train(folder.resolve("padded"), Map.of("input-size", "32", "batch", "4", "frame-stride", "1",
                "epochs", "6", "frame-fit", "pad"), TrainingMonitor.NONE);

        try (StanetWeights trained = StanetWeights.load(weights, Device.cpu())) {
            assertEquals(FrameFit.PAD, trained.frameFit());
        }
        double padded = peakDistance(weights);
        double random = peakDistance(RandomStanet.save(folder.resolve("random"), Encoders.COMPACT, FrameFit.PAD));
        assertTrue(padded < random, "peak distance to the square: padded " + padded + ", random " + random);
    }

    @Test
    void theFrameFitIsSquashOrPad() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> train(folder.resolve("x"), Map.of("frame-fit", "crop"), TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("frame-fit") && refused.getMessage().contains("'crop'")
                && refused.getMessage().contains("squash, pad"), refused.getMessage());
    }

    @Test
    void frozenPretrainedEncodersAreLoadedAndLeftAsTheyAre() throws IOException {
        Shape frame = new Shape(1, 3, 32, 32);
        Shape window = new Shape(1, YamNet.REQUIREMENT.windowSamples());
        Path visual = pretrainedEncoder(folder.resolve("compact"), Encoders.visual(Encoders.COMPACT).block(),
                Encoders.COMPACT, frame);
        Path audio = pretrainedEncoder(folder.resolve("yamnet"), Encoders.audio(YamNet.NAME).block(), YamNet.NAME,
                window);
        Map<String, String> settings = Map.of("input-size", "32", "batch", "4", "frame-stride", "3", "epochs", "1",
                "encoder-weights", visual.toString(), "freeze-encoder", "on", "audio-encoder", YamNet.NAME,
                "audio-encoder-weights", audio.toString(), "freeze-audio-encoder", "on");

        Path weights = train(folder.resolve("frozen"), settings, TrainingMonitor.NONE);

        try (StanetWeights trained = StanetWeights.load(weights, Device.cpu())) {
            assertPretrained(visual, Encoders.visual(Encoders.COMPACT).block(), Encoders.COMPACT, frame,
                    trained.net().visualEncoder().block());
            assertPretrained(audio, Encoders.audio(YamNet.NAME).block(), YamNet.NAME, window,
                    trained.net().audioEncoder().block());
        }
    }

    @Test
    void aYamnetAudioEncoderTrainsOnItsOwnWindowAndItsWeightsPredictWithIt() throws IOException {
        EpochLosses losses = new EpochLosses();
        Path weights = train(folder.resolve("yamnet"), Map.of("input-size", "32", "batch", "4", "frame-stride", "1",
                "epochs", "2", "audio-encoder", YamNet.NAME), losses);

        assertTrue(losses.losses.stream().allMatch(Float::isFinite), "epoch losses " + losses.losses);
        JsonObject manifest = JsonParser.parseString(Files.readString(weights.resolve(StanetWeights.MANIFEST)))
                .getAsJsonObject();
        assertEquals(YamNet.NAME, manifest.get("audioEncoder").getAsString());
        try (FixationPredictor trained = provider.open(RandomStanet.options(weights))) {
            assertEquals(YamNet.REQUIREMENT, trained.info().capabilities().audio());
            List<FrameWithAudio> heldOut = heard(YamNet.REQUIREMENT).subList(TRAINING_CLIPS * CLIP_FRAMES,
                    FRAMES.size());
            List<FixationMap> maps = trained.predictClip(heldOut);
            assertEquals(heldOut.size(), maps.size());
            for (FixationMap map : maps) {
                for (float value : map.toArray()) {
                    assertTrue(Float.isFinite(value), "a map of finite values");
                }
            }
        }
    }

    @Test
    void aFrozenEncoderNeedsPretrainedWeights() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class, () -> train(folder.resolve("x"),
                Map.of("freeze-encoder", "on"), TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("encoder-weights"), refused.getMessage());
    }

    @Test
    void audioEncoderSettingsAreChecked() {
        InvalidOptionsException unweighted = assertThrows(InvalidOptionsException.class,
                () -> train(folder.resolve("x"), Map.of("audio-encoder", YamNet.NAME, "freeze-audio-encoder", "on"),
                        TrainingMonitor.NONE));
        assertTrue(unweighted.getMessage().contains("freeze-audio-encoder=on needs audio-encoder-weights"),
                unweighted.getMessage());
        InvalidOptionsException unknown = assertThrows(InvalidOptionsException.class,
                () -> train(folder.resolve("x"), Map.of("audio-encoder", "vggish"), TrainingMonitor.NONE));
        assertTrue(unknown.getMessage().contains("'vggish'") && unknown.getMessage().contains(YamNet.NAME),
                unknown.getMessage());
        InvalidOptionsException malformed = assertThrows(InvalidOptionsException.class,
                () -> train(folder.resolve("x"), Map.of("freeze-audio-encoder", "yes"), TrainingMonitor.NONE));
        assertTrue(malformed.getMessage().contains("freeze-audio-encoder must be on or off"),
                malformed.getMessage());
    }

    /** {@code block} with seeded random weights, saved as {@code fixate import-encoder} saves encoder {@code name}. */
    private static Path pretrainedEncoder(Path out, Block block, String name, Shape input) throws IOException {
        Files.createDirectories(out);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(99);
            block.initialize(manager, DataType.FLOAT32, input);
            Path params = EncoderFolder.weightsOf(out, EncoderFolder.ENCODER);
            WeightsFile.save(block, params, EncoderFolder.modelId(name, EncoderFolder.ENCODER));
            JsonObject file = new JsonObject();
            file.addProperty("file", params.getFileName().toString());
            file.addProperty("sha256", ProviderFiles.sha256Hex(params));
            JsonObject files = new JsonObject();
            files.add(EncoderFolder.ENCODER, file);
            JsonObject manifest = new JsonObject();
            manifest.addProperty("format", EncoderFolder.FORMAT);
            manifest.addProperty(EncoderFolder.ENCODER, name);
            manifest.add("files", files);
            Files.writeString(out.resolve(EncoderFolder.MANIFEST), manifest.toString());
        }
        return out;
    }

    /** Asserts that {@code trained} holds the parameters of encoder {@code name} that {@code folder} holds. */
    private static void assertPretrained(Path folder, Block fresh, String name, Shape input, Block trained) {
        try (NDManager manager = NDManager.newBaseManager()) {
            fresh.initialize(manager, DataType.FLOAT32, input);
            EncoderFolder.load(fresh, manager, folder, name, EncoderFolder.ENCODER);
            var expected = fresh.getParameters().values();
            var actual = trained.getParameters().values();
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).getArray().toFloatArray(), actual.get(i).getArray().toFloatArray(),
                        "encoder parameter " + expected.get(i).getName() + " is the pretrained one");
            }
        }
    }

    @Test
    void clipsWithoutATargetAreRefusedByName() {
        List<TrainingClip> untagged = List.of(new ListClip("plain", Set.of(), 0, Optional.empty()));
        TrainingData data = new TrainingData("untagged", List.of(), untagged, List.of());
        List<String> notes = new ArrayList<>();
        TrainingMonitor noting = new TrainingMonitor() {
            @Override
            public void note(String stage, String message) {
                notes.add(message);
            }
        };
        try (SquareTeacher teacher = new SquareTeacher()) {
            InvalidOptionsException refused = assertThrows(InvalidOptionsException.class, () -> provider.train(data,
                    Teacher.of(teacher), new TrainingRequest(folder.resolve("none"), 5, DeviceChoice.CPU, SETTINGS),
                    noting));
            assertTrue(refused.getMessage().contains("nothing to train on"), refused.getMessage());
        }
        assertTrue(notes.stream().anyMatch(note -> note.contains("plain (no tag)")), notes.toString());
    }

    @Test
    void aResumedRunEndsBitIdenticalToAnUninterruptedOne() throws IOException {
        Path uninterrupted = train(folder.resolve("uninterrupted"), SETTINGS, TrainingMonitor.NONE);
        Path resumed = folder.resolve("resumed");
        assertThrows(Interruption.class, () -> train(resumed, SETTINGS, new InterruptAfterFirstEpoch()));
        EpochLosses resumedEpochs = new EpochLosses();
        train(resumed, SETTINGS, resumedEpochs);

        assertEquals(List.of(2), resumedEpochs.epochs, "only the second epoch is trained again");
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve(StanetWeights.PARAMETERS)),
                Files.readAllBytes(resumed.resolve(StanetWeights.PARAMETERS)));
        assertEquals(Files.readString(uninterrupted.resolve(StanetWeights.MANIFEST)),
                Files.readString(resumed.resolve(StanetWeights.MANIFEST)), "the same record, both epochs included");
    }

    @Test
    void theSavedNetIsThatOfTheEpochWithTheBestValidationCc() throws IOException {
        EpochLosses epochs = new EpochLosses();
        Path weights = train(folder.resolve("best"), Map.of("input-size", "32", "batch", "4", "frame-stride", "1",
                "epochs", "4"), epochs);

        int best = 0;
        for (int i = 1; i < epochs.validations.size(); i++) {
            best = epochs.validations.get(i) > epochs.validations.get(best) ? i : best;
        }
        JsonObject manifest = JsonParser.parseString(Files.readString(weights.resolve(StanetWeights.MANIFEST)))
                .getAsJsonObject();
        assertEquals(epochs.epochs.get(best), manifest.get("selectedEpoch").getAsInt(),
                "validation CC per epoch " + epochs.validations);
        assertTrue(Files.notExists(weights.resolve("checkpoints")), "the kept epoch weights go with the checkpoints");
    }

    @Test
    void aFolderOfAnotherRunIsRefused() {
        Path output = folder.resolve("run");
        assertThrows(Interruption.class, () -> train(output, SETTINGS, new InterruptAfterFirstEpoch()));
        Map<String, String> otherRate = Map.of("input-size", "32", "batch", "4", "frame-stride", "1", "epochs", "2",
                "lr", "0.005");

        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> train(output, otherRate, TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("run.json"), refused.getMessage());
    }

    @Test
    void anUnknownSettingIsRefusedWithTheKnownOnes() {
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> train(folder.resolve("x"), Map.of("epoch", "3"), TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("epoch") && refused.getMessage().contains("frame-stride"),
                refused.getMessage());
    }

    private Path train(Path output, Map<String, String> settings, TrainingMonitor monitor) {
        try (SquareTeacher teacher = new SquareTeacher()) {
            return provider.train(DATA, Teacher.of(teacher), new TrainingRequest(output, 5, DeviceChoice.CPU, settings),
                    monitor);
        }
    }

    /** Mean distance, in frame widths, from the predicted maps' peaks to the square's centre on the held-out clip. */
    private static double peakDistance(Path weights) {
        List<FrameWithAudio> clip = FRAMES.subList(TRAINING_CLIPS * CLIP_FRAMES, FRAMES.size());
        try (FixationPredictor predictor = new StanetPredictorProvider().open(RandomStanet.options(weights))) {
            List<FixationMap> maps = predictor.predictClip(clip);
            double sum = 0;
            for (int i = 0; i < maps.size(); i++) {
                FixationPoint peak = maps.get(i).peak();
                double[] centre = SquareTeacher.squareCentre(clip.get(i).frame());
                sum += Math.hypot(peak.x() - centre[0], (peak.y() - centre[1]) * HEIGHT / WIDTH);
            }
            return sum / maps.size();
        }
    }

    /** Consecutive clips of {@link #FRAMES}, tagged, or untagged with the teacher's maps as their gaze. */
    private static List<TrainingClip> clips(int first, int count, boolean withGaze) {
        List<TrainingClip> clips = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            List<FrameWithAudio> frames = FRAMES.subList(c * CLIP_FRAMES, (c + 1) * CLIP_FRAMES);
            String tag = SquareTeacher.LABELS.get(c % 2);
            clips.add(withGaze ? new ListClip("clip" + c, Set.of(), c, Optional.of(gaze(frames, tag)))
                    : new ListClip("clip" + c, Set.of(tag), c, Optional.empty()));
        }
        return clips;
    }

    /** All clips' frames, each with the audio window {@code audio} describes. */
    private static List<FrameWithAudio> heard(AudioRequirement audio) {
        return HEARD.computeIfAbsent(audio, window -> RandomStanet.clip(CLIP_FRAMES * (TRAINING_CLIPS + 1), WIDTH,
                HEIGHT, window));
    }

    private static RecordedGaze gaze(List<FrameWithAudio> frames, String tag) {
        List<FixationMap> densities;
        try (SquareTeacher teacher = new SquareTeacher()) {
            densities = teacher.label(frames, Set.of(tag));
        }
        return new RecordedGaze() {
            @Override
            public List<FixationPoint> fixations(int frame) {
                return List.of(densities.get(frame).peak());
            }

            @Override
            public Optional<FixationMap> density(int frame) {
                return Optional.of(densities.get(frame));
            }
        };
    }

    /** Clip {@code index} of the frames, heard with whatever window its reader asks for. */
    private record ListClip(String id, Set<String> tags, int index, Optional<RecordedGaze> gaze)
            implements TrainingClip {

        @Override
        public String fingerprint() {
            return id + "-v1";
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            return new ClipMedia() {
                @Override
                public Iterator<FrameWithAudio> iterator() {
                    return heard(audio).subList(index * CLIP_FRAMES, (index + 1) * CLIP_FRAMES).iterator();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /**
     * A labeler that looks at the bright square: a Gaussian blob (σ a tenth of the width) on its centre. It insists on
     * the window it declares, as a labeler whose audio front end takes only that one would.
     */
    static final class SquareTeacher implements PseudoLabeler {

        static final List<String> LABELS = List.of("left", "right");
        private static final int MAP_WIDTH = 16;
        private static final int MAP_HEIGHT = 12;

        @Override
        public ProviderInfo info() {
            return new ProviderInfo("squares", List.of(), "blob on the bright square", new Capabilities(false, 0, 0,
                    0, 0, AudioRequirement.DEFAULT, false, LABELS));
        }

        @Override
        public void label(Iterable<FrameWithAudio> clip, Set<String> tags, Consumer<FixationMap> sink) {
            requireKnownTags(tags);
            for (FrameWithAudio frame : clip) {
                if (frame.audio().frameCount() != info().capabilities().audio().windowSamples()) {
                    throw new IllegalArgumentException("the teacher was given " + frame.audio());
                }
                double[] centre = squareCentre(frame.frame());
                float[] values = new float[MAP_WIDTH * MAP_HEIGHT];
                for (int y = 0; y < MAP_HEIGHT; y++) {
                    for (int x = 0; x < MAP_WIDTH; x++) {
                        double dx = (x + 0.5) / MAP_WIDTH - centre[0];
                        double dy = ((y + 0.5) / MAP_HEIGHT - centre[1]) * HEIGHT / WIDTH;
                        values[y * MAP_WIDTH + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 0.1 * 0.1));
                    }
                }
                sink.accept(FixationMap.of(MAP_WIDTH, MAP_HEIGHT, values, frame.frame().timestampMicros(),
                        frame.frame().width(), frame.frame().height()));
            }
        }

        /** Normalised centre of the pixels painted with the square's red. */
        static double[] squareCentre(VideoFrame frame) {
            double sumX = 0;
            double sumY = 0;
            int count = 0;
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    if (frame.channel(x, y, 0) == MovingSquareClip.SQUARE[0]
                            && frame.channel(x, y, 2) == MovingSquareClip.SQUARE[2]) {
                        sumX += x + 0.5;
                        sumY += y + 0.5;
                        count++;
                    }
                }
            }
            return new double[] {sumX / count / frame.width(), sumY / count / frame.height()};
        }

        @Override
        public void close() {
        }
    }

    private static final class EpochLosses implements TrainingMonitor {
        final List<Float> losses = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        final List<Float> validations = new ArrayList<>();

        @Override
        public void epochFinished(String stage, int epoch, int epochCount, float meanLoss, String metric,
                                  float validation) {
            losses.add(meanLoss);
            epochs.add(epoch);
            validations.add(validation);
        }
    }

    private static final class Interruption extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final class InterruptAfterFirstEpoch implements TrainingMonitor {
        @Override
        public void epochFinished(String stage, int epoch, int epochCount, float meanLoss, String metric,
                                  float validation) {
            throw new Interruption();
        }
    }
}
