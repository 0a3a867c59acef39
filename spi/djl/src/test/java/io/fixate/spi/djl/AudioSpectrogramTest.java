package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.AudioBlock;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.fixtures.NdManagerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class AudioSpectrogramTest {

    private static final int RATE = AudioSpectrogram.SAMPLE_RATE;

    private NDManager manager;

    @BeforeEach
    void openManager(NDManager opened) {
        manager = opened;
    }

    @Test
    void theReferenceWindowGives257By48() {
        NDArray spectrogram = new AudioSpectrogram().compute(manager, noise(8000, 1));
        assertEquals(new Shape(257, 48), spectrogram.getShape());
        assertEquals(DataType.FLOAT32, spectrogram.getDataType());
    }

    @Test
    void otherWindowLengthsFollowTheSegmentFormula() {
        assertEquals(48, AudioSpectrogram.segmentCount(8000));
        assertEquals(1, AudioSpectrogram.segmentCount(512));
        assertEquals(2, AudioSpectrogram.segmentCount(512 + 159));
        assertEquals(1, AudioSpectrogram.segmentCount(512 + 158));
        AudioSpectrogram longer = new AudioSpectrogram(16000);
        int expected = 1 + (16000 - 512) / 159;
        assertEquals(new Shape(257, expected), longer.outputShape());
        assertEquals(new Shape(257, expected), longer.compute(manager, noise(16000, 2)).getShape());
    }

    @Test
    void aPureToneFillsItsBinInEverySegment() {
        float[] tone = new float[8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        float[][] spectrogram = rows(new AudioSpectrogram().compute(manager, AudioBlock.ofMono(tone, RATE, 0)));
        int expectedBin = (int) Math.round(1000.0 * 512 / RATE);
        for (int t = 0; t < spectrogram[0].length; t++) {
            int peak = 0;
            for (int bin = 1; bin < spectrogram.length; bin++) {
                if (spectrogram[bin][t] > spectrogram[peak][t]) {
                    peak = bin;
                }
            }
            assertEquals(expectedBin, peak, "peak bin of segment " + t);
        }
    }

    @Test
    void theResultIsZScored() {
        float[] values = new AudioSpectrogram().compute(manager, noise(8000, 3)).toFloatArray();
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean);
        }
        assertEquals(0, mean, 1e-5);
        assertEquals(1, Math.sqrt(variance / values.length), 1e-4);
    }

    @Test
    void matchesAPlainDftOfTheSameDefinition() {
        AudioBlock audio = AudioBlock.ofMono(speechLike(8000), RATE, 0);
        float[][] actual = rows(new AudioSpectrogram().compute(manager, audio));
        double[][] expected = PlainSpectrogram.of(audio.copyInterleaved());
        for (int bin = 0; bin < 257; bin++) {
            for (int t = 0; t < 48; t++) {
                assertEquals(expected[bin][t], actual[bin][t], 1e-4, "bin " + bin + ", segment " + t);
            }
        }
    }

    @Test
    void samplesBeyondFullScaleAreClipped() {
        float[] loud = speechLike(8000);
        float[] clipped = loud.clone();
        for (int i = 0; i < loud.length; i += 7) {
            loud[i] *= 5;
            clipped[i] = Math.max(-1, Math.min(1, loud[i]));
        }
        AudioSpectrogram frontEnd = new AudioSpectrogram();
        float[] fromLoud = frontEnd.compute(manager, AudioBlock.ofMono(loud, RATE, 0)).toFloatArray();
        float[] fromClipped = frontEnd.compute(manager, AudioBlock.ofMono(clipped, RATE, 0)).toFloatArray();
        assertEquals(fromClipped.length, fromLoud.length);
        for (int i = 0; i < fromLoud.length; i++) {
            assertEquals(fromClipped[i], fromLoud[i], 1e-6);
        }
    }

    @Test
    void silenceStaysFinite() {
        float[] values = new AudioSpectrogram().compute(manager, AudioBlock.silence(8000, RATE, 1, 0)).toFloatArray();
        for (float v : values) {
            assertTrue(Float.isFinite(v), "non-finite value " + v);
        }
    }

    @Test
    void stereoIsAveragedToMono() {
        float[] mono = speechLike(8000);
        float[] stereo = new float[2 * mono.length];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i] + 0.25f;
            stereo[2 * i + 1] = mono[i] - 0.25f;
        }
        AudioSpectrogram frontEnd = new AudioSpectrogram();
        float[] fromMono = frontEnd.compute(manager, AudioBlock.ofMono(mono, RATE, 0)).toFloatArray();
        float[] fromStereo = frontEnd.compute(manager, AudioBlock.ofInterleaved(stereo, RATE, 2, 0)).toFloatArray();
        for (int i = 0; i < fromMono.length; i++) {
            assertEquals(fromMono[i], fromStereo[i], 1e-5);
        }
    }

    @Test
    void onlyTheResultIsLeftOnTheCallersManager() {
        try (NDManager caller = manager.newSubManager()) {
            NDArray spectrogram = new AudioSpectrogram().compute(caller, noise(8000, 4));
            assertSame(caller, spectrogram.getManager());
            assertEquals(1, caller.getManagedArrays().size());
        }
    }

    @Test
    void wrongRateOrLengthIsRefused() {
        AudioSpectrogram frontEnd = new AudioSpectrogram();
        assertThrows(UnsupportedMediaException.class,
                () -> frontEnd.compute(manager, AudioBlock.silence(8000, 44_100, 1, 0)));
        assertThrows(UnsupportedMediaException.class,
                () -> frontEnd.compute(manager, AudioBlock.silence(7999, RATE, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> new AudioSpectrogram(511));
    }

    private static AudioBlock noise(int samples, long seed) {
        Random random = new Random(seed);
        float[] values = new float[samples];
        for (int i = 0; i < samples; i++) {
            values[i] = (float) (0.3 * random.nextGaussian());
        }
        return AudioBlock.ofMono(values, RATE, 0);
    }

    /** A few harmonics with a drifting offset and some noise: non-zero mean per segment, energy in many bins. */
    private static float[] speechLike(int samples) {
        Random random = new Random(7);
        float[] values = new float[samples];
        for (int i = 0; i < samples; i++) {
            double time = (double) i / RATE;
            values[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * time) + 0.2 * Math.sin(2 * Math.PI * 660 * time)
                    + 0.1 * Math.sin(2 * Math.PI * 3100 * time) + 0.1 * time + 0.02 * random.nextGaussian());
        }
        return values;
    }

    private static float[][] rows(NDArray matrix) {
        int height = (int) matrix.getShape().get(0);
        int width = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[height][width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(flat, r * width, rows[r], 0, width);
        }
        return rows;
    }

    /**
     * The reference definition written out independently, in double precision with a direct DFT: scipy's periodic
     * Tukey(0.25) window of 512, hop 159, constant detrend, one-sided density PSD, log(P + 1e-7), z-score.
     */
    private static final class PlainSpectrogram {
        private static final int N = 512;
        private static final int HOP = 159;

        static double[][] of(float[] signal) {
            int segments = (signal.length - (N - HOP)) / HOP;
            double[] window = tukey();
            double windowEnergy = 0;
            for (double w : window) {
                windowEnergy += w * w;
            }
            double[][] logPower = new double[N / 2 + 1][segments];
            for (int t = 0; t < segments; t++) {
                double[] segment = new double[N];
                double mean = 0;
                for (int n = 0; n < N; n++) {
                    segment[n] = Math.max(-1, Math.min(1, signal[t * HOP + n]));
                    mean += segment[n] / N;
                }
                for (int k = 0; k <= N / 2; k++) {
                    double re = 0;
                    double im = 0;
                    for (int n = 0; n < N; n++) {
                        double x = (segment[n] - mean) * window[n];
                        re += x * Math.cos(2 * Math.PI * k * n / N);
                        im -= x * Math.sin(2 * Math.PI * k * n / N);
                    }
                    double power = (re * re + im * im) / (RATE * windowEnergy) * (k == 0 || k == N / 2 ? 1 : 2);
                    logPower[k][t] = Math.log(power + 1e-7);
                }
            }
            return zScore(logPower);
        }

        /** Symmetric Tukey of N + 1 points (taper width floor(0.25·N/2)), last point dropped. */
        private static double[] tukey() {
            double alpha = 0.25;
            int width = (int) (alpha * N / 2);
            double[] symmetric = new double[N + 1];
            for (int n = 0; n <= N; n++) {
                int fromEdge = Math.min(n, N - n);
                symmetric[n] = fromEdge > width ? 1
                        : 0.5 * (1 - Math.cos(Math.PI * fromEdge / (alpha * N / 2)));
            }
            double[] periodic = new double[N];
            System.arraycopy(symmetric, 0, periodic, 0, N);
            return periodic;
        }

        private static double[][] zScore(double[][] m) {
            double sum = 0;
            int count = 0;
            for (double[] row : m) {
                for (double v : row) {
                    sum += v;
                    count++;
                }
            }
            double mean = sum / count;
            double squares = 0;
            for (double[] row : m) {
                for (double v : row) {
                    squares += (v - mean) * (v - mean);
                }
            }
            double std = Math.sqrt(squares / count);
            double[][] z = new double[m.length][m[0].length];
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < m[r].length; c++) {
                    z[r][c] = (m[r][c] - mean) / (std + 1e-9);
                }
            }
            return z;
        }
    }
}
