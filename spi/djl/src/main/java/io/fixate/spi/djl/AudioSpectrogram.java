package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.AudioBlock;
import io.fixate.api.UnsupportedMediaException;

/**
 * The audio front end of the STANet family: a window of 16 kHz audio becomes a z-scored log power spectrogram of
 * 257 frequency bins × {@link #segmentCount(int) T} segments, as the reference computes it with
 * {@code scipy.signal.spectrogram(fs=16000, nperseg=512, noverlap=353)}: samples clipped to [-1, 1], segments of 512
 * with hop 159, each segment mean-detrended and weighted by a periodic Tukey(0.25) window, one-sided PSD with
 * "density" scaling, then {@code log(P + 1e-7)} and a z-score over the whole matrix (population std, + 1e-9).
 *
 * <p>The arithmetic runs on the caller's {@link NDManager} (and its device) in double precision; intermediate
 * arrays live in a sub-manager that is closed before returning, so only the result remains, owned by the caller's
 * manager. Instances are immutable and thread-safe.
 */
public final class AudioSpectrogram {

    /** The only sample rate the front end takes. */
    public static final int SAMPLE_RATE = 16_000;
    /** Samples per window in the reference: 0.5 s. */
    public static final int DEFAULT_WINDOW_SAMPLES = 8_000;
    /** Samples per segment, also the FFT length. */
    public static final int SEGMENT_SAMPLES = 512;
    /** Samples between segment starts (512 − 353 overlap). */
    public static final int HOP_SAMPLES = 159;
    /** Frequency bins of the one-sided spectrum. */
    public static final int FREQUENCY_BINS = SEGMENT_SAMPLES / 2 + 1;

    private static final double TUKEY_ALPHA = 0.25;
    private static final double LOG_FLOOR = 1e-7;
    private static final double STD_FLOOR = 1e-9;

    private static final double[] TAPER = periodicTukey(SEGMENT_SAMPLES, TUKEY_ALPHA);
    private static final double[] BIN_SCALE = densityScale(TAPER);

    private final int windowSamples;

    /** The reference front end, on windows of {@value #DEFAULT_WINDOW_SAMPLES} samples. */
    public AudioSpectrogram() {
        this(DEFAULT_WINDOW_SAMPLES);
    }

    /** A front end on windows of {@code windowSamples}, at least one segment long. */
    public AudioSpectrogram(int windowSamples) {
        if (windowSamples < SEGMENT_SAMPLES) {
            throw new IllegalArgumentException("a window needs at least " + SEGMENT_SAMPLES + " samples, got "
                    + windowSamples);
        }
        this.windowSamples = windowSamples;
    }

    /** Segments in a window of {@code windowSamples} (partial segments at the end are dropped, as in scipy). */
    public static int segmentCount(int windowSamples) {
        return 1 + (windowSamples - SEGMENT_SAMPLES) / HOP_SAMPLES;
    }

    public int windowSamples() {
        return windowSamples;
    }

    /** Shape of every result: (257, T). */
    public Shape outputShape() {
        return new Shape(FREQUENCY_BINS, segmentCount(windowSamples));
    }

    /**
     * The spectrogram of {@code audio}, a float32 array of {@link #outputShape()} owned by {@code manager}. Audio with
     * several channels is averaged to mono first, as the reference does.
     *
     * @throws UnsupportedMediaException when the audio is not at {@value #SAMPLE_RATE} Hz or not exactly one window
     *                                   long
     */
    public NDArray compute(NDManager manager, AudioBlock audio) {
        if (audio.sampleRate() != SAMPLE_RATE) {
            throw new UnsupportedMediaException("the audio front end takes " + SAMPLE_RATE + " Hz, got " + audio
                    + "; resample first");
        }
        if (audio.frameCount() != windowSamples) {
            throw new UnsupportedMediaException("the audio front end takes windows of " + windowSamples
                    + " samples, got " + audio);
        }
        float[] samples = audio.toMono().copyInterleaved();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray signal = scratch.create(samples).toType(DataType.FLOAT64, false).clip(-1, 1);
            NDArray segments = signal.take(segmentIndices(scratch));
            NDArray detrended = segments.sub(segments.mean(new int[] {1}, true));
            NDArray spectrum = detrended.mul(scratch.create(TAPER)).rfft(SEGMENT_SAMPLES, 1);
            // real() views each complex bin as a (re, im) pair in a last axis of 2
            NDArray power = spectrum.real().square().sum(new int[] {2}).mul(scratch.create(BIN_SCALE));
            NDArray logPower = power.add(LOG_FLOOR).log();
            NDArray centred = logPower.sub(logPower.mean());
            NDArray std = centred.square().mean().sqrt();
            NDArray result = centred.div(std.add(STD_FLOOR)).transpose().toType(DataType.FLOAT32, false);
            result.attach(manager);
            return result;
        }
    }

    /** Indices (T, 512) into the signal: row t is segment t. */
    private NDArray segmentIndices(NDManager manager) {
        int count = segmentCount(windowSamples);
        long[] indices = new long[count * SEGMENT_SAMPLES];
        for (int t = 0; t < count; t++) {
            for (int k = 0; k < SEGMENT_SAMPLES; k++) {
                indices[t * SEGMENT_SAMPLES + k] = (long) t * HOP_SAMPLES + k;
            }
        }
        return manager.create(indices, new Shape(count, SEGMENT_SAMPLES));
    }

    /**
     * scipy's periodic Tukey window: the symmetric window of length + 1 without its last point. Cosine tapers of
     * {@code floor(alpha·length/2) + 1} samples rise at the start and fall at the end; the middle is flat.
     */
    static double[] periodicTukey(int length, double alpha) {
        int span = length; // the symmetric window has length + 1 points, so length intervals
        int taperWidth = (int) Math.floor(alpha * span / 2);
        double[] window = new double[length];
        for (int n = 0; n < length; n++) {
            if (n <= taperWidth) {
                window[n] = 0.5 * (1 + Math.cos(Math.PI * (2.0 * n / (alpha * span) - 1)));
            } else if (n >= span - taperWidth) {
                window[n] = 0.5 * (1 + Math.cos(Math.PI * (2.0 * n / (alpha * span) - 2 / alpha + 1)));
            } else {
                window[n] = 1;
            }
        }
        return window;
    }

    /**
     * Per-bin factor of the one-sided "density" PSD: 1 / (fs · Σw²), doubled for every bin but DC and Nyquist,
     * whose energy has no mirror image.
     */
    private static double[] densityScale(double[] window) {
        double energy = 0;
        for (double w : window) {
            energy += w * w;
        }
        double[] scale = new double[window.length / 2 + 1];
        for (int bin = 0; bin < scale.length; bin++) {
            boolean unpaired = bin == 0 || bin == scale.length - 1;
            scale[bin] = (unpaired ? 1 : 2) / (SAMPLE_RATE * energy);
        }
        return scale;
    }
}
