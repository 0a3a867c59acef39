package io.fixate.spi.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class WeightsFileTest {

    private static final Shape INPUT = new Shape(1, 1, 8, 8);
    private static final String MODEL = "tiny-test/1";
    /** The shape of the first parameter of {@link #tinyBlock} with 4 filters, whose encoding the file holds. */
    private static final Shape CONV_WEIGHT = new Shape(4, 1, 3, 3);
    private static final String CONV_WEIGHT_PATH = "01Conv2d_weight";

    @TempDir
    Path folder;

    private NDManager manager;
    private Path weights;

    @BeforeEach
    void openManager(NDManager opened) {
        manager = opened;
        weights = folder.resolve("tiny.params");
    }

    @Test
    void reloadedWeightsReproduceTheOutputsBitForBit() throws IOException {
        Block saved = tinyBlock(4, 1);
        WeightsFile.save(saved, weights, MODEL);
        Block fresh = tinyBlock(4, 2);
        NDArray input = manager.randomNormal(INPUT);
        assertFalse(Arrays.equals(output(saved, input), output(fresh, input)), "differently seeded blocks agree");

        WeightsFile.load(fresh, manager, weights, MODEL);

        assertArrayEquals(output(saved, input), output(fresh, input));
    }

    @Test
    void saveLeavesOnlyTheWeightsAndTheirManifest() throws IOException {
        Block block = tinyBlock(4, 1);
        WeightsFile.save(block, weights, MODEL);
        WeightsFile.save(block, weights, MODEL);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("tiny.params", "tiny.params.manifest"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Properties manifest = readManifest();
        assertEquals("tiny.params", manifest.getProperty("file"));
        assertEquals(Long.toString(Files.size(weights)), manifest.getProperty("bytes"));
        assertEquals(sha256(Files.readAllBytes(weights)), manifest.getProperty("sha256"));
        assertEquals(MODEL, manifest.getProperty("model"));
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        String expected = readManifest().getProperty("sha256");
        byte[] bytes = DamagedWeights.flipMiddleByte(weights, 0x01);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL));
        assertTrue(e.getMessage().contains(expected.substring(0, 16))
                && e.getMessage().contains(sha256(bytes).substring(0, 16)), e.getMessage());
        assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
    }

    @Test
    void theChecksumAFolderManifestRecordsIsCheckedToo() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        String actual = readManifest().getProperty("sha256");
        String recorded = "0".repeat(64);
        Path record = folder.resolve("manifest.json");

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL, recorded, record));
        assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains(record.toString())
                && e.getMessage().contains(recorded.substring(0, 16))
                && e.getMessage().contains(actual.substring(0, 16)), e.getMessage());
        assertThrows(CorruptWeightsException.class, () -> WeightsFile.verify(weights, MODEL, recorded, record));

        WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL, actual, record);
        WeightsFile.verify(weights, MODEL, actual.toUpperCase(Locale.ROOT), record);
    }

    @Test
    void anAbsurdDimensionIsRefusedBeforeAnythingIsAllocated() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        byte[] bytes = Files.readAllBytes(weights);
        int shape = indexOf(bytes, CONV_WEIGHT.getEncoded());
        // (4, 1, 3, 3) becomes (2^40, 1, 3, 3): 2^43 floats, whose byte count overflows an int
        ByteBuffer.wrap(bytes).putLong(shape + Integer.BYTES, 1L << 40);
        rewriteWithMatchingManifest(bytes);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL));
        // named with the parameter: refused by the check before DJL allocates, not by DJL
        assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("1099511627776")
                && e.getMessage().contains("parameter " + CONV_WEIGHT_PATH), e.getMessage());
    }

    @Test
    void absurdCountsInAParameterHeaderAreRefused() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        byte[] saved = Files.readAllBytes(weights);
        int shape = indexOf(saved, CONV_WEIGHT.getEncoded());
        // the rank, the layout's length (before its 4 characters) and the data's byte count (after the byte-order
        // mark), each read as a size to allocate
        int[] counts = {shape, shape + CONV_WEIGHT.getEncoded().length - 4 * Character.BYTES - Integer.BYTES,
            shape + CONV_WEIGHT.getEncoded().length + 1};
        for (int count : counts) {
            for (int value : new int[] {Integer.MAX_VALUE, -1}) {
                byte[] bytes = saved.clone();
                ByteBuffer.wrap(bytes).putInt(count, value);
                rewriteWithMatchingManifest(bytes);

                CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                        () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL), "count at " + count);
                // named with the parameter: refused by the check before DJL allocates, not by DJL
                assertTrue(e.getMessage().contains(weights.toString())
                        && e.getMessage().contains("parameter " + CONV_WEIGHT_PATH), e.getMessage());
            }
        }
    }

    @Test
    void anAbsurdCountInABlockHeaderIsRefused() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        byte[] saved = Files.readAllBytes(weights);
        // the file starts with the outer block's version byte and the number of its input shapes
        for (int value : new int[] {Integer.MAX_VALUE, -1}) {
            byte[] bytes = saved.clone();
            ByteBuffer.wrap(bytes).putInt(1, value);
            rewriteWithMatchingManifest(bytes);

            CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                    () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL), "count " + value);
            assertTrue(e.getMessage().contains(weights.toString()) && !e.getMessage().contains("\n"),
                    e.getMessage());
        }
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedAndALinkWithinItIsFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path store = Files.createDirectories(folder.resolve("weights").resolve("store"));
        Path linked = store.resolveSibling("tiny.params");
        WeightsFile.save(tinyBlock(4, 1), store.resolve("tiny.params"), MODEL);
        Files.createSymbolicLink(linked, Path.of("store", "tiny.params"));
        Files.createSymbolicLink(WeightsFile.manifestOf(linked), Path.of("store", "tiny.params.manifest"));

        WeightsFile.load(tinyBlock(4, 2), manager, linked, MODEL);

        Files.move(store.resolve("tiny.params"), elsewhere.resolve("tiny.params"));
        Files.delete(linked);
        Files.createSymbolicLink(linked, elsewhere.resolve("tiny.params"));
        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, linked, MODEL));
        assertTrue(e.getMessage().contains(linked.toString()) && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void missingWeightsOrManifestAreNamed() throws IOException {
        MissingWeightsException noWeights = assertThrows(MissingWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL));
        assertTrue(noWeights.getMessage().contains(weights.toString()), noWeights.getMessage());

        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        Files.delete(WeightsFile.manifestOf(weights));
        MissingWeightsException noManifest = assertThrows(MissingWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL));
        assertTrue(noManifest.getMessage().contains(WeightsFile.manifestOf(weights).toString()),
                noManifest.getMessage());
    }

    @Test
    void weightsOfAnotherShapeDoNotFit() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(5, 2), manager, weights, MODEL));
        assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("does not fit"),
                e.getMessage());
    }

    @Test
    void aTruncatedFileWithAMatchingManifestDoesNotFit() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);
        byte[] bytes = Files.readAllBytes(weights);
        rewriteWithMatchingManifest(Arrays.copyOf(bytes, bytes.length - 40));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, MODEL));
        assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("does not fit"),
                e.getMessage());
    }

    @Test
    void weightsOfAnotherModelAreRefused() throws IOException {
        WeightsFile.save(tinyBlock(4, 1), weights, MODEL);

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> WeightsFile.load(tinyBlock(4, 2), manager, weights, "tiny-test/2"));
        assertTrue(e.getMessage().contains(MODEL) && e.getMessage().contains("tiny-test/2"), e.getMessage());
    }

    /** Conv2d(filters, 3×3) → flatten → Linear(3), initialised from {@code seed}. */
    private Block tinyBlock(int filters, int seed) {
        Block block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build());
        Engine.getInstance().setRandomSeed(seed);
        block.initialize(manager, DataType.FLOAT32, INPUT);
        return block;
    }

    private float[] output(Block block, NDArray input) {
        NDList out = block.forward(new ParameterStore(manager, false), new NDList(input), false);
        return out.singletonOrThrow().toFloatArray();
    }

    /** Writes {@code bytes} as the weights, with a manifest that matches them, as a careful forger would. */
    private void rewriteWithMatchingManifest(byte[] bytes) throws IOException {
        Files.write(weights, bytes);
        Properties manifest = readManifest();
        manifest.setProperty("sha256", sha256(bytes));
        manifest.setProperty("bytes", Integer.toString(bytes.length));
        try (Writer out = Files.newBufferedWriter(WeightsFile.manifestOf(weights))) {
            manifest.store(out, null);
        }
    }

    /** Where {@code pattern} first occurs in {@code bytes}; fails when it does not. */
    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not in the file");
    }

    private Properties readManifest() throws IOException {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(WeightsFile.manifestOf(weights))) {
            manifest.load(in);
        }
        return manifest;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
