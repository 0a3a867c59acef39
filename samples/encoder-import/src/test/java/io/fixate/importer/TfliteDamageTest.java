package io.fixate.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing, foreign, truncated and damaged network files fail with the importer's typed errors, never another one. */
class TfliteDamageTest {

    @TempDir
    Path dir;

    @Test
    void missingFileIsAnImportError() {
        EncoderImportException e = assertThrows(EncoderImportException.class,
                () -> EncoderImporter.importFile(dir.resolve("absent.tflite"), dir.resolve("out")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void fileOfAnotherFormatIsCorrupt() throws IOException {
        Path text = dir.resolve("notes.tflite");
        Files.writeString(text, "these are not the weights you are looking for");
        CorruptModelFileException e = assertThrows(CorruptModelFileException.class,
                () -> EncoderImporter.importFile(text, dir.resolve("out")));
        assertTrue(e.getMessage().contains("not a TensorFlow Lite model"), e.getMessage());
    }

    @Test
    void truncatedFilesAreCorrupt() throws IOException {
        byte[] whole = Files.readAllBytes(SharedModels.file("tf2_mobilenet_v2_1.0_224_ptq.tflite"));
        for (int length : new int[] {0, 7, 16, 64, 4096, whole.length / 2}) {
            Path cut = dir.resolve("cut-" + length + ".tflite");
            Files.write(cut, Arrays.copyOf(whole, length));
            assertThrows(CorruptModelFileException.class, () -> EncoderImporter.importFile(cut, dir.resolve("out")),
                    "cut at " + length + " bytes");
        }
    }

    @Test
    void damagedHeadersFailWithImportErrorsOnly() throws IOException {
        Path source = SharedModels.file("tf2_mobilenet_v2_1.0_224_ptq.tflite");
        byte[] whole = Files.readAllBytes(source);
        Files.copy(source.resolveSibling("imagenet_labels.txt"), dir.resolve("imagenet_labels.txt"));
        SplittableRandom random = new SplittableRandom(17);
        int refused = 0;
        for (int trial = 0; trial < 40; trial++) {
            byte[] damaged = whole.clone();
            // the offsets and vtables of the FlatBuffer lie in its first and last few kilobytes
            for (int flips = 0; flips < 4; flips++) {
                int at = random.nextBoolean() ? random.nextInt(8, 4096) : whole.length - 1 - random.nextInt(16384);
                damaged[at] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("imported.tflite");
            Files.write(file, damaged);
            try {
                EncoderImporter.importFile(file, dir.resolve("out-" + trial));
            } catch (EncoderImportException e) {
                refused++;
            }
        }
        assertTrue(refused > 0, "no damaged copy was refused");
    }
}
