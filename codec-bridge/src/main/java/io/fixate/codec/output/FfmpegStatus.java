package io.fixate.codec.output;

import io.fixate.codec.internal.Ffmpeg;
import java.io.IOException;

/** Turns FFmpeg's negative return codes into exceptions with FFmpeg's own description. */
final class FfmpegStatus {

    private FfmpegStatus() {
    }

    /**
     * @param status an FFmpeg return value, negative on failure
     * @param action what was being done, for the message
     * @return {@code status} when it is not an error
     */
    static int check(int status, String action) throws IOException {
        if (status < 0) {
            throw new IOException(action + " failed: " + Ffmpeg.describe(status) + " (" + status + ")");
        }
        return status;
    }
}
