package io.fixate.cli.option;

import io.fixate.codec.output.VideoEncoding;

/** The codec of a heatmap video: {@code --heatmap-codec} of {@code predict} and {@code bench-predict}. */
public enum HeatmapCodec {
    /** MPEG-4 part 2: the fastest to encode at equal quality; not played by web browsers. */
    MPEG4(VideoEncoding.fastest()),
    /** H.264 (OpenH264 in the bundled FFmpeg): plays everywhere, three times the encoding time at 1080p. */
    H264(VideoEncoding.h264());

    private final VideoEncoding encoding;

    HeatmapCodec(VideoEncoding encoding) {
        this.encoding = encoding;
    }

    public VideoEncoding encoding() {
        return encoding;
    }
}
