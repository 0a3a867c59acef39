package io.fixate.provider.scam.recipe;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.SharedMedia;
import io.fixate.importer.EncoderImporter;
import io.fixate.provider.scam.ScamLabelerProvider;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tiny SCAM labeler on {@code mobilenet-v2} (one epoch a net, four clips of a red or blue square with a tone): from
 * random weights, and from the imported ones frozen where {@code ../shared/models} holds them. It trains, records its
 * encoder, reloads feeding frames as the encoder declares, and labels.
 */
class MobileNetLabelerTest {

    private static final List<String> LABELS = List.of("red", "blue");
    private static final int SIZE = 48;
    private static final int FRAMES = 6;
    private static final String MOBILENET_FILE = "tf2_mobilenet_v2_1.0_224_ptq.tflite";

    @TempDir
    Path folder;

    @Test
    void trainsFromRandomWeightsAndLabels() throws IOException {
        Path labeler = train(Map.of());

        JsonObject manifest = manifest(labeler);
        assertEquals(FrameNormalisation.SIGNED_UNIT.name(), manifest.get(LabelerWeights.FRAMES_KEY).getAsString());
        assertFalse(manifest.has("encoderWeights"), manifest.toString());
        assertLabels(labeler);
    }

    @Test
    void startsFromTheImportedWeightsAndKeepsThemFrozen() throws IOException {
        Path tflite = SharedMedia.model(MOBILENET_FILE).orElse(null);
        assumeTrue(tflite != null, "../shared/models/" + MOBILENET_FILE + " is absent");
        Path encoders = folder.resolve("mobilenet-v2");
        EncoderImporter.importFile(tflite, encoders);

        Path labeler = train(Map.of("encoder-weights", encoders.toString(), "freeze-encoder", "on"));

        JsonObject record = manifest(labeler).getAsJsonObject("encoderWeights");
        assertEquals(MobileNetV2.NAME, record.get("encoder").getAsString());
        assertEquals(ProviderFiles.sha256Hex(EncoderFolder.weightsOf(encoders, EncoderFolder.ENCODER)),
                record.get("sha256").getAsString());
        try (NDManager manager = NDManager.newBaseManager();
             LabelerWeights weights = LabelerWeights.load(labeler, Device.cpu())) {
            Block imported = Encoders.visual(MobileNetV2.NAME).block();
            imported.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
            EncoderFolder.load(imported, manager, encoders, MobileNetV2.NAME, EncoderFolder.ENCODER);
            for (boolean fine : List.of(false, true)) {
                for (ScamNet net : weights.scamNets(fine).values()) {
                    assertSameParameters(imported, net.visualEncoder().block(), net.architectureId());
                }
            }
            assertSameParameters(imported, weights.soundSwitch().visualEncoder().block(), "switch");
        }
        assertLabels(labeler);
    }

    @Test
    void importedWeightsOfAnotherEncoderAreRefusedBeforeAnyTraining() throws IOException {
        Path yamnet = Files.createDirectories(folder.resolve("yamnet"));
        Files.writeString(yamnet.resolve(EncoderFolder.MANIFEST), "{\"format\": \"" + EncoderFolder.FORMAT
                + "\", \"encoder\": \"yamnet\"}");

        CorruptWeightsException refused = assertThrows(CorruptWeightsException.class,
                () -> train(Map.of("encoder-weights", yamnet.toString())));
        assertTrue(refused.getMessage().contains("'yamnet'"), refused.getMessage());
        assertFalse(Files.exists(folder.resolve("labeler")), "nothing was written");
    }

    @Test
    void missingImportedWeightsAreRefusedBeforeAnyTraining() {
        Path absent = folder.resolve("nowhere");

        MissingWeightsException refused = assertThrows(MissingWeightsException.class,
                () -> train(Map.of("encoder-weights", absent.toString())));
        assertTrue(refused.getMessage().contains(absent.toString()), refused.getMessage());
    }

    private Path train(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("visual-encoder", MobileNetV2.NAME, "coarse-size", "64",
                "fine-size", "64", "epochs", "1", "audio-epochs", "1", "batch", "4"));
        settings.putAll(extra);
        List<TrainingClip> clips = new ArrayList<>();
        // both clips of a tag are heard by one audio classifier each, so some sound is relevant whatever they learnt
        for (int i = 0; i < 4; i++) {
            clips.add(square("clip" + i, LABELS.get(i / 2)));
        }
        return LabelerTraining.run(new TrainingData("squares", LABELS, clips, List.of()),
                new TrainingRequest(folder.resolve("labeler"), 5, DeviceChoice.CPU, settings), TrainingMonitor.NONE);
    }

    /** The reloaded labeler feeds its nets as their encoder declares and gives a map per frame. */
    private static void assertLabels(Path labeler) {
        try (LabelerWeights weights = LabelerWeights.load(labeler, Device.cpu())) {
            assertEquals(FrameNormalisation.SIGNED_UNIT, weights.scamNets(true).get(Source.SA).visualEncoder()
                    .input());
        }
        try (PseudoLabeler scam = new ScamLabelerProvider().open(ModelOptions.builder().weights(labeler)
                .device(DeviceChoice.CPU).build())) {
            List<FixationMap> maps = scam.label(square("labelled", "blue").frames(), Set.of("blue"));
            assertEquals(FRAMES, maps.size());
            for (FixationMap map : maps) {
                for (float value : map.toArray()) {
                    assertTrue(Float.isFinite(value) && value >= 0, "map value " + value);
                }
            }
        }
    }

    private static void assertSameParameters(Block expected, Block actual, String net) {
        List<Parameter> wanted = expected.getParameters().values();
        List<Parameter> got = actual.getParameters().values();
        assertEquals(wanted.size(), got.size(), net);
        for (int i = 0; i < wanted.size(); i++) {
            assertTrue(wanted.get(i).getArray().contentEquals(got.get(i).getArray()),
                    net + " encoder parameter " + got.get(i).getName() + " is the imported one");
        }
    }

    private static SquareClip square(String id, String tag) {
        return new SquareClip(id, tag, LABELS.indexOf(tag) * 2, SIZE, FRAMES);
    }

    private static JsonObject manifest(Path labeler) throws IOException {
        return JsonParser.parseString(Files.readString(labeler.resolve(LabelerWeights.MANIFEST))).getAsJsonObject();
    }
}
