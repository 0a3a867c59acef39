package io.fixate.provider.scam.recipe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PseudoLabeler;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.provider.scam.ScamPlusLabelerProvider;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.TrainingClip;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny SCAM+ labeler (one epoch a net, two clips of each of two coloured squares with a tone), trained once: its
 * stages and manifest, labelling, its options, continuing a SCAM folder, and damaged weights.
 */
class ScamPlusLabelerTest {

    private static final List<String> LABELS = List.of("red", "blue");
    private static final int SIZE = 32;
    private static final int FRAMES = 12;
    private static final Map<String, String> SCAM_SETTINGS = Map.of("coarse-size", "32", "fine-size", "32",
            "epochs", "1", "audio-epochs", "1", "batch", "4", "frame-stride", "3");

    @TempDir
    static Path shared;
    private static Path labeler;
    private static final List<String> STAGES = new ArrayList<>();

    @TempDir
    Path scratch;

    @BeforeAll
    static void trainOnce() {
        labeler = train(shared.resolve("labeler"), Map.of("plus-epochs", "1"), stagesInto(STAGES));
    }

    private static Path train(Path folder, Map<String, String> plus, TrainingMonitor monitor) {
        Map<String, String> settings = new HashMap<>(SCAM_SETTINGS);
        settings.putAll(plus);
        return LabelerTraining.runPlus(data(), new TrainingRequest(folder, 5, DeviceChoice.CPU, settings), monitor);
    }

