package io.fixate.samples.baseline;

import io.fixate.api.FrameWithAudio;

/**
 * How loud a frame's audio window is, in [0, 1]: its RMS level in dBFS mapped linearly from {@value #QUIET_DBFS} dBFS
 * (and below) to 0 up to {@value #LOUD_DBFS} dBFS (and above) to 1. Missing audio counts as silence.
 */
final class Loudness {

    /** About the noise floor of quiet room tone in a typical recording. */
    static final double QUIET_DBFS = -60;
    /** Loud, close speech or music. */
    static final double LOUD_DBFS = -10;

    private Loudness() {
    }

    static double of(FrameWithAudio input) {
        if (!input.audioPresent()) {
            return 0;
        }
        double rms = input.audio().rms();
        if (rms <= 0) {
            return 0;
        }
        double dbfs = 20 * Math.log10(rms);
        return Math.max(0, Math.min(1, (dbfs - QUIET_DBFS) / (LOUD_DBFS - QUIET_DBFS)));
    }
}
