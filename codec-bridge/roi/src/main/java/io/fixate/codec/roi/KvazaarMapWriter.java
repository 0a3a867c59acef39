package io.fixate.codec.roi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Kvazaar's {@code --roi} file, one ROI frame per video frame: the grid's width and height, then its ΔQP values in
 * raster order. Text puts the size on a line and one grid row per line; binary is int32 width, int32 height
 * (little-endian, as Kvazaar reads them on x86) and int8 values. Kvazaar scales the grid to the picture and loops at
 * the end of the file.
 */
final class KvazaarMapWriter extends RoiFileWriter {

    private final OutputStream out;
    private final boolean binary;

    KvazaarMapWriter(QpMapper mapper, Path target) throws IOException {
        super(mapper);
        this.binary = mapper.format() == RoiFormat.KVAZAAR_BINARY;
        this.out = stage(target);
    }

    @Override
    void writeFrame(QpOffsets frame) throws IOException {
        int columns = frame.columns();
        int rows = frame.rows();
        if (binary) {
            ByteBuffer bytes = ByteBuffer.allocate(2 * Integer.BYTES + columns * rows).order(ByteOrder.LITTLE_ENDIAN);
            bytes.putInt(columns).putInt(rows);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    bytes.put((byte) mapper.format().integerValue(frame.value(column, row)));
                }
            }
            out.write(bytes.array());
            return;
        }
        StringBuilder text = new StringBuilder(columns * rows * 4 + 16).append(columns).append(' ').append(rows);
        for (int row = 0; row < rows; row++) {
            text.append('\n');
            for (int column = 0; column < columns; column++) {
                text.append(column == 0 ? "" : " ").append(mapper.format().integerValue(frame.value(column, row)));
            }
        }
        out.write(ascii(text.append('\n').toString()));
    }

    @Override
    void writeEnd() {
        // frames follow each other with nothing around them
    }
}
