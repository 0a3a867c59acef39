package io.fixate.codec.roi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a video's QP offsets, frame by frame, in one {@link RoiFormat}. Files appear whole or not at all:
 * {@link #close()} completes and commits them, {@link #abort()} or a failed write drops them, and an existing file at
 * the target stays as it was until the commit.
 */
public interface RoiWriter extends AutoCloseable {

    /**
     * A writer for the frames of {@code mapper}, in its format, to {@code target}. The formats with binary arrays
     * (x264, x265, nvenc) also write their JSON index to {@code target} + {@code ".json"}.
     *
     * @throws IOException if the target's directory cannot be written
     */
    static RoiWriter open(QpMapper mapper, Path target) throws IOException {
        return switch (mapper.format()) {
            case SVT_AV1 -> new SvtAv1MapWriter(mapper, target);
            case X264, X265, NVENC -> new OffsetArrayWriter(mapper, target);
            case KVAZAAR, KVAZAAR_BINARY -> new KvazaarMapWriter(mapper, target);
            case FFMPEG_ROI, GSTREAMER_ROI -> new RegionJsonWriter(mapper, target);
            case JSON -> new OffsetJsonWriter(mapper, target);
        };
    }

    /**
     * Writes the next frame, which must come from the mapper this writer was opened for.
     *
     * @throws IOException if writing fails; the files are then dropped
     */
    void write(QpOffsets frame) throws IOException;

    /** Completes the files and moves them onto their targets. */
    @Override
    void close() throws IOException;

    /** Drops the files; nothing appears at the targets. */
    void abort() throws IOException;
}
