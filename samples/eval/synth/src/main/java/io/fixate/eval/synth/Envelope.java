package io.fixate.eval.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A loudness envelope in [0, 1] made of separate bursts: each burst rises in {@value #ATTACK_SECONDS} s, holds for
 * its length, then decays with time constant {@value #RELEASE_SECONDS} s. The same envelope gates the event's sound
 * and drives its size, which is what makes picture and sound pulse together.
 */
final class Envelope {

    static final double ATTACK_SECONDS = 0.01;
    static final double RELEASE_SECONDS = 0.05;
    /** Burst lengths and the silences between them; the silences outlast the release so each burst stands apart. */
    private static final double MIN_BURST = 0.12;
    private static final double MAX_BURST = 0.30;
    private static final double MIN_GAP = 0.30;
    private static final double MAX_GAP = 0.60;
    private static final double FIRST_ONSET_MAX = 0.35;
    private static final double MIN_OFFBEAT_SILENCE = 0.10;
    private static final double OFFBEAT_SHARE = 0.6;
    /** Step of the numeric window average, fine against the shortest burst. */
    private static final double AVERAGE_STEP = 0.002;

    private final double[] onsets;
    private final double[] lengths;

    private Envelope(double[] onsets, double[] lengths) {
        this.onsets = onsets;
        this.lengths = lengths;
    }

    /** Random bursts over a clip of {@code durationSeconds}, at least one, each starting inside the clip. */
    static Envelope random(SplittableRandom random, double durationSeconds) {
        List<double[]> bursts = new ArrayList<>();
        double onset = random.nextDouble(0.05, Math.min(FIRST_ONSET_MAX, durationSeconds / 2));
        do {
            double length = random.nextDouble(MIN_BURST, MAX_BURST);
            bursts.add(new double[]{onset, length});
            onset += length + random.nextDouble(MIN_GAP, MAX_GAP);
        } while (onset < durationSeconds - MIN_BURST);
        return of(bursts);
    }

    /**
     * An envelope that sounds only in this one's silences, for a silent twin: same rhythm, never the same timing. A
     * silence runs from a burst's end plus one release time constant to the next onset less two (so that the twin's
     * own release has died down when the beat returns), and likewise before the first and after the last burst; each
     * silence of at least {@value #MIN_OFFBEAT_SILENCE} s gets one burst over its middle {@value #OFFBEAT_SHARE}.
     */
    Envelope offbeat(double durationSeconds) {
        List<double[]> bursts = new ArrayList<>();
        double silenceStart = 0;
        for (int i = 0; i <= onsets.length; i++) {
            double silenceEnd = i < onsets.length ? onsets[i] - 2 * RELEASE_SECONDS : durationSeconds;
            double silence = silenceEnd - silenceStart;
            if (silence >= MIN_OFFBEAT_SILENCE) {
                bursts.add(new double[]{silenceStart + silence * (1 - OFFBEAT_SHARE) / 2, silence * OFFBEAT_SHARE});
            }
            if (i < onsets.length) {
                silenceStart = onsets[i] + lengths[i] + RELEASE_SECONDS;
            }
        }
        return of(bursts);
    }

    /**
     * The bursts of this envelope that start at {@code from} or later and have died down (three release time
     * constants, 5 %) by {@code to}: a stretch of sound that ends before something else happens.
     */
    Envelope between(double from, double to) {
        List<double[]> bursts = new ArrayList<>();
        for (int i = 0; i < onsets.length; i++) {
            if (onsets[i] >= from && onsets[i] + lengths[i] + 3 * RELEASE_SECONDS <= to) {
                bursts.add(new double[]{onsets[i], lengths[i]});
            }
        }
        return of(bursts);
    }

    /** The bursts of this envelope and of {@code other} together. */
    Envelope with(Envelope other) {
        double[] allOnsets = Arrays.copyOf(onsets, onsets.length + other.onsets.length);
        double[] allLengths = Arrays.copyOf(lengths, lengths.length + other.lengths.length);
        System.arraycopy(other.onsets, 0, allOnsets, onsets.length, other.onsets.length);
        System.arraycopy(other.lengths, 0, allLengths, lengths.length, other.lengths.length);
        return new Envelope(allOnsets, allLengths);
    }

    /** An envelope of the bursts {@code {onset, length}}. */
    private static Envelope of(List<double[]> bursts) {
        return new Envelope(bursts.stream().mapToDouble(b -> b[0]).toArray(),
                bursts.stream().mapToDouble(b -> b[1]).toArray());
    }

    /** The envelope at {@code seconds}. */
    double at(double seconds) {
        double value = 0;
        for (int i = 0; i < onsets.length; i++) {
            value = Math.max(value, burst(seconds - onsets[i], lengths[i]));
        }
        return value;
    }

    private static double burst(double sinceOnset, double length) {
        if (sinceOnset < 0) {
            return 0;
        }
        if (sinceOnset < ATTACK_SECONDS) {
            return sinceOnset / ATTACK_SECONDS;
        }
        if (sinceOnset < length) {
            return 1;
        }
        return Math.exp(-(sinceOnset - length) / RELEASE_SECONDS);
    }

    /**
     * Root mean square of the envelope over [{@code from}, {@code to}): the loudness a listener hears during a frame,
     * used for the size of the object in that frame.
     */
    double rms(double from, double to) {
        int steps = Math.max(1, (int) Math.round((to - from) / AVERAGE_STEP));
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double value = at(from + (i + 0.5) * (to - from) / steps);
            sum += value * value;
        }
        return Math.sqrt(sum / steps);
    }
}
