package io.fixate.eval.synth;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sound building blocks: spectra, signatures, envelopes. */
class SoundTest {

    private static final int RATE = 16_000;

    @Test
    void aPureToneHasItsCentroidAtItsPitch() {
        Spectrogram tone = spectrogram(new SoundSignature.HarmonicTone(1000, 1, 0).render(RATE, RATE,
                new SplittableRandom(1)));
        assertEquals(1000, tone.centroidHz(), 20);
        int peak = 0;
        for (int k = 1; k < tone.bins(); k++) {
            if (tone.power(3, k) > tone.power(3, peak)) {
                peak = k;
            }
        }
        assertEquals(1000, tone.binHz(peak), RATE / 512.0);
    }

    @Test
    void aNoiseBandKeepsItsEnergyInTheBand() {
        Spectrogram rain = spectrogram(new SoundSignature.NoiseBand(2500, 6000).render(RATE, RATE,
                new SplittableRandom(1)));
        double inBand = 0;
        double total = 0;
        for (int t = 0; t < rain.frames(); t++) {
            for (int k = 0; k < rain.bins(); k++) {
                total += rain.power(t, k);
                inBand += rain.binHz(k) >= 2000 && rain.binHz(k) <= 7000 ? rain.power(t, k) : 0;
            }
        }
        assertTrue(inBand / total > 0.9, "share in band " + inBand / total);
    }

    @Test
    void everyBuiltInSignatureDiffersFromBothIrrelevantSounds() {
        for (IrrelevantAudio kind : IrrelevantAudio.values()) {
            double[] irrelevant = Stats.meanMagnitudes(spectrogram(kind.render(4 * RATE, RATE,
                    new SplittableRandom(3))));
            for (Category category : Category.BUILT_IN) {
                double[] own = Stats.meanMagnitudes(spectrogram(category.sound().render(4 * RATE, RATE,
                        new SplittableRandom(5))));
                double[] again = Stats.meanMagnitudes(spectrogram(category.sound().render(4 * RATE, RATE,
                        new SplittableRandom(6))));
                double similarity = Stats.cosine(irrelevant, own);
                assertTrue(Stats.cosine(own, again) > 0.95, category.name() + " is not stable");
                assertTrue(similarity < 0.85, kind + " resembles " + category.name() + ": " + similarity);
            }
        }
    }

    @Test
    void theOffbeatEnvelopeIsSilentWhileTheBeatHolds() {
        for (long seed = 0; seed < 20; seed++) {
            Envelope beat = Envelope.random(new SplittableRandom(seed), 4);
            Envelope offbeat = beat.offbeat(4);
            double offbeatTotal = 0;
            for (double t = 0; t < 4; t += 0.001) {
                if (beat.at(t) == 1) {
                    assertEquals(0, offbeat.at(t), 0.1, "seed " + seed + " at " + t);
                }
                offbeatTotal += offbeat.at(t);
            }
            assertTrue(offbeatTotal > 100, "the offbeat envelope sounds for a while: seed " + seed);
        }
    }

    @Test
    void envelopeBurstsStartInsideTheClipAndStayWithinUnitRange() {
        Envelope envelope = Envelope.random(new SplittableRandom(4), 1);
        double max = 0;
        for (double t = -0.1; t < 1.2; t += 0.001) {
            double value = envelope.at(t);
            assertTrue(value >= 0 && value <= 1);
            max = Math.max(max, value);
        }
        assertEquals(1, max, 1e-9);
        assertEquals(0, envelope.at(0), 1e-9);
    }

    private static Spectrogram spectrogram(double[] signal) {
        float[] samples = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            samples[i] = (float) signal[i];
        }
        return Spectrogram.of(samples, RATE, 512, 256);
    }
}
