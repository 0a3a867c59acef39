package io.fixate.provider.stanet;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanetWeightsTest {

    @TempDir
    static Path shared;
    private static Path saved;

    @TempDir
    Path scratch;

    @BeforeAll
    static void saveOnce() {
        saved = RandomStanet.save(shared.resolve("weights"));
    }

    private Path copyOfSaved() throws IOException {
        Path copy = scratch.resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(saved)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void theManifestRecordsFormatSizeEncodersAndTheTrainersEntries() throws IOException {
        JsonObject manifest = JsonParser.parseString(
                Files.readString(saved.resolve(StanetWeights.MANIFEST))).getAsJsonObject();

        assertEquals(StanetWeights.FORMAT, manifest.get("format").getAsString());
        assertEquals(RandomStanet.INPUT_SIZE, manifest.get("inputSize").getAsInt());
        assertEquals("squash", manifest.get("frameFit").getAsString());
        assertEquals("compact", manifest.get("visualEncoder").getAsString());
        assertEquals("compact", manifest.get("audioEncoder").getAsString());
        assertEquals("random initialisation for tests", manifest.get("note").getAsString());
    }

    @Test
    void loadsWhatWasSaved() {
        try (StanetWeights weights = StanetWeights.load(saved, Device.cpu())) {
            assertEquals(RandomStanet.INPUT_SIZE, weights.inputSize());
            assertTrue(weights.net().isInitialized());
        }
    }

    /** A copy of the saved folder whose manifest lacks {@code key}. */
    private Path copyWithoutManifestEntry(String key) throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(StanetWeights.MANIFEST);
        JsonObject entries = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        entries.remove(key);
        Files.writeString(manifest, entries.toString());
        return copy;
    }

    @Test
    void aManifestFromBeforeFramesCouldBePaddedLoadsAsSquashed() throws IOException {
        Path copy = copyWithoutManifestEntry("frameFit");

        try (StanetWeights weights = StanetWeights.load(copy, Device.cpu())) {
            assertEquals(FrameFit.SQUASH, weights.frameFit());
        }
    }

    @Test
    void paddedWeightsLoadAsPaddedAndAnUnknownFitIsCorrupt() throws IOException {
        Path padded = RandomStanet.save(scratch.resolve("padded"), Encoders.COMPACT, FrameFit.PAD);
        try (StanetWeights weights = StanetWeights.load(padded, Device.cpu())) {
            assertEquals(FrameFit.PAD, weights.frameFit());
        }
        Path manifest = padded.resolve(StanetWeights.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"frameFit\": \"pad\"",
                "\"frameFit\": \"crop\""));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(padded, Device.cpu()));
        assertTrue(e.getMessage().contains("frameFit") && e.getMessage().contains("crop"), e.getMessage());
    }

    @Test
    void aFolderWithoutManifestIsMissingWeightsNamingTheFile() {
        MissingWeightsException e = assertThrows(MissingWeightsException.class,
                () -> StanetWeights.load(scratch.resolve("nothing"), Device.cpu()));
        assertTrue(e.getMessage().contains(StanetWeights.MANIFEST), e.getMessage());
    }

    @Test
    void missingParametersAreNamed() throws IOException {
        Path copy = copyOfSaved();
        Files.delete(copy.resolve(StanetWeights.PARAMETERS));

        WeightsException e = assertThrows(MissingWeightsException.class, () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(StanetWeights.PARAMETERS), e.getMessage());
    }

    @Test
    void damagedParametersAreNamed() throws IOException {
        Path copy = copyOfSaved();
        Path parameters = copy.resolve(StanetWeights.PARAMETERS);
        DamagedWeights.flipMiddleByte(parameters, 0x5A);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(StanetWeights.PARAMETERS), e.getMessage());
    }

    @Test
    void parametersThatNoLongerMatchTheManifestsChecksumAreRefused() throws IOException {
        Path copy = copyOfSaved();
        Path parameters = copy.resolve(StanetWeights.PARAMETERS);
        // the sidecar manifest made to agree, so that only manifest.json's record can catch it
        byte[] bytes = DamagedWeights.flipMiddleByteBehindTheSidecar(parameters, WeightsFile.manifestOf(parameters));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(parameters.toString())
                && e.getMessage().contains(copy.resolve(StanetWeights.MANIFEST).toString())
                && e.getMessage().contains(ProviderFiles.sha256Hex(bytes).substring(0, 16)), e.getMessage());
    }

    @Test
    void aManifestWithoutTheParametersChecksumIsCorrupt() throws IOException {
        Path copy = copyWithoutManifestEntry("parametersSha256");
        Path manifest = copy.resolve(StanetWeights.MANIFEST);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("parametersSha256"),
                e.getMessage());
    }

    @Test
    void aManifestLinkedFromOutsideTheFolderIsRefusedAndOneLinkedWithinIsRead() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(StanetWeights.MANIFEST);
        Path within = Files.createDirectories(copy.resolve("records")).resolve(StanetWeights.MANIFEST);
        Files.move(manifest, within);
        Files.createSymbolicLink(manifest, copy.relativize(within));
        try (StanetWeights weights = StanetWeights.load(copy, Device.cpu())) {
            assertEquals(RandomStanet.INPUT_SIZE, weights.inputSize());
        }

        Path outside = Files.createDirectories(scratch.resolve("elsewhere")).resolve(StanetWeights.MANIFEST);
        Files.move(within, outside);
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, outside);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("outside"),
                e.getMessage());
    }

    @Test
    void aMalformedManifestIsReportedInOneLine() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(StanetWeights.MANIFEST);
        // Gson's message for this one has a second line with a link to its troubleshooting guide
        Files.writeString(manifest, "{\"format\": nope nope}", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(manifest.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }

    @Test
    void aDamagedManifestIsNamed() throws IOException {
        Path copy = copyOfSaved();
        Files.writeString(copy.resolve(StanetWeights.MANIFEST), "{\"format\": ", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(StanetWeights.MANIFEST), e.getMessage());
    }

    @Test
    void anUnknownEncoderInTheManifestIsCorrupt() throws IOException {
        Path copy = copyOfSaved();
        Path manifest = copy.resolve(StanetWeights.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"visualEncoder\": \"compact\"",
                "\"visualEncoder\": \"resnext\""));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> StanetWeights.load(copy, Device.cpu()));
        assertTrue(e.getMessage().contains(StanetWeights.MANIFEST) && e.getMessage().contains("resnext"),
                e.getMessage());
    }

    @Test
    void extraEntriesMayNotOverrideTheFormat() {
        JsonObject extra = new JsonObject();
        extra.addProperty("inputSize", 128);
        StaNet net = new StaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT));

        assertThrows(IllegalArgumentException.class, () -> StanetWeights.save(scratch, net, 64, FrameFit.SQUASH,
                extra));
    }
}
