package io.fixate.codec.roi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The arrays encoder APIs take per picture, back to back in one raw file: little-endian float32 QP offsets for x264
 * ({@code quant_offsets}) and x265 ({@code quantOffsets}), int8 ΔQP for NVENC ({@code qpDeltaMap}). A JSON index
 * beside it ({@code <file>.json}) gives the grid and, per frame, its number, timestamp and byte offset.
 */
final class OffsetArrayWriter extends RoiFileWriter {

    private final OutputStream raw;
    private final OutputStream index;
    private final boolean floats;
    private final ByteBuffer frameBytes;
    private long written;
    private boolean first = true;

    OffsetArrayWriter(QpMapper mapper, Path target) throws IOException {
        super(mapper);
        this.floats = mapper.format() != RoiFormat.NVENC;
        int blocks = mapper.columns() * mapper.rows();
        this.frameBytes = ByteBuffer.allocate(floats ? blocks * Float.BYTES : blocks).order(ByteOrder.LITTLE_ENDIAN);
        this.raw = stage(target);
        this.index = stage(target.resolveSibling(target.getFileName() + ".json"));
        index.write(ascii(headerMembers(floats ? "qp" : "qp-integer") + "\"valueType\":\""
                + (floats ? "float32le" : "int8") + "\",\"frameBytes\":" + frameBytes.capacity() + ",\"data\":\""
                + target.getFileName() + "\",\"frames\":["));
    }

    @Override
    void writeFrame(QpOffsets frame) throws IOException {
        frameBytes.clear();
        for (int row = 0; row < frame.rows(); row++) {
            for (int column = 0; column < frame.columns(); column++) {
                float qp = frame.value(column, row);
                if (floats) {
                    frameBytes.putFloat(qp);
                } else {
                    frameBytes.put((byte) RoiFormat.NVENC.integerValue(qp));
                }
            }
        }
        raw.write(frameBytes.array(), 0, frameBytes.position());
        index.write(ascii((first ? "" : ",") + "\n{\"frame\":" + frame.frameIndex() + ",\"timestampMicros\":"
                + frame.timestampMicros() + ",\"byteOffset\":" + written + "}"));
        first = false;
        written += frameBytes.position();
    }

    @Override
    void writeEnd() throws IOException {
        index.write(ascii("\n]}\n"));
    }
}
