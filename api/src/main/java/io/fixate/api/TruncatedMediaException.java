package io.fixate.api;

/**
 * The media's data ends before its container says it should (a truncated download or copy, or an I/O error part-way):
 * frames were decoded up to {@link #lastGoodMicros()}, the container declares {@link #declaredEndMicros()}. It carries
 * counts, not the decoded frames, so memory stays bounded; a reader that is told to keep going past damage delivers
 * the decoded frames and a warning instead of this exception.
 */
public class TruncatedMediaException extends CorruptMediaException {
    private static final long serialVersionUID = 1L;

    private final long framesDecoded;
    private final long lastGoodMicros;
    private final long declaredEndMicros;

    /**
     * @param message           names the file and the times, in one line
     * @param framesDecoded     frames decoded before the data ended
     * @param lastGoodMicros    end of the last frame that decoded, in microseconds from the start of the media
     * @param declaredEndMicros where the container says the media ends
     */
    public TruncatedMediaException(String message, long framesDecoded, long lastGoodMicros, long declaredEndMicros) {
        super(message);
        this.framesDecoded = framesDecoded;
        this.lastGoodMicros = lastGoodMicros;
        this.declaredEndMicros = declaredEndMicros;
    }

    /** How many frames were decoded before the data ended. */
    public long framesDecoded() {
        return framesDecoded;
    }

    /** The end of the last frame that decoded, in microseconds from the start of the media. */
    public long lastGoodMicros() {
        return lastGoodMicros;
    }

    /** Where the container declares the media ends, in microseconds from its start. */
    public long declaredEndMicros() {
        return declaredEndMicros;
    }
}
