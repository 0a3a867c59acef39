package io.fixate.codec;

import io.fixate.api.AudioRequirement;
import io.fixate.api.InvalidOptionsException;

import java.util.Objects;

/**
 * What to read from a media file: the audio window each frame gets, and the time range of frames to deliver.
 *
 * @param audio          the audio window built for every frame
 * @param startMicros    first instant of the range, in microseconds from the start of the media; 0 reads from the
 *                       beginning
 * @param durationMicros length of the range in microseconds; 0 or less reads to the end
 * @param tolerateDamage what to do when the file's data ends before its container says it should (a truncated
 *                       download or copy, an I/O error): false raises {@link io.fixate.api.TruncatedMediaException}
 *                       after the last frame that decoded, true ends the frames there with a warning
 */
public record ReadOptions(AudioRequirement audio, long startMicros, long durationMicros, boolean tolerateDamage) {

    /** The whole media with the reference model's audio window. */
    public static final ReadOptions DEFAULT = of(AudioRequirement.DEFAULT);

    /** @throws InvalidOptionsException if {@code startMicros} is negative */
    public ReadOptions {
        Objects.requireNonNull(audio, "audio");
        if (startMicros < 0) {
            throw new InvalidOptionsException("read start must not be negative, got " + startMicros + " us");
        }
    }

    /** A range of the media that refuses damaged files. */
    public ReadOptions(AudioRequirement audio, long startMicros, long durationMicros) {
        this(audio, startMicros, durationMicros, false);
    }

    /** The whole media, each frame with an audio window as {@code audio} describes. */
    public static ReadOptions of(AudioRequirement audio) {
        return new ReadOptions(audio, 0, 0);
    }

    /** These options starting at {@code newStartMicros}. */
    public ReadOptions from(long newStartMicros) {
        return new ReadOptions(audio, newStartMicros, durationMicros, tolerateDamage);
    }

    /** These options limited to {@code newDurationMicros} (0 or less: to the end). */
    public ReadOptions lasting(long newDurationMicros) {
        return new ReadOptions(audio, startMicros, newDurationMicros, tolerateDamage);
    }

    /** These options delivering what decodes of a damaged file, with a warning, instead of failing. */
    public ReadOptions toleratingDamage() {
        return new ReadOptions(audio, startMicros, durationMicros, true);
    }

    /** Whether the range stops before the end of the media. */
    public boolean isBounded() {
        return durationMicros > 0;
    }

    /** The first instant after the range, or {@link Long#MAX_VALUE} when it runs to the end. */
    public long endMicros() {
        if (!isBounded()) {
            return Long.MAX_VALUE;
        }
        long end = startMicros + durationMicros;
        return end < 0 ? Long.MAX_VALUE : end;
    }
}
