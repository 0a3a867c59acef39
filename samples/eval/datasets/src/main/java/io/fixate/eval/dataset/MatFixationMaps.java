package io.fixate.eval.dataset;

import io.fixate.api.CorruptMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.eval.metrics.Grid;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binary fixation maps from MATLAB MAT-files, as the STAViS distribution stores them ({@code fixMap_00001.mat} holding
 * a variable {@code eyeMap}, the name its loader {@code saliency_db.py} and its {@code eval_*.m} scripts read).
 *
 * <p>Reads MATLAB 5 / v7 files (uncompressed or compressed) with MFL. The map is the variable {@code eyeMap}, or
 * else the only real 2-D numeric or logical array in the file (double, single, any integer type, logical, sparse or
 * full). Every non-zero element is a fixation: the map becomes 1 there and 0 elsewhere, which is all the metrics
 * read from it. MATLAB v7.3 files are HDF5 and are refused.
 */
final class MatFixationMaps {

    /** The variable STAViS's fixation files hold. */
    static final String STAVIS_VARIABLE = "eyeMap";

    private static final int HEADER_BYTES = 128;
    private static final int VERSION_OFFSET = 124;
    /** The header's version field: 0x0100 for MATLAB 5 files, 0x0200 for v7.3 (HDF5) files. */
    private static final int VERSION_HDF5 = 0x0200;

    private MatFixationMaps() {
    }

    /**
     * The binary fixation map in {@code file}.
     *
     * @throws UncheckedIOException      if the file is missing or unreadable
     * @throws UnsupportedMediaException if it is a MATLAB v7.3 (HDF5) file
     * @throws CorruptMediaException     if it is not a MAT-file, is damaged, or holds no single 2-D map
     */
    static Grid read(Path file) {
        Mat5File mat = open(file);
        try {
            return binaryGrid(mapArray(mat, file));
        } finally {
            closeQuietly(mat);
        }
    }

    /**
     * The MATLAB 5 / v7 file {@code file}, read whole; the caller closes it.
     *
     * @throws UncheckedIOException      if the file is missing or unreadable
     * @throws UnsupportedMediaException if it is a MATLAB v7.3 (HDF5) file
     * @throws CorruptMediaException     if it is not a MAT-file or is damaged
     */
    static Mat5File open(Path file) {
        requireVersion5(file);
        try {
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new CorruptMediaException(file + " is a damaged MAT-file: " + e.getMessage(), e);
        }
    }

    private static void requireVersion5(Path file) {
        DatasetFiles.requireFile(file);
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = new String(header, StandardCharsets.US_ASCII);
        if (header.length < HEADER_BYTES || !text.startsWith("MATLAB")) {
            throw new CorruptMediaException(file + " is not a MATLAB 5 MAT-file: it has no 'MATLAB 5.0 MAT-file' header"
                    + " (MATLAB v4 files are not supported either)");
        }
        boolean littleEndian = header[VERSION_OFFSET + 2] == 'I';
        int version = littleEndian
                ? (header[VERSION_OFFSET] & 0xFF) | (header[VERSION_OFFSET + 1] & 0xFF) << 8
                : (header[VERSION_OFFSET] & 0xFF) << 8 | (header[VERSION_OFFSET + 1] & 0xFF);
        if (version == VERSION_HDF5 || text.startsWith("MATLAB 7.3")) {
            throw new UnsupportedMediaException(file + " is a MATLAB v7.3 MAT-file (HDF5), which is not supported;"
                    + " save it as MATLAB 5/v7 instead (MATLAB's save with '-v7')");
        }
    }

    private static Matrix mapArray(MatFile mat, Path file) {
        List<String> candidates = new ArrayList<>();
        List<String> described = new ArrayList<>();
        Matrix only = null;
        for (MatFile.Entry entry : mat.getEntries()) {
            Array value = entry.getValue();
            described.add(entry.getName() + " (" + describe(value) + ")");
            if (isMap(value)) {
                if (entry.getName().equals(STAVIS_VARIABLE)) {
                    return (Matrix) value;
                }
                candidates.add(entry.getName());
                only = (Matrix) value;
            }
        }
        if (candidates.size() == 1) {
            return only;
        }
        String held = described.isEmpty() ? "no variables" : "variables " + String.join(", ", described);
        if (candidates.isEmpty()) {
            throw new CorruptMediaException(file + " holds no 2-D numeric or logical array to read as a fixation map ("
                    + held + ")");
        }
        throw new CorruptMediaException(file + " holds several 2-D arrays and none named '" + STAVIS_VARIABLE
                + "', so the fixation map is ambiguous (" + held + ")");
    }

    private static boolean isMap(Array value) {
        return value instanceof Matrix matrix && value.getNumDimensions() == 2 && !matrix.isComplex()
                && value.getNumRows() > 0 && value.getNumCols() > 0;
    }

    private static String describe(Array value) {
        String dims = Arrays.stream(value.getDimensions()).mapToObj(String::valueOf).collect(Collectors.joining("x"));
        boolean logical = value instanceof Matrix matrix && matrix.isLogical();
        return dims + " " + (logical ? "logical" : value.getType().toString());
    }

    private static Grid binaryGrid(Matrix matrix) {
        int rows = matrix.getNumRows();
        int columns = matrix.getNumCols();
        double[] values = new double[rows * columns];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                values[y * columns + x] = matrix.getDouble(y, x) != 0 ? 1 : 0;
            }
        }
        return Grid.of(rows, columns, values);
    }

    static void closeQuietly(MatFile mat) {
        try {
            mat.close();
        } catch (IOException e) {
            // The map has been copied out; a failure to free MFL's buffers loses nothing.
        }
    }
}
