package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.WeightsException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a parameters file written by {@link Block#saveParameters} against the initialised block it is to be loaded
 * into, before DJL reads it. DJL allocates every array from the sizes the file declares (a direct buffer of the
 * declared byte count, then a tensor of the declared shape), so a damaged header would ask for gigabytes, overflow
 * or reach the engine with a shape its data does not fill. Here each parameter of the block is found, in block
 * order, by its record header ({@code Parameter.save}: the mark {@code 'P'}, version 1 and the parameter's name,
 * then {@code NDSerializer}'s magic {@code "NDAR"}), and its array header must declare the block's data type and
 * shape and exactly the bytes that shape takes, all present in the file. What lies between records (each block's
 * version and input shapes) is left to DJL.
 */
final class ParameterRecords {

    /** The NDArray encodings DJL 0.35 reads; 1 and 2 lack the byte-order mark, 1 also the name. */
    private static final int MAX_ARRAY_VERSION = 3;
    private static final char PARAMETER_MARK = 'P';
    private static final int PARAMETER_VERSION = 1;
    private static final String ARRAY_MAGIC = "NDAR";

    private ParameterRecords() {
    }

    /**
     * Refuses {@code file} unless every initialised parameter of {@code block} has a record in it, in order, whose
     * array header matches the parameter's type and shape and whose data the file holds.
     *
     * @throws CorruptWeightsException naming the file and the parameter when a record is missing or does not match
     * @throws WeightsException        when the file cannot be read
     */
    static void check(Path file, Block block) {
        String current = null;
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file)));
             DataInputStream in = new DataInputStream(counted)) {
            long size = Files.size(file);
            for (Pair<String, Parameter> entry : block.getParameters()) {
                Parameter parameter = entry.getValue();
                if (!parameter.isInitialized()) {
                    continue; // saved as a bare mark, nothing to allocate
                }
                current = entry.getKey();
                long from = counted.position;
                if (!skipPast(in, header(parameter.getName()))) {
                    throw doesNotFit(file, "no record of parameter " + current + " after byte " + from);
                }
                int length = checkArrayHeader(in, file, current, parameter.getArray());
                if (length > size - counted.position) {
                    throw doesNotFit(file, "parameter " + current + " needs " + length + " bytes, the file has "
                            + (size - counted.position) + " left");
                }
                in.skipNBytes(length);
            }
        } catch (EOFException e) {
            throw doesNotFit(file, "it ends inside the record of parameter " + current);
        } catch (IOException e) {
            throw new WeightsException("cannot read weights file " + file + ": " + WeightsFile.reason(e), e);
        }
    }

    /**
     * Reads an array header and returns its data length, which like the data type and shape must be those of
     * {@code expected}.
     */
    private static int checkArrayHeader(DataInputStream in, Path file, String parameter, NDArray expected)
            throws IOException {
        int version = in.readInt();
        if (version < 1 || version > MAX_ARRAY_VERSION) {
            throw doesNotFit(file, "parameter " + parameter + " has array encoding " + version);
        }
        if (version > 1 && in.readByte() == 1) {
            in.readUTF(); // the array's name
        }
        in.readUTF(); // its sparse format, which loading ignores
        String type = in.readUTF();
        DataType expectedType = expected.getDataType();
        if (!type.equals(expectedType.name())) {
            throw doesNotFit(file, "parameter " + parameter + " holds " + type + " where the block has "
                    + expectedType);
        }
        Shape expectedShape = expected.getShape();
        int rank = in.readInt();
        if (rank != expectedShape.dimension()) {
            throw doesNotFit(file, "parameter " + parameter + " has " + rank + " dimensions where the block has "
                    + expectedShape);
        }
        long[] dimensions = new long[rank];
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readLong();
        }
        if (!Arrays.equals(dimensions, expectedShape.getShape())) {
            throw doesNotFit(file, "parameter " + parameter + " has shape " + Arrays.toString(dimensions)
                    + " where the block has " + expectedShape);
        }
        if (in.readInt() != rank) {
            throw doesNotFit(file, "parameter " + parameter + " has a layout of another rank than its shape");
        }
        in.skipNBytes(2L * rank); // one layout character per dimension
        if (version > 2) {
            in.readByte(); // the data's byte order
        }
        int length = in.readInt();
        long expectedLength = expectedShape.size() * expectedType.getNumOfBytes();
        if (length != expectedLength) {
            throw doesNotFit(file, "parameter " + parameter + " declares " + length + " bytes of data where shape "
                    + expectedShape + " takes " + expectedLength);
        }
        return length;
    }

    /** The bytes that begin the record of the parameter called {@code name}, up to its array's encoding version. */
    private static byte[] header(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeChar(PARAMETER_MARK);
            out.writeByte(PARAMETER_VERSION);
            out.writeUTF(name);
            out.writeUTF(ARRAY_MAGIC);
        } catch (IOException e) {
            throw new AssertionError("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads up to and including the next occurrence of {@code pattern}; false when the stream ends first. */
    private static boolean skipPast(InputStream in, byte[] pattern) throws IOException {
        byte[] window = new byte[pattern.length];
        int seen = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            System.arraycopy(window, 1, window, 0, window.length - 1);
            window[window.length - 1] = (byte) b;
            seen++;
            if (seen >= window.length && Arrays.equals(window, pattern)) {
                return true;
            }
        }
        return false;
    }

    private static CorruptWeightsException doesNotFit(Path file, String detail) {
        return new CorruptWeightsException(file + " does not fit the block: " + detail);
    }

    /** Counts the bytes read, so that messages can say where and sizes can be checked against what is left. */
    private static final class CountingStream extends FilterInputStream {
        private long position;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            position += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            position += Math.max(read, 0);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            position += skipped;
            return skipped;
        }
    }
}
