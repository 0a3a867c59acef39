package io.fixate.codec.internal;

/** An FFmpeg call failed: its negative return code and FFmpeg's words for it. */
public final class FfmpegError extends Exception {

    private final int code;

    /** @param action what was being done, e.g. "opening the file" */
    public FfmpegError(String action, int code) {
        super(action + " failed: " + Ffmpeg.describe(code));
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

    /** Returns {@code status} unless it is an error code. */
    static int check(int status, String action) throws FfmpegError {
        if (status < 0) {
            throw new FfmpegError(action, status);
        }
        return status;
    }
}
