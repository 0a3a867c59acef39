package io.fixate.codec;

import io.fixate.codec.internal.Ffmpeg;

/**
 * FFmpeg's own messages on stderr. The codec bridge lets FFmpeg print errors only (no per-file chatter); tools that
 * report every failure themselves, such as the {@code fixate} command line, can silence it completely.
 */
public final class FfmpegLog {

    private FfmpegLog() {
    }

    /** @param print whether FFmpeg may print its error lines to stderr (the default) */
    public static void printErrors(boolean print) {
        Ffmpeg.printErrors(print);
    }
}
