package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import io.fixate.api.InvalidOptionsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the video stream of a {@link VideoFileWriter} is encoded: the FFmpeg encoders to try, in order, the bit rate,
 * the encoder's own options, and whether and how it reads region-of-interest side data.
 *
 * @param encoders       FFmpeg encoder names in order of preference; the first this build has and can open is used
 * @param bitRate        target bits per second; 0 = proportional to the picture size and frame rate
 * @param options        the encoder's private options (as {@code ffmpeg -deadline realtime} sets them)
 * @param keyframeEvery  largest distance between key frames, in seconds; 0 = the encoder's default
 * @param roiQpRange     the QP steps (of H.264/HEVC) that an {@code AVRegionOfInterest} qoffset of 1 stands for in
 *                       this encoder; 0 when the encoding attaches no regions
 */
public record VideoEncoding(List<String> encoders, long bitRate, Map<String, String> options, double keyframeEvery,
                            double roiQpRange) {

    /** libvpx's largest segment delta-q, which FFmpeg scales a qoffset of 1 to, in qindex units. */
    private static final double VP9_MAX_DELTA_Q = 63;
    /** About 4 qindex per H.26x QP step (VP9's and AV1's quantiser tables). */
    private static final double QINDEX_PER_QP = 4;
    /** x264's and x265's QP range for 8-bit video, which they scale a qoffset of 1 to. */
    private static final double H26X_QP_RANGE = 51;
    private static final double KEYFRAME_SECONDS = 5;

    public VideoEncoding {
        encoders = List.copyOf(encoders);
        options = Map.copyOf(options);
        if (encoders.isEmpty() || bitRate < 0 || !(keyframeEvery >= 0) || !(roiQpRange >= 0)) {
            throw new IllegalArgumentException("bad video encoding " + encoders + " at " + bitRate + " b/s");
        }
    }

    /**
     * H.264 where the build has it (OpenH264 in the bundled LGPL build), MPEG-4 part 2 otherwise, at a bit rate
     * proportional to the picture; no regions. H.264 plays everywhere, browsers included.
     */
    public static VideoEncoding h264() {
        return new VideoEncoding(List.of("libx264", "libopenh264", "mpeg4"), 0, Map.of(), 0, 0);
    }

    /**
     * MPEG-4 part 2 at the same bit rate as {@link #h264()}: on a 1080p clip it encoded in 13 ms a frame on one core
     * against OpenH264's 44 ms on two, at 46.1 against 45.8 dB PSNR (docs/performance.md). It plays in VLC, FFmpeg,
     * QuickTime and most editors, not in web browsers.
     */
    public static VideoEncoding fastest() {
        return new VideoEncoding(List.of("mpeg4"), 0, Map.of(), 0, 0);
    }

    /**
     * An encoding that spends bits by the regions attached to each frame, at a constant {@code bitRate} so that an
     * encode with regions and one without can be compared at equal size.
     * <ul>
     *   <li>{@code vp9}: libvpx-vp9, in the bundled build. It reads regions only in real-time mode with
     *       {@code cpu-used} ≥ 5 and adaptive quantisation off, so those are set; up to 8 segments.</li>
     *   <li>{@code x264}, {@code x265}: libx264/libx265 with their adaptive quantisation on (they ignore regions
     *       without it); only in a GPL build of FFmpeg, which Fixate does not bundle.</li>
     * </ul>
     *
     * @throws InvalidOptionsException if the codec is none of these, would ignore regions (OpenH264, MPEG-4), or is
     *                                 not in this FFmpeg build
     */
    public static VideoEncoding withRegions(String codec, long bitRate) {
        if (bitRate <= 0) {
            throw new InvalidOptionsException("the bit rate must be positive, got " + bitRate);
        }
        VideoEncoding encoding = switch (codec.toLowerCase(Locale.ROOT)) {
            case "vp9" -> new VideoEncoding(List.of("libvpx-vp9"), bitRate,
                    Map.of("deadline", "realtime", "cpu-used", "5", "aq-mode", "0", "lag-in-frames", "0"),
                    KEYFRAME_SECONDS,
                    VP9_MAX_DELTA_Q / QINDEX_PER_QP);
            case "x264" -> new VideoEncoding(List.of("libx264"), bitRate, Map.of("aq-mode", "1"), KEYFRAME_SECONDS,
                    H26X_QP_RANGE);
            case "x265" -> new VideoEncoding(List.of("libx265"), bitRate, Map.of(), KEYFRAME_SECONDS, H26X_QP_RANGE);
            case "h264", "openh264", "mpeg4" -> throw new InvalidOptionsException(codec + " ignores region-of-"
                    + "interest side data, so the encode would be done without it: use vp9 (or x264/x265 with a GPL "
                    + "build of FFmpeg)");
            default -> throw new InvalidOptionsException("unknown codec '" + codec + "' for a region-of-interest "
                    + "encode: use vp9, x264 or x265");
        };
        String name = encoding.encoders().get(0);
        var found = avcodec_find_encoder_by_name(name);
        if (found == null || found.isNull()) {
            throw new InvalidOptionsException("this FFmpeg build has no " + name + " encoder: the FFmpeg Fixate "
                    + "bundles is the LGPL build (vp9 works with it); " + name + " needs a GPL build of FFmpeg");
        }
        return encoding;
    }

    /** Whether frames carry their regions to the encoder. */
    public boolean readsRegions() {
        return roiQpRange > 0;
    }
}
