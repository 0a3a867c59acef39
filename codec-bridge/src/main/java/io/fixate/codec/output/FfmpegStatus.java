package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
            throw new IOException(action + " failed: " + describe(status));
        }
        return status;
    }

    static String describe(int status) {
        byte[] text = new byte[AV_ERROR_MAX_STRING_SIZE];
        if (av_strerror(status, text, text.length) < 0) {
            return "FFmpeg error " + status;
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8) + " (" + status + ")";
    }
}
