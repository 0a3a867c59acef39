package io.fixate.codec.internal;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Process-wide FFmpeg set-up and error text, shared by everything in the codec bridge that calls FFmpeg. */
public final class Ffmpeg {

    static {
        // FFmpeg writes informational chatter for every file to stderr; only real errors are worth showing a host.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** The time base of microseconds, made once: {@link #micros} runs for every packet and frame. */
    private static final AVRational MICROSECONDS = avutil.av_make_q(1, 1_000_000);

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

    /**
     * The file as FFmpeg must see it: with the file: protocol, so that a colon in the name is not read as another
     * protocol, and in the bytes the JVM itself uses for file names, so that FFmpeg opens the very file Java means.
     */
    public static BytePointer fileUrl(Path file) {
        Charset fileNames = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        return new BytePointer("file:" + file.toAbsolutePath(), fileNames);
    }

    /** {@code timestamp} in {@code timeBase} as microseconds; FFmpeg's "no time" marker stays as it is. */
    public static long micros(long timestamp, AVRational timeBase) {
        if (timestamp == avutil.AV_NOPTS_VALUE) {
            return timestamp;
        }
        return avutil.av_rescale_q(timestamp, timeBase, MICROSECONDS);
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
