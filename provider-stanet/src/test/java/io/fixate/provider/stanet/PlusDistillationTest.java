package io.fixate.provider.stanet;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.stanet.nets.StaPlusNet;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STANet+ training through {@link StanetPlusPredictorProvider#train} on {@link DistillationTest}'s square clips. */
class PlusDistillationTest {

    private static final Map<String, String> SETTINGS = Map.of("input-size", "32", "batch", "4", "frame-stride", "2",
            "epochs", "1", "steps", "1");

    @TempDir
    Path folder;

    private final StanetPlusPredictorProvider provider = new StanetPlusPredictorProvider();

    private Path train(Path output, Map<String, String> settings, TrainingMonitor monitor) {
        try (DistillationTest.SquareTeacher teacher = new DistillationTest.SquareTeacher()) {
            return provider.train(DistillationTest.DATA, Teacher.of(teacher), new TrainingRequest(output, 5,
                    DeviceChoice.CPU, settings), monitor);
        }
    }

    @Test
    void anInterruptedRunTrainsStaThenShortThenLongAndResumesIntoWeightsThatPredict() throws IOException {
        Path output = folder.resolve("plus");
        Stages interrupted = new Stages("distill-long");
        assertThrows(Interrupted.class, () -> train(output, SETTINGS, interrupted));
        assertEquals(List.of("distill", "distill-short", "distill-long"), interrupted.trained);

        Stages resumed = new Stages(null);
        train(output, SETTINGS, resumed);
        assertEquals(List.of(), resumed.trained, "every stage had finished its epoch");

        JsonObject manifest = JsonParser.parseString(Files.readString(output.resolve(StanetPlusWeights.MANIFEST)))
                .getAsJsonObject();
        for (String net : List.of("sta", "short", "long")) {
            assertTrue(manifest.getAsJsonObject("nets").getAsJsonObject(net).has("sha256"), manifest.toString());
        }
        assertEquals(1, manifest.getAsJsonObject("stages").getAsJsonObject("long").getAsJsonArray("epochs").size());
        assertEquals(1, manifest.get("steps").getAsInt());
        assertEquals("squares", manifest.get("teacher").getAsString());
        assertTrue(Files.notExists(output.resolve("checkpoints-short")) && Files.notExists(output.resolve(
                "checkpoints-long")), "checkpoints are removed at the end");

        List<FrameWithAudio> clip = RandomStanet.clip(5, 40, 30);
        try (FixationPredictor predictor = provider.open(RandomStanet.options(output))) {
            assertEquals(clip.size(), predictor.predictClip(clip).size());
        }
        Stages again = new Stages(null);
        train(output, SETTINGS, again);
        assertEquals(List.of("distill-short", "distill-long"), again.skipped, "a finished folder is left as it is");
    }

    @Test
    void aGivenStaIsNotTrainedAgainAndIsCopiedIntoTheWeights() throws IOException {
        Path first = train(folder.resolve("first"), SETTINGS, TrainingMonitor.NONE);
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.remove("input-size");
        settings.put("sta-weights", first.resolve("sta").toString());
        Stages stages = new Stages(null);

        Path second = train(folder.resolve("second"), settings, stages);

        assertEquals(List.of("distill-short", "distill-long"), stages.trained);
        assertArrayEquals(Files.readAllBytes(first.resolve("sta.params")), Files.readAllBytes(second.resolve(
                "sta.params")));
        assertTrue(Files.notExists(second.resolve("sta")), "no STA stage in the second run");
        try (StanetPlusWeights loaded = StanetPlusWeights.load(second, Device.cpu())) {
            assertEquals(32, loaded.inputSize(), "the STA's input size");
        }
    }

    @Test
    void theDecoderReadoutIsRecordedAndEachNetKeepsItsBestEpoch() throws IOException {
        Path sta = train(folder.resolve("first"), SETTINGS, TrainingMonitor.NONE).resolve("sta");
        Map<String, String> settings = new HashMap<>(SETTINGS);
        settings.remove("input-size");
        settings.putAll(Map.of("sta-weights", sta.toString(), "readout", "decoder", "epochs", "3"));

        Path output = train(folder.resolve("decoder"), settings, TrainingMonitor.NONE);

        JsonObject manifest = JsonParser.parseString(Files.readString(output.resolve(StanetPlusWeights.MANIFEST)))
                .getAsJsonObject();
        assertEquals("decoder", manifest.get("readout").getAsString());
        for (String net : List.of("short", "long")) {
            JsonObject stage = manifest.getAsJsonObject("stages").getAsJsonObject(net);
            int best = 0;
            float bestCc = Float.NEGATIVE_INFINITY;
            for (var epoch : stage.getAsJsonArray("epochs")) {
                float cc = epoch.getAsJsonObject().get("validationCc").getAsFloat();
                if (cc > bestCc) {
                    bestCc = cc;
                    best = epoch.getAsJsonObject().get("epoch").getAsInt();
                }
            }
            assertEquals(best, stage.get("selectedEpoch").getAsInt(), stage.toString());
        }
        try (StanetPlusWeights loaded = StanetPlusWeights.load(output, Device.cpu())) {
            assertEquals(StaPlusNet.Readout.DECODER, loaded.longTerm().readout());
        }
    }

    @Test
    void settingsOfTheCGcnAndOnesThatContradictAGivenStaAreRefused() {
        Path sta = RandomStanet.save(folder.resolve("sta"));
        for (Map<String, String> settings : List.of(Map.of("steps", "0"), Map.of("update", "eager"),
                Map.of("readout", "fine"),
                Map.of("sta-weights", sta.toString(), "input-size", "32"))) {
            InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                    () -> train(folder.resolve("refused" + settings.size() + settings.hashCode()), settings,
                            TrainingMonitor.NONE));
            String key = settings.containsKey("input-size") ? "input-size" : settings.keySet().iterator().next();
            assertTrue(refused.getMessage().contains(key), refused.getMessage());
        }
    }

    /** Records the stages that trained an epoch and those skipped; throws after an epoch of {@code stopAfter}. */
    private static final class Stages implements TrainingMonitor {
        final List<String> trained = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        private final String stopAfter;

        Stages(String stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void epochFinished(String stage, int epoch, int epochCount, float meanLoss, String metric,
                                  float validation) {
            trained.add(stage);
            if (stage.equals(stopAfter)) {
                throw new Interrupted();
            }
        }

        @Override
        public void stageSkipped(String stage) {
            skipped.add(stage);
        }
    }

    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
