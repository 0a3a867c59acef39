package io.fixate.provider.scam.recipe;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.nets.TrainableNet;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.WeightsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A labeler folder of randomly initialised nets, saved as training saves them, and what loading checks in it. */
class LabelerWeightsTest {

    private static final List<String> LABELS = List.of("dog", "drum", "engine");
    private static final TrainingSettings SETTINGS = TrainingSettings.parse(Map.of("coarse-size", "32",
            "fine-size", "32"));

    @TempDir
    static Path shared;
    private static Path saved;

    @TempDir
    Path scratch;

    @BeforeAll
    static void saveOnce() throws IOException {
        saved = shared.resolve("labeler");
        JsonObject records = new JsonObject();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (NetSlot slot : NetSlot.values()) {
                TrainableNet net = slot.newNet(SETTINGS, LABELS.size());
                LabelerWeights.initialize(net, slot.inputSize(SETTINGS), manager);
                WeightsFile.save(net.block(), saved.resolve(slot.fileName()), net.architectureId());
                JsonObject record = new JsonObject();
                LabelerWeights.recordWeights(record, saved.resolve(slot.fileName()));
                records.add(slot.id(), record);
            }
        }
        JsonObject manifest = LabelerWeights.manifestHead(LABELS, SETTINGS);
        manifest.add(LabelerWeights.NETS_KEY, records);
        LabelerWeights.writeManifest(saved, manifest);
    }

    private Path copyOfSaved() throws IOException {
        Path copy = Files.createDirectories(scratch.resolve("copy"));
        try (Stream<Path> files = Files.list(saved)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void loadsWhatWasSaved() {
        try (LabelerWeights weights = LabelerWeights.load(saved, Device.cpu())) {
            assertEquals(LABELS, weights.labels());
            assertEquals(SETTINGS, weights.settings());
        }
    }

    @Test
    void aNetThatNoLongerMatchesTheManifestsChecksumIsRefused() throws IOException {
        Path copy = copyOfSaved();
        Path damaged = flipAByteBehindTheSidecarsBack(copy.resolve(NetSlot.COARSE_S.fileName()));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> LabelerWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(damaged.toString())
                && e.getMessage().contains(copy.resolve(LabelerWeights.MANIFEST).toString()), e.getMessage());
    }

    @Test
    void theAudioClassifiersAreCheckedThoughNeverLoaded() throws IOException {
        Path copy = copyOfSaved();
        Path damaged = flipAByteBehindTheSidecarsBack(copy.resolve(NetSlot.AUDIO_CLASSIFIER_B.fileName()));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> LabelerWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
    }

    @Test
    void aManifestWithoutTheRecordOfANetIsCorrupt() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(LabelerWeights.MANIFEST);
        JsonObject entries = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        entries.getAsJsonObject(LabelerWeights.NETS_KEY).remove(NetSlot.FINE_SA.id());
        Files.writeString(manifest, entries.toString());

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> LabelerWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains(NetSlot.FINE_SA.id()),
                e.getMessage());
    }

    @Test
    void aLabelerFromBeforeTheEncoderRecordsLoadsAsCompact() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(LabelerWeights.MANIFEST);
        JsonObject entries = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        entries.remove(LabelerWeights.FRAMES_KEY);
        entries.getAsJsonObject("settings").remove(TrainingSettings.ENCODER_WEIGHTS);
        entries.getAsJsonObject("settings").remove(TrainingSettings.FREEZE_ENCODER);
        Files.writeString(manifest, entries.toString());

        try (LabelerWeights weights = LabelerWeights.load(copy, Device.cpu())) {
            assertEquals(SETTINGS, weights.settings());
            assertEquals(FrameNormalisation.IMAGENET_MEAN_STD, weights.scamNets(false).get(Source.S).visualEncoder()
                    .input());
        }
    }

    @Test
    void aRecordedNormalisationTheEncoderDoesNotDeclareIsRefused() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(LabelerWeights.MANIFEST);
        JsonObject entries = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        entries.addProperty(LabelerWeights.FRAMES_KEY, FrameNormalisation.SIGNED_UNIT.name());
        Files.writeString(manifest, entries.toString());

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> LabelerWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains("SIGNED_UNIT") && e.getMessage().contains("IMAGENET_MEAN_STD"),
                e.getMessage());
    }

    @Test
    void aMalformedManifestIsReportedInOneLine() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(LabelerWeights.MANIFEST);
        // Gson's message for this one has a second line with a link to its troubleshooting guide
        Files.writeString(manifest, "{\"format\": \"fixate-scam-labeler/1\",,}");

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> LabelerWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }

    /**
     * Flips a byte of {@code weights} and makes its sidecar manifest agree, so that only the labeler's manifest
     * still tells.
     */
    private static Path flipAByteBehindTheSidecarsBack(Path weights) throws IOException {
        DamagedWeights.flipMiddleByteBehindTheSidecar(weights, WeightsFile.manifestOf(weights));
        return weights;
    }
}
