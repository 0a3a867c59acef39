package io.fixate.cli.option;

import io.fixate.api.InvalidOptionsException;
import io.fixate.codec.output.VideoEncoding;
import picocli.CommandLine.Option;

/** The encoder and bit rate of an encode with regions of interest; shared by {@code encode} and {@code bench-roi}. */
public final class EncodeOptions {

    @Option(names = "--bitrate", paramLabel = "B", required = true,
            description = "Video bit rate, in bits per second, or with k or M (e.g. 800k, 2M).")
    String bitrate;

    @Option(names = "--codec", paramLabel = "vp9|x264|x265", defaultValue = "vp9",
            description = "Encoder. Default: ${DEFAULT-VALUE}.")
    String codec;

    /** The bit rate as given, e.g. {@code 800k}. */
    public String bitrate() {
        return bitrate;
    }

    /**
     * @throws InvalidOptionsException if the bit rate does not parse or the codec would ignore regions or is not in
     *                                 this FFmpeg build
     */
    public VideoEncoding encoding() {
        return VideoEncoding.withRegions(codec, bitsPerSecond(bitrate));
    }

    /** Parses {@code 800000}, {@code 800k} or {@code 2M}. */
    static long bitsPerSecond(String text) {
        String value = text.trim();
        long scale = 1;
        if (value.endsWith("k") || value.endsWith("K")) {
            scale = 1_000;
        } else if (value.endsWith("M") || value.endsWith("m")) {
            scale = 1_000_000;
        }
        try {
            double number = Double.parseDouble(scale == 1 ? value : value.substring(0, value.length() - 1));
            if (number > 0 && number * scale <= 1e10) {
                return Math.round(number * scale);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionsException("--bitrate must be a positive number of bits per second, such as 800000, "
                + "800k or 2M, got '" + text + "'");
    }
}
