package io.fixate.codec.internal;

import org.bytedeco.ffmpeg.global.avutil;

import java.nio.charset.StandardCharsets;

/** Process-wide FFmpeg set-up and error text, shared by everything in the codec bridge that calls FFmpeg. */
public final class Ffmpeg {

    static {
        // FFmpeg writes informational chatter for every file to stderr; only real errors are worth showing a host.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private Ffmpeg() {
    }

    /** Loads FFmpeg's libraries, if not yet done, and quietens its logging. Cheap after the first call. */
    public static void ensureLoaded() {
        // The static initialiser does the work once; this method gives callers a name to trigger it by.
    }

    /** Whether FFmpeg may print its own error lines to stderr (it may by default); information is never printed. */
    public static void printErrors(boolean print) {
        avutil.av_log_set_level(print ? avutil.AV_LOG_ERROR : avutil.AV_LOG_QUIET);
    }

    /** FFmpeg's description of a negative error code, e.g. "Invalid data found when processing input". */
    public static String describe(int errorCode) {
        byte[] text = new byte[avutil.AV_ERROR_MAX_STRING_SIZE];
        if (avutil.av_strerror(errorCode, text, text.length) < 0) {
            return "FFmpeg error " + errorCode;
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }
}
