package io.fixate.spi.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.google.gson.JsonObject;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.spi.ProviderFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetFolderTest {

    private static final Shape[] INPUT = {new Shape(1, 4)};
    private static final String PARAMETERS = "tiny.params";
    private static final String MODEL = "tiny-net/1";

    @TempDir
    Path folder;

    @Test
    void aSavedNetLoadsBackWithTheManifestsHeadRecordAndChecksum() throws IOException {
        float[] saved;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block net = initialised(manager);
            saved = weightsOf(net);
            assertFalse(NetFolder.isComplete(folder));
            NetFolder.save(folder, NetFolder.manifest(head(), record()), net, PARAMETERS, MODEL);
        }
        assertTrue(NetFolder.isComplete(folder));
        JsonObject manifest = ManifestFile.read(folder.resolve(NetFolder.MANIFEST), "tiny/1", "tiny net", "train");
        assertEquals(List.of("format", "inputSize", "data", NetFolder.PARAMETERS_SHA256),
                List.copyOf(manifest.keySet()), "the head first, then the record, then the checksum");
        assertEquals(ProviderFiles.sha256Hex(folder.resolve(PARAMETERS)),
                manifest.get(NetFolder.PARAMETERS_SHA256).getAsString());

        Block fresh = Linear.builder().setUnits(2).build();
        NDManager loaded = NetFolder.load(folder, Device.cpu(), fresh, INPUT, PARAMETERS, MODEL,
                manifest.get(NetFolder.PARAMETERS_SHA256).getAsString(), manager -> manager);
        try {
            assertArrayEquals(saved, weightsOf(fresh));
        } finally {
            loaded.close();
        }
    }

    @Test
    void aRecordMayNotOverwriteTheHeadOrTheChecksum() {
        for (String key : List.of("format", "inputSize", NetFolder.PARAMETERS_SHA256)) {
            JsonObject record = record();
            record.addProperty(key, "mine");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetFolder.manifest(head(), record));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void damagedOrMissingParametersAreTypedErrors() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NetFolder.save(folder, head(), initialised(manager), PARAMETERS, MODEL);
        }
        String sha256 = ProviderFiles.sha256Hex(folder.resolve(PARAMETERS));
        DamagedWeights.flipMiddleByte(folder.resolve(PARAMETERS), 0x5A);
        CorruptWeightsException damaged = assertThrows(CorruptWeightsException.class, () -> NetFolder.load(folder,
                Device.cpu(), Linear.builder().setUnits(2).build(), INPUT, PARAMETERS, MODEL, sha256, m -> m));
        assertTrue(damaged.getMessage().contains(PARAMETERS), damaged.getMessage());

        Files.delete(folder.resolve(PARAMETERS));
        assertThrows(MissingWeightsException.class, () -> NetFolder.load(folder, Device.cpu(),
                Linear.builder().setUnits(2).build(), INPUT, PARAMETERS, MODEL, sha256, m -> m));
    }

    @Test
    void aBundledFolderIsTheManifestTheParametersAndTheirOwnManifest() {
        assertEquals(List.of(NetFolder.MANIFEST, PARAMETERS, PARAMETERS + ".manifest"), NetFolder.files(PARAMETERS));
    }

    private static Block initialised(NDManager manager) {
        Block net = Linear.builder().setUnits(2).build();
        net.initialize(manager, DataType.FLOAT32, INPUT);
        return net;
    }

    private static float[] weightsOf(Block net) {
        return net.getParameters().get(0).getValue().getArray().toFloatArray();
    }

    private static JsonObject head() {
        JsonObject head = new JsonObject();
        head.addProperty("format", "tiny/1");
        head.addProperty("inputSize", 4);
        return head;
    }

    private static JsonObject record() {
        JsonObject record = new JsonObject();
        record.addProperty("data", "tiny set");
        return record;
    }
}
