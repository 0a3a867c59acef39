package io.fixate.samples.avrsp;

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
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.FrameWindow;
import io.fixate.spi.RecordedGaze;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.WindowedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training through {@link AvrspPredictorProvider#train} on clips cut from the fixtures' moving square: two with the
 * square as their recorded gaze, two without, which a teacher that looks at the square labels, and one with gaze to
 * validate on.
 */
class AvrspTrainingTest {

    private static final int WIDTH = 48;
    private static final int HEIGHT = 36;
    private static final int CLIP_FRAMES = 10;
    private static final List<FrameWithAudio> FRAMES = RandomAvrsp.clip(CLIP_FRAMES * 6, WIDTH, HEIGHT);
    private static final TrainingData DATA = new TrainingData("squares", List.of(),
            List.of(clip(0, true), clip(1, true), clip(2, false), clip(3, false)), List.of(clip(4, true)));
    private static final Map<String, String> SETTINGS = Map.of("input-size", "32", "visual-epochs", "1",
            "audio-visual-epochs", "2", "batch", "4", "frame-stride", "2");

    @TempDir
    Path folder;

    private final AvrspPredictorProvider provider = new AvrspPredictorProvider();

    @Test
    void trainsVisualThenAudioVisualResumesAfterAnInterruptionAndTheWeightsPredict() throws IOException {
        Record uninterrupted = new Record();
        Path whole = train(folder.resolve("whole"), SETTINGS, uninterrupted);
        Path resumed = folder.resolve("resumed");
        assertThrows(Interruption.class, () -> train(resumed, SETTINGS, new InterruptAt("audio-visual", 1)));
        Record afterInterruption = new Record();
        train(resumed, SETTINGS, afterInterruption);

        assertEquals(List.of("decode-training", "decode-validation", "visual", "audio-visual"),
                uninterrupted.started);
        assertEquals(List.of("visual 1", "audio-visual 1", "audio-visual 2"), uninterrupted.epochs);
        assertEquals(List.of("visual"), afterInterruption.skipped);
        assertEquals(List.of("audio-visual 2"), afterInterruption.epochs, "only the missing epoch is trained");
        assertArrayEquals(Files.readAllBytes(whole.resolve(AvrspWeights.PARAMETERS)),
                Files.readAllBytes(resumed.resolve(AvrspWeights.PARAMETERS)), "a resumed run ends bit-identical");
        assertEquals(Files.readString(whole.resolve(AvrspWeights.MANIFEST)),
                Files.readString(resumed.resolve(AvrspWeights.MANIFEST)));

        JsonObject manifest = manifest(whole);
        assertEquals("squares", manifest.get("teacher").getAsString());
        assertEquals("ravf", manifest.getAsJsonObject("architecture").get("fusion").getAsString());
        assertEquals("2", manifest.getAsJsonObject("settings").get("audio-visual-epochs").getAsString());
        assertEquals(64, manifest.getAsJsonObject("data").get("sha256").getAsString().length());
        assertEquals(20, manifest.get("trainingSamples").getAsInt(), "4 clips of 10 frames, every second frame");
        JsonObject phases = manifest.getAsJsonObject("phases");
        assertEquals(1, phases.getAsJsonObject("visual").getAsJsonArray("epochs").size());
        JsonObject audioVisual = phases.getAsJsonObject("audio-visual");
        assertEquals(2, audioVisual.getAsJsonArray("epochs").size());
        assertTrue(audioVisual.getAsJsonArray("epochs").get(0).getAsJsonObject().has("validationCc"),
                audioVisual.toString());
        assertTrue(audioVisual.has("selectedEpoch"), audioVisual.toString());
        assertFalse(Files.exists(whole.resolve("phases")), "the phases' checkpoints go at the end");

        List<FrameWithAudio> heldOut = FRAMES.subList(5 * CLIP_FRAMES, 6 * CLIP_FRAMES);
        try (FixationPredictor trained = provider.open(ModelOptions.builder().weights(whole).build())) {
            List<FixationMap> maps = trained.predictClip(heldOut);
            assertEquals(heldOut.size(), maps.size());
            assertEquals(WIDTH, maps.get(0).width());
        }
    }

    /** Both phases lower the loss, and the trained net looks nearer the square than a random one. */
    @Test
    void trainingLowersTheLossAndMovesThePeakOntoTheSquare() {
        Record record = new Record();
        Path weights = train(folder.resolve("learnt"), Map.of("input-size", "32", "visual-epochs", "3",
                "audio-visual-epochs", "2", "frame-stride", "1"), record);

        for (String phase : List.of("visual", "audio-visual")) {
            List<Float> losses = record.losses.get(phase);
            assertTrue(losses.get(losses.size() - 1) < losses.get(0), phase + " losses " + losses);
        }
        double trained = peakDistance(weights);
        double random = peakDistance(RandomAvrsp.save(folder.resolve("random")));
        assertTrue(trained < random, "peak distance to the square: trained " + trained + ", random " + random);
    }

    @Test
    void recordedGazeAloneTeachesAndClipsWithoutATargetAreLeftOutWithANote() throws IOException {
        Record record = new Record();
        Path weights = provider.train(DATA, Teacher.none(), new TrainingRequest(folder.resolve("gaze"), 3,
                DeviceChoice.CPU, Map.of("input-size", "32", "visual-epochs", "1", "audio-visual-epochs", "1",
                        "frame-stride", "2")), record);

        JsonObject manifest = manifest(weights);
        assertFalse(manifest.has("teacher"), manifest.toString());
        assertEquals(10, manifest.get("trainingSamples").getAsInt(), "the two clips with gaze");
        assertTrue(record.notes.stream().anyMatch(note -> note.contains("clip2 (no recorded gaze and no teacher)")),
                record.notes.toString());
    }

    /** The naive fusions and the modules of the paper's ablations train and their weights open. */
    @Test
    void ablationSettingsShapeTheNetAndAreRecorded() throws IOException {
        Path weights = train(folder.resolve("concat"), Map.of("input-size", "32", "visual-epochs", "0",
                "audio-visual-epochs", "1", "frame-stride", "4", "fusion", "concat", "ms", "off", "mrg", "off",
                "frames", "10"), TrainingMonitor.NONE);

        JsonObject architecture = manifest(weights).getAsJsonObject("architecture");
        assertEquals("concat", architecture.get("fusion").getAsString());
        assertEquals("off", architecture.get("ms").getAsString());
        assertEquals("off", architecture.get("mrg").getAsString());
        try (FixationPredictor trained = provider.open(ModelOptions.builder().weights(weights).build())) {
            assertEquals(9, trained.info().capabilities().contextFrames());
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        Map<Map<String, String>, List<String>> cases = Map.of(
                Map.of("epochs", "3"), List.of("epochs", "visual-epochs"),
                Map.of("input-size", "40"), List.of("input-size", "16"),
                Map.of("fusion", "sum"), List.of("fusion", "bilinear"),
                Map.of("frames", "4"), List.of("frames"),
                Map.of("heads", "3"), List.of("heads"),
                Map.of("freeze-encoder", "on"), List.of("encoder-weights"),
                Map.of("lr", "fast"), List.of("lr"),
                Map.of("visual-encoder", "vgg"), List.of("'vgg'"));
        cases.forEach((settings, words) -> {
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                    () -> train(folder.resolve("bad"), settings, TrainingMonitor.NONE), settings.toString());
            for (String word : words) {
                assertTrue(e.getMessage().contains(word), e.getMessage());
            }
        });
    }

    @Test
    void aFolderOfAnotherRunIsRefused() {
        Path output = folder.resolve("run");
        assertThrows(Interruption.class, () -> train(output, SETTINGS, new InterruptAt("visual", 1)));
        Map<String, String> otherRate = new HashMap<>(SETTINGS);
        otherRate.put("lr", "0.005");

        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> train(output, otherRate, TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("run.json"), refused.getMessage());
    }

    private Path train(Path output, Map<String, String> settings, TrainingMonitor monitor) {
        try (SquareTeacher teacher = new SquareTeacher()) {
            return provider.train(DATA, Teacher.of(teacher), new TrainingRequest(output, 5, DeviceChoice.CPU,
                    settings), monitor);
        }
    }

    private static JsonObject manifest(Path weights) throws IOException {
        return JsonParser.parseString(Files.readString(weights.resolve(AvrspWeights.MANIFEST))).getAsJsonObject();
    }

    /** Mean distance, in frame widths, from the maps' peaks to the square's centre on the held-out clip. */
    private double peakDistance(Path weights) {
        List<FrameWithAudio> heldOut = FRAMES.subList(5 * CLIP_FRAMES, 6 * CLIP_FRAMES);
        try (FixationPredictor predictor = provider.open(ModelOptions.builder().weights(weights).build())) {
            List<FixationMap> maps = predictor.predictClip(heldOut);
            double sum = 0;
            for (int i = 0; i < maps.size(); i++) {
                FixationPoint peak = maps.get(i).peak();
                double[] square = centre(squareMap(heldOut.get(i).frame()));
                sum += Math.hypot(peak.x() - square[0], (peak.y() - square[1]) * HEIGHT / WIDTH);
            }
            return sum / maps.size();
        }
    }

    /** The normalised centre of mass of a map. */
    private static double[] centre(FixationMap map) {
        float[] values = map.toArray();
        double x = 0;
        double y = 0;
        double mass = 0;
        for (int i = 0; i < values.length; i++) {
            x += values[i] * (i % map.width() + 0.5);
            y += values[i] * (i / map.width() + 0.5);
            mass += values[i];
        }
        return new double[] {x / mass / map.width(), y / mass / map.height()};
    }

    /** Clip {@code index} of {@link #FRAMES}, untagged, with the square as its recorded gaze or with no target. */
    private static TrainingClip clip(int index, boolean withGaze) {
        List<FrameWithAudio> frames = FRAMES.subList(index * CLIP_FRAMES, (index + 1) * CLIP_FRAMES);
        Optional<RecordedGaze> gaze = withGaze ? Optional.of(new RecordedGaze() {
            @Override
            public List<FixationPoint> fixations(int frame) {
                return List.of(squareMap(frames.get(frame).frame()).peak());
            }

            @Override
            public Optional<FixationMap> density(int frame) {
                return Optional.of(squareMap(frames.get(frame).frame()));
            }
        }) : Optional.empty();
        return new TrainingClip() {
            @Override
            public String id() {
                return "clip" + index;
            }

            @Override
            public Set<String> tags() {
                return Set.of();
            }

            @Override
            public String fingerprint() {
                return id() + "-v1";
            }

            @Override
            public ClipMedia open(AudioRequirement audio) {
                return new ClipMedia() {
                    @Override
                    public Iterator<FrameWithAudio> iterator() {
                        return frames.iterator();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public Optional<RecordedGaze> gaze() {
                return gaze;
            }
        };
    }

    /** A map of the frame's size that is 1 on the pixels painted with the square's red and 0 elsewhere. */
    static FixationMap squareMap(VideoFrame frame) {
        float[] values = new float[frame.width() * frame.height()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                boolean square = frame.channel(x, y, 0) == MovingSquareClip.SQUARE[0]
                        && frame.channel(x, y, 2) == MovingSquareClip.SQUARE[2];
                values[y * frame.width() + x] = square ? 1 : 0;
            }
        }
        return FixationMap.of(frame.width(), frame.height(), values, frame.timestampMicros(), frame.width(),
                frame.height());
    }

    /** A predictor that looks at the square, to teach the clips without gaze. */
    private static final class SquareTeacher implements FixationPredictor {

        @Override
        public ProviderInfo info() {
            return new ProviderInfo("squares", List.of(), "the bright square",
                    Capabilities.builder().usesAudio(AudioRequirement.DEFAULT).build());
        }

        @Override
        public PredictionSession openSession() {
            return new WindowedSession(0, 0, AudioRequirement.DEFAULT) {
                @Override
                protected FixationMap predict(FrameWindow window) {
                    return squareMap(window.current().frame());
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** What a run reported. */
    private static final class Record implements TrainingMonitor {
        final List<String> started = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<String> epochs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, List<Float>> losses = new HashMap<>();

        @Override
        public void stageStarted(String stage, int epochCount, int stepsPerEpoch) {
            started.add(stage);
        }

        @Override
        public void stageSkipped(String stage) {
            skipped.add(stage);
        }

        @Override
        public void epochFinished(String stage, int epoch, int epochCount, float meanLoss, String metric,
                                  float validation) {
            assertTrue(Float.isFinite(meanLoss), stage + " epoch " + epoch + " loss " + meanLoss);
            epochs.add(stage + " " + epoch);
            losses.computeIfAbsent(stage, key -> new ArrayList<>()).add(meanLoss);
        }

        @Override
        public void note(String stage, String message) {
            notes.add(message);
        }
    }

    private static final class Interruption extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Stops a run after one epoch of one phase, as a killed process would (after its checkpoint). */
    private record InterruptAt(String stage, int epoch) implements TrainingMonitor {
        @Override
        public void epochFinished(String finished, int done, int epochCount, float meanLoss, String metric,
                                  float validation) {
            if (finished.equals(stage) && done == epoch) {
                throw new Interruption();
            }
        }
    }
}
