package io.fixate.codec.internal;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/** Process-wide FFmpeg set-up and error text, shared by everything in the codec bridge that calls FFmpeg. */
public final class Ffmpeg {

    private static final int ERROR_TEXT_BYTES = 256;

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

    /** FFmpeg's description of a negative error code, e.g. "Invalid data found when processing input". */
    public static String describe(int errorCode) {
        try (BytePointer text = new BytePointer(ERROR_TEXT_BYTES)) {
            if (avutil.av_strerror(errorCode, text, ERROR_TEXT_BYTES) < 0) {
                return "FFmpeg error " + errorCode;
            }
            return text.getString();
        }
    }
}
