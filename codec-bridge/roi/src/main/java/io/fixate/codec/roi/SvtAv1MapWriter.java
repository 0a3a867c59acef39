package io.fixate.codec.roi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * SVT-AV1's {@code --roi-map-file}: one line {@code <picture number> <offset>...} per event, an offset in qindex units
 * per 64×64 block in raster order; an event holds until the next, so a line is written only when the map changes.
 */
final class SvtAv1MapWriter extends RoiFileWriter {

    private final OutputStream out;
    private int[] lastEvent;

    SvtAv1MapWriter(QpMapper mapper, Path target) throws IOException {
        super(mapper);
        this.out = stage(target);
    }

    @Override
    void writeFrame(QpOffsets frame) throws IOException {
        float[] offsets = frame.toArray();
        int[] event = new int[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            event[i] = RoiFormat.SVT_AV1.integerValue(offsets[i]);
        }
        if (Arrays.equals(event, lastEvent)) {
            return;
        }
        lastEvent = event;
        StringBuilder line = new StringBuilder(event.length * 4 + 12).append(frame.frameIndex());
        for (int value : event) {
            line.append(' ').append(value);
        }
        out.write(ascii(line.append('\n').toString()));
    }

    @Override
    void writeEnd() {
        // events need no terminator
    }
}
