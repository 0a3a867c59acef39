package io.fixate.samples.stavis.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioRequirement;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.samples.stavis.StavisProvider;
import io.fixate.samples.stavis.StavisWeights;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StavisTrainingTest {

    /** Three clips to train on, one to validate with, all with recorded gaze: fully supervised, no teacher. */
    private static final TrainingData DATA = new TrainingData("squares seen", List.of(),
            SquareClips.clips("train", 0, 3), SquareClips.clips("check", 3, 1));
    /** Tiny and quick: 32-px frames, clips of 4, two epochs per stage of 3 training samples (every third frame). */
    private static final Map<String, String> SETTINGS = Map.of("input-size", "32", "frames", "4", "visual-epochs",
            "2", "audio-visual-epochs", "2", "batch", "2", "frame-stride", "2");

    @TempDir
    Path folder;

    private final StavisProvider provider = new StavisProvider();

    private Path train(Path output, Map<String, String> settings, TrainingMonitor monitor) {
        return provider.train(DATA, Teacher.none(), new TrainingRequest(output, 5, DeviceChoice.CPU, settings),
                monitor);
    }

    @Test
    void anInterruptedRunResumesInEachStageAndEndsBitIdentical() throws IOException {
        Path uninterrupted = train(folder.resolve("uninterrupted"), SETTINGS, TrainingMonitor.NONE);
        Path resumed = folder.resolve("resumed");
        Events first = new Events(StavisTraining.VISUAL, 1);
        assertThrows(Interruption.class, () -> train(resumed, SETTINGS, first));
        Events second = new Events(StavisTraining.AUDIO_VISUAL, 1);
        assertThrows(Interruption.class, () -> train(resumed, SETTINGS, second));
        Events third = new Events(null, 0);
        train(resumed, SETTINGS, third);

        assertEquals(List.of("visual 1"), first.epochs);
        assertEquals(List.of("visual 2", "audio-visual 1"), second.epochs, "the visual stage resumes after epoch 1");
        assertEquals(List.of("audio-visual 2"), third.epochs, "the audio-visual stage resumes after epoch 1");
        assertTrue(third.skipped.contains(StavisTraining.VISUAL), "the finished visual stage is skipped");
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve(StavisWeights.PARAMETERS)),
                Files.readAllBytes(resumed.resolve(StavisWeights.PARAMETERS)));
        assertEquals(Files.readString(uninterrupted.resolve(StavisWeights.MANIFEST)),
                Files.readString(resumed.resolve(StavisWeights.MANIFEST)), "the same record, every epoch included");
        assertTrue(Files.notExists(resumed.resolve(StavisTraining.CHECKPOINTS)), "checkpoints are removed");

        JsonObject manifest = JsonParser.parseString(Files.readString(resumed.resolve(StavisWeights.MANIFEST)))
                .getAsJsonObject();
        assertEquals(4, manifest.get("frames").getAsInt());
        assertEquals(9, manifest.get("trainingSamples").getAsInt(), "frames 0, 2 and 4 of each of 3 clips");
        for (String stage : List.of(StavisTraining.VISUAL, StavisTraining.AUDIO_VISUAL)) {
            JsonObject record = manifest.getAsJsonObject(stage);
            assertEquals(2, record.getAsJsonArray("epochs").size(), stage);
            assertTrue(record.getAsJsonArray("epochs").get(0).getAsJsonObject().has("validationCc"), stage);
            assertTrue(record.get("selectedEpoch").getAsInt() >= 1, stage);
        }
        assertEquals("squares seen", manifest.getAsJsonObject("data").get("name").getAsString());

        try (FixationPredictor trained = provider.open(ModelOptions.builder().weights(resumed).build())) {
            assertEquals(2, trained.info().capabilities().contextFrames(), "clips of 4: 2 frames before");
            assertEquals(1, trained.info().capabilities().lookAheadFrames(), "clips of 4: 1 frame after");
            List<FixationMap> maps;
            try (ClipMedia media = DATA.validation().get(0).open(trained.info().capabilities().audio())) {
                maps = trained.predictClip(media);
            }
            assertEquals(SquareClips.CLIP_FRAMES, maps.size());
            assertEquals(32, maps.get(0).width());
        }
    }

    /**
     * Six clips of the moving square, four epochs of the visual stage and two of the audio-visual one: the fused map's
     * validation CC exceeds 0.8 (0.98 after twelve epochs in a probe), and on the held-out clip the predicted peak lies
     * within a tenth of the width of the square's centre in every frame.
     */
    @Test
    void learnsToLookAtTheSquare() throws IOException {
        TrainingData data = new TrainingData("squares", List.of(), SquareClips.clips("train", 0, 6),
                SquareClips.clips("check", 6, 1));
        Path weights = provider.train(data, Teacher.none(), new TrainingRequest(folder.resolve("learnt"), 5,
                DeviceChoice.CPU, Map.of("input-size", "32", "frames", "4", "visual-epochs", "4",
                        "audio-visual-epochs", "2", "batch", "4", "frame-stride", "1")), TrainingMonitor.NONE);

        JsonObject audioVisual = JsonParser.parseString(Files.readString(weights.resolve(StavisWeights.MANIFEST)))
                .getAsJsonObject().getAsJsonObject(StavisTraining.AUDIO_VISUAL);
        int selected = audioVisual.get("selectedEpoch").getAsInt();
        float cc = audioVisual.getAsJsonArray("epochs").get(selected - 1).getAsJsonObject().get("validationCc")
                .getAsFloat();
        assertTrue(cc > 0.8, "validation CC of the fused map " + cc);
        try (FixationPredictor trained = provider.open(ModelOptions.builder().weights(weights).build());
             ClipMedia media = data.validation().get(0).open(trained.info().capabilities().audio())) {
            List<FixationMap> maps = trained.predictClip(media);
            for (int i = 0; i < maps.size(); i++) {
                double centre = SquareClips.squareCentreX(6 * SquareClips.CLIP_FRAMES + i);
                assertEquals(centre, maps.get(i).peak().x(), 0.1, "peak of frame " + i);
            }
        }
    }

    /**
     * Imported MobileNetV2 weights (here seeded random ones, saved as {@code fixate import-encoder} saves them),
     * frozen: after both stages the trained net's encoder holds exactly the imported parameters.
     */
    @Test
    void aFrozenImportedMobileNetEncoderKeepsItsWeightsThroughBothStages() throws IOException {
        Path imported = Files.createDirectories(folder.resolve("mobilenet"));
        Shape frame = new Shape(1, 3, 32, 32);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(99);
            Block encoder = Encoders.visual(MobileNetV2.NAME).block();
            encoder.initialize(manager, DataType.FLOAT32, frame);
            Path params = EncoderFolder.weightsOf(imported, EncoderFolder.ENCODER);
            WeightsFile.save(encoder, params, EncoderFolder.modelId(MobileNetV2.NAME, EncoderFolder.ENCODER));
            Files.writeString(imported.resolve(EncoderFolder.MANIFEST), "{\"format\": \"" + EncoderFolder.FORMAT
                    + "\", \"encoder\": \"" + MobileNetV2.NAME + "\", \"files\": {\"encoder\": {\"file\": \""
                    + params.getFileName() + "\", \"sha256\": \"" + ProviderFiles.sha256Hex(params) + "\"}}}");
        }
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.putAll(Map.of("visual-encoder", MobileNetV2.NAME, "encoder-weights", imported.toString(),
                "freeze-encoder", "on", "visual-epochs", "1", "audio-visual-epochs", "1"));

        Path weights = train(folder.resolve("frozen"), settings, TrainingMonitor.NONE);

        try (NDManager manager = NDManager.newBaseManager();
             LoadedNet<StavisNet> trained = StavisWeights.load(weights, Device.cpu())) {
            Block fresh = Encoders.visual(MobileNetV2.NAME).block();
            fresh.initialize(manager, DataType.FLOAT32, frame);
            EncoderFolder.load(fresh, manager, imported, MobileNetV2.NAME, EncoderFolder.ENCODER);
            var expected = fresh.getParameters().values();
            var actual = trained.net().visualEncoder().block().getParameters().values();
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).getArray().toFloatArray(), actual.get(i).getArray().toFloatArray(),
                        "encoder parameter " + expected.get(i).getName());
            }
            assertEquals(MobileNetV2.NAME, trained.net().visualEncoder().name());
        }
    }

    @Test
    void aFolderOfAnotherRunIsRefused() {
        Path output = folder.resolve("run");
        assertThrows(Interruption.class, () -> train(output, SETTINGS, new Events(StavisTraining.VISUAL, 1)));
        Map<String, String> otherRate = new HashMap<>(SETTINGS);
        otherRate.put("lr", "0.005");

        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> train(output, otherRate, TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("run.json"), refused.getMessage());
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        for (String[] setting : new String[][] {{"frames", "1"}, {"frames", "eight"}, {"input-size", "16"},
                {"localisation-maps", "0"}, {"visual-epochs", "0"}, {"freeze-encoder", "on"},
                {"freeze-encoder", "yes"}, {"visual-encoder", "resnet"}}) {
            InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                    () -> StavisSettings.parse(Map.of(setting[0], setting[1])));
            assertTrue(refused.getMessage().contains(setting[0]) || refused.getMessage().contains(setting[1]),
                    refused.getMessage());
        }
        InvalidOptionsException unknown = assertThrows(InvalidOptionsException.class,
                () -> StavisSettings.parse(Map.of("epochs", "3")));
        assertTrue(unknown.getMessage().contains("epochs") && unknown.getMessage().contains("audio-visual-epochs"),
                unknown.getMessage());
    }

    @Test
    void defaultsAreTheCompactVersions() {
        StavisSettings defaults = StavisSettings.parse(Map.of());
        assertEquals(112, defaults.inputSize());
        assertEquals(8, defaults.frames());
        assertEquals(8, defaults.localisationMaps());
        assertEquals("compact", defaults.visualEncoder());
        assertEquals(StavisSettings.parse(defaults.entries()), defaults, "entries parse back to the same settings");
    }

    @Test
    void clipsWithoutTargetsLeaveNothingToTrainOn() {
        TrainingData untargeted = new TrainingData("no gaze", List.of(), List.of(new NoGazeClip()), List.of());
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class, () -> provider.train(untargeted,
                Teacher.none(), new TrainingRequest(folder.resolve("none"), 5, DeviceChoice.CPU, SETTINGS),
                TrainingMonitor.NONE));
        assertTrue(refused.getMessage().contains("nothing to train on"), refused.getMessage());
    }

    /** Records the epochs and skipped stages it sees, and interrupts after {@code epoch} of {@code stage}. */
    private static final class Events implements TrainingMonitor {
        final List<String> epochs = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        private final String stopStage;
        private final int stopEpoch;

        Events(String stopStage, int stopEpoch) {
            this.stopStage = stopStage;
            this.stopEpoch = stopEpoch;
        }

        @Override
        public void stageSkipped(String stage) {
            skipped.add(stage);
        }

        @Override
        public void epochFinished(String stage, int epoch, int epochCount, float meanLoss, String metric,
                                  float validation) {
            epochs.add(stage + " " + epoch);
            if (stage.equals(stopStage) && epoch == stopEpoch) {
                throw new Interruption();
            }
        }
    }

    /** A clip without recorded gaze: with no teacher it has no target, so it is never opened. */
    private record NoGazeClip() implements TrainingClip {
        @Override
        public String id() {
            return "unseen";
        }

        @Override
        public Set<String> tags() {
            return Set.of();
        }

        @Override
        public String fingerprint() {
            return "unseen-v1";
        }

        @Override
        public ClipMedia open(AudioRequirement audio) {
            throw new UnsupportedOperationException("a clip without a target is not decoded");
        }
    }

    private static final class Interruption extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