    private static TrainingData data() {
        List<TrainingClip> clips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clips.add(square("clip" + i, LABELS.get(i / 2), FRAMES));
        }
        return new TrainingData("squares", LABELS, clips, List.of());
    }

    private static SquareClip square(String id, String tag, int frames) {
        return new SquareClip(id, tag, LABELS.indexOf(tag) * 2, SIZE, frames);
    }

    /** A monitor that notes which stages trained ("started") and which were skipped. */
    private static TrainingMonitor stagesInto(List<String> stages) {
        return new TrainingMonitor() {
            @Override
            public void stageStarted(String stage, int epochs, int stepsPerEpoch) {
                stages.add(stage + " started");
            }

            @Override
            public void stageSkipped(String stage) {
                stages.add(stage + " skipped");
            }
        };
    }

    private static PseudoLabeler open(Path folder, Map<String, String> properties) {
        ModelOptions.Builder options = ModelOptions.builder().weights(folder).device(DeviceChoice.CPU);
        properties.forEach(options::property);
        return new ScamPlusLabelerProvider().open(options.build());
    }

    private static List<FixationMap> label(Path folder, Map<String, String> properties, int frames) {
        try (PseudoLabeler labeler = open(folder, properties)) {
            return labeler.label(square("labelled", "blue", frames).frames(), Set.of("blue"));
        }
    }

    private Path copyOf(Path folder, boolean withPlus) throws IOException {
        Path copy = scratch.resolve("copy");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Path relative = folder.relativize(file);
                if (!withPlus && relative.startsWith(PlusStages.FOLDER)) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy.resolve(relative.toString()));
                } else {
                    Files.copy(file, copy.resolve(relative.toString()));
                }
            }
        }
        return copy;
    }

    @Test
    void everyPlusNetTrainsAfterTheScamNetsAndTheManifestRecordsThemAll() throws IOException {
        assertTrue(STAGES.indexOf("fine-sa started") < STAGES.indexOf("plus-s-short started"), STAGES.toString());
        for (PlusSource net : PlusSource.values()) {
            assertTrue(STAGES.contains("plus-" + net.id() + " started"), net + " trained: " + STAGES);
        }
        JsonObject manifest = JsonParser.parseString(Files.readString(labeler.resolve(PlusStages.FOLDER)
                .resolve(PlusStages.MANIFEST))).getAsJsonObject();
        assertEquals(PlusStages.FORMAT, manifest.get("format").getAsString());
        assertEquals(ProviderFiles.sha256Hex(labeler.resolve(LabelerWeights.MANIFEST)),
                manifest.get(PlusStages.SCAM_MANIFEST_KEY).getAsString());
        for (PlusSource net : PlusSource.values()) {
            JsonObject record = manifest.getAsJsonObject(PlusStages.NETS_KEY).getAsJsonObject("plus-" + net.id());
            assertEquals(net.id() + ".params", record.get("file").getAsString());
            assertTrue(record.get("trainingSamples").getAsInt() > 0, net + " had samples");
        }
        assertTrue(manifest.getAsJsonObject(PlusStages.GALLERY_KEY).get("sha256").getAsString()
                .matches("[0-9a-f]{64}"));
        assertFalse(Files.exists(labeler.resolve(PlusStages.FOLDER).resolve("checkpoints")));
    }

    @Test
    void labelsEveryFrameTheSameWayEachTimeShortClipsIncluded() {
        for (int frames : new int[] {FRAMES, 5, 1}) {
            List<FixationMap> first = label(labeler, Map.of(), frames);
            List<FixationMap> second = label(labeler, Map.of(), frames);
            assertEquals(frames, first.size(), "one map per frame of a " + frames + "-frame clip");
            for (int i = 0; i < frames; i++) {
                assertArrayEquals(first.get(i).toArray(), second.get(i).toArray(), "map " + i + " reproducible");
                for (float value : first.get(i).toArray()) {
                    assertTrue(value >= 0 && value <= 1, "map value " + value);
                }
            }
        }
    }

    @Test
    void aSingleNetGivesItsOwnMapAndUnknownNetsAreRefused() {
        float[] all = label(labeler, Map.of(), FRAMES).get(6).toArray();
        float[] stLong = label(labeler, Map.of("nets", "st-long"), FRAMES).get(6).toArray();
        float[] scamOnly = label(labeler, Map.of("nets", "s,st,sa", "fusion", "avg"), FRAMES).get(6).toArray();

        assertFalse(Arrays.equals(all, stLong), "ST+ Long alone differs from the fusion of all");
        assertFalse(Arrays.equals(all, scamOnly), "the + nets change the fusion");
        InvalidOptionsException refused = assertThrows(InvalidOptionsException.class,
                () -> open(labeler, Map.of("nets", "sa-short")));
        assertTrue(refused.getMessage().contains("sa-short"), refused.getMessage());
    }

    @Test
    void aFinishedScamFolderIsContinuedWithoutRetrainingItsNets() throws IOException {
        Path scamOnly = copyOf(labeler, false);
        String coarse = ProviderFiles.sha256Hex(scamOnly.resolve("coarse-s.params"));
        List<String> stages = new ArrayList<>();

        train(scamOnly, Map.of("plus-epochs", "1", "plus-nets", "s-short,sa-cross", "gcn-steps", "1"),
                stagesInto(stages));

        assertTrue(stages.contains("coarse-s skipped") && stages.contains("fine-sa skipped"), stages.toString());
        assertTrue(stages.contains("plus-s-short started") && stages.contains("plus-sa-cross started"),
                stages.toString());
        assertFalse(stages.contains("plus-st-long started"), stages.toString());
        assertEquals(coarse, ProviderFiles.sha256Hex(scamOnly.resolve("coarse-s.params")));
        assertEquals(FRAMES, label(scamOnly, Map.of(), FRAMES).size());
    }

    @Test
    void sharedNetsTrainOnePerSourceAndServeEachGranularity() throws IOException {
        Path scamOnly = copyOf(labeler, false);
        List<String> stages = new ArrayList<>();

        train(scamOnly, Map.of("plus-epochs", "1", "shared-nets", "on"), stagesInto(stages));

        assertEquals(List.of("plus-s started", "plus-st started", "plus-sa started"),
                stages.stream().filter(stage -> stage.startsWith("plus-") && stage.endsWith("started")).toList());
        assertTrue(Files.exists(scamOnly.resolve(PlusStages.FOLDER).resolve("st.params")));
        assertEquals(FRAMES, label(scamOnly, Map.of("nets", "s-short,s-long,st-cross,sa-long"), FRAMES).size());
    }

    @Test
    void theRefineLayerOnTheScamNetsChangesTheirMaps() {
        float[] plain = label(labeler, Map.of("nets", "s,st,sa"), FRAMES).get(6).toArray();
        float[] refined = label(labeler, Map.of("nets", "s,st,sa", "refine", "on"), FRAMES).get(6).toArray();

        assertFalse(Arrays.equals(plain, refined));
        for (float value : refined) {
            assertTrue(value >= 0 && value <= 1, "map value " + value);
        }
        assertThrows(InvalidOptionsException.class, () -> open(labeler, Map.of("refine", "maybe")));
    }

    @Test
    void damagedPlusFilesAndAChangedScamLabelerAreRefusedNamingTheProblem() throws IOException {
        Path copy = copyOf(labeler, true);
        for (String damaged : List.of(CrossGallery.FILE, "st-long.params")) {
            Path file = copy.resolve(PlusStages.FOLDER).resolve(damaged);
            DamagedWeights.flipMiddleByte(file, 0x5A);
            CorruptWeightsException refused = assertThrows(CorruptWeightsException.class, () -> open(copy, Map.of()));
            assertTrue(refused.getMessage().contains(damaged), refused.getMessage());
            Files.copy(labeler.resolve(PlusStages.FOLDER).resolve(damaged), file, StandardCopyOption.REPLACE_EXISTING);
        }
        open(copy, Map.of()).close();

        Files.writeString(copy.resolve(LabelerWeights.MANIFEST), "\n", StandardOpenOption.APPEND);
        CorruptWeightsException scam = assertThrows(CorruptWeightsException.class, () -> open(copy, Map.of()));
        assertTrue(scam.getMessage().contains("another SCAM labeler"), scam.getMessage());
    }

    @Test
    void plusSettingsAreCheckedAndRefusedForAPlainScamRun() {
        assertThrows(InvalidOptionsException.class, () -> train(scratch.resolve("bad"), Map.of("gcn-steps", "0"),
                TrainingMonitor.NONE));
        assertThrows(InvalidOptionsException.class, () -> train(scratch.resolve("bad"),
                Map.of("plus-nets", "sa-short"), TrainingMonitor.NONE));
        InvalidOptionsException scam = assertThrows(InvalidOptionsException.class, () -> LabelerTraining.run(data(),
                new TrainingRequest(scratch.resolve("scam"), 5, DeviceChoice.CPU, Map.of("gcn-steps", "2")),
                TrainingMonitor.NONE));
        assertTrue(scam.getMessage().contains("gcn-steps"), scam.getMessage());
    }
}
