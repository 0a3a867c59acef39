package io.fixate.codec.internal;

import java.io.IOException;

/**
 * An FFmpeg call failed: its negative return code and FFmpeg's words for it. One type for reading and writing media;
 * an {@link IOException}, since FFmpeg's failures are failures of the file it reads or writes.
 */
public final class FfmpegError extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /** @param action what was being done, e.g. "opening the file" */
    public FfmpegError(String action, int code) {
        super(action + " failed: " + Ffmpeg.describe(code) + " (" + code + ")");
        this.code = code;
    }

    /** FFmpeg's negative error code, e.g. {@code AVERROR_INVALIDDATA}. */
    public int code() {
        return code;
    }

    /** FFmpeg's words for the code alone, e.g. "Invalid data found when processing input". */
    public String reason() {
        return Ffmpeg.describe(code);
    }

    /**
     * @param status an FFmpeg return value, negative on failure
     * @param action what was being done, for the message
     * @return {@code status} when it is not an error
     * @throws FfmpegError when it is
     */
    public static int check(int status, String action) throws FfmpegError {
        if (status < 0) {
            throw new FfmpegError(action, status);
        }
        return status;
    }
}
