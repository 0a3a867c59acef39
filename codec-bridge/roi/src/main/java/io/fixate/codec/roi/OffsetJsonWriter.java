package io.fixate.codec.roi;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/** Fixate's own JSON: per frame, its number, timestamp and offsets in QP steps in raster order. */
final class OffsetJsonWriter extends RoiFileWriter {

    private final OutputStream out;
    private boolean first = true;

    OffsetJsonWriter(QpMapper mapper, Path target) throws IOException {
        super(mapper);
        this.out = stage(target);
        out.write(ascii(headerMembers("qp") + "\"frames\":["));
    }

    @Override
    void writeFrame(QpOffsets frame) throws IOException {
        StringBuilder json = new StringBuilder(first ? "\n" : ",\n").append("{\"frame\":").append(frame.frameIndex())
                .append(",\"timestampMicros\":").append(frame.timestampMicros()).append(",\"offsets\":[");
        first = false;
        float[] offsets = frame.toArray();
        for (int i = 0; i < offsets.length; i++) {
            json.append(i == 0 ? "" : ",").append(number(offsets[i]));
        }
        out.write(ascii(json.append("]}").toString()));
    }

    /** A number as JSON writes it: at most 4 decimals, no exponent, no trailing zeros. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    @Override
    void writeEnd() throws IOException {
        out.write(ascii("\n]}\n"));
    }
}
