package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.eval.metrics.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binary fixation maps from MAT-files written by MFL itself, and every way such a file can be unusable. */
class MatFixationMapsTest {

    private static final int ROWS = 3;
    private static final int COLUMNS = 4;

    @TempDir
    Path dir;

    /** A 3x4 matrix of {@code type} with fixations at (row 0, column 3) and (row 2, column 1), value 7 where numeric. */
    private static Matrix fixations(MatlabType type) {
        Matrix matrix = type == null ? Mat5.newLogical(ROWS, COLUMNS) : Mat5.newMatrix(ROWS, COLUMNS, type);
        matrix.setDouble(0, 3, type == null ? 1 : 7);
        matrix.setDouble(2, 1, type == null ? 1 : 7);
        return matrix;
    }

    private static void assertFixationsAtTheTwoPoints(Grid map) {
        assertEquals(ROWS, map.height());
        assertEquals(COLUMNS, map.width());
        double[] expected = new double[ROWS * COLUMNS];
        expected[3] = 1;
        expected[2 * COLUMNS + 1] = 1;
        assertEquals(Arrays.toString(expected), Arrays.toString(map.toArray()),
                "MATLAB's column-major storage must come out row-major, non-zero values as 1");
    }

    @Test
    void readsDoubleSingleUint8AndLogicalMapsAsBinaryRowMajorGrids() throws IOException {
        for (MatlabType type : new MatlabType[] {MatlabType.Double, MatlabType.Single, MatlabType.UInt8, null}) {
            Path file = Fixtures.mat(dir.resolve(type + ".mat"), "eyeMap", fixations(type));
            assertFixationsAtTheTwoPoints(MatFixationMaps.read(file));
        }
    }

    @Test
    void prefersEyeMapAmongSeveralArraysAndOtherwiseTakesTheOnlyOne() throws IOException {
        Matrix decoy = Mat5.newMatrix(ROWS, COLUMNS);
        decoy.setDouble(1, 1, 1);
        Path several = Fixtures.mat(dir.resolve("several.mat"), "decoy", decoy, "eyeMap",
                fixations(MatlabType.Double));
        assertFixationsAtTheTwoPoints(MatFixationMaps.read(several));

        Path renamed = Fixtures.mat(dir.resolve("renamed.mat"), "label", Mat5.newString("observer 3"), "fixLoc",
                fixations(MatlabType.UInt8));
        assertFixationsAtTheTwoPoints(MatFixationMaps.read(renamed));
    }

    @Test
    void aFileWithoutATwoDimensionalArrayIsCorruptAndListsItsVariables() throws IOException {
        Path file = Fixtures.mat(dir.resolve("fixMap_00001.mat"), "label", Mat5.newString("none"), "cube",
                Mat5.newMatrix(new int[] {2, 2, 2}));
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> MatFixationMaps.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no 2-D numeric or logical array"), e.getMessage());
        assertTrue(e.getMessage().contains("cube (2x2x2 double)"), e.getMessage());
    }

    @Test
    void severalArraysNoneNamedEyeMapAreAmbiguous() throws IOException {
        Path file = Fixtures.mat(dir.resolve("two.mat"), "a", fixations(MatlabType.Double), "b",
                fixations(MatlabType.Double));
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> MatFixationMaps.read(file));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    }

    @Test
    void aVersion73FileIsUnsupportedMedia() throws IOException {
        // MATLAB's v7.3 header: descriptive text, then version 0x0200 and the endian mark 'IM' at bytes 124-127,
        // with the HDF5 superblock at byte 512.
        byte[] header = new byte[600];
        Arrays.fill(header, 0, 116, (byte) ' ');
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        header[124] = 0x00;
        header[125] = 0x02;
        header[126] = 'I';
        header[127] = 'M';
        byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(hdf5, 0, header, 512, hdf5.length);
        Path file = Files.write(dir.resolve("fixMap_00001.mat"), header);
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> MatFixationMaps.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("v7.3"), e.getMessage());
    }

    @Test
    void aFileThatIsNoMatFileIsCorrupt() throws IOException {
        Path file = Files.writeString(dir.resolve("fixMap_00001.mat"), "this is not a MAT-file at all ".repeat(10));
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> MatFixationMaps.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTruncatedMatFileIsCorrupt() throws IOException {
        Path whole = Fixtures.mat(dir.resolve("whole.mat"), "eyeMap", Mat5.newMatrix(40, 40));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(bytes, 200));
        CorruptMediaException e = assertThrows(CorruptMediaException.class, () -> MatFixationMaps.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        Path file = dir.resolve("fixMap_00009.mat");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> MatFixationMaps.read(file));
        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
