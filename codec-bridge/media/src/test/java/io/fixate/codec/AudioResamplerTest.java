package io.fixate.codec;

import io.fixate.api.AudioBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioResamplerTest {

    /** {@code seconds} of a sine per channel (amplitude per channel), cut into 10 ms blocks starting at {@code t0}. */
    static List<AudioBlock> sine(double hz, int rate, float[] amplitudes, double seconds, long t0) {
        int channels = amplitudes.length;
        int total = (int) Math.round(seconds * rate);
        int blockFrames = rate / 100;
        List<AudioBlock> blocks = new ArrayList<>();
        for (int first = 0; first < total; first += blockFrames) {
            int frames = Math.min(blockFrames, total - first);
            float[] samples = new float[frames * channels];
            for (int f = 0; f < frames; f++) {
                double phase = 2 * Math.PI * hz * (first + f) / rate;
                for (int c = 0; c < channels; c++) {
                    samples[f * channels + c] = (float) (amplitudes[c] * Math.sin(phase));
                }
            }
            blocks.add(AudioBlock.ofInterleaved(samples, rate, channels, t0 + first * 1_000_000L / rate));
        }
        return blocks;
    }

    /** Everything the resampler gives for {@code input}, drained, as one block. */
    private static AudioBlock resampleAll(AudioResampler resampler, List<AudioBlock> input) {
        List<AudioBlock> output = new ArrayList<>();
        for (AudioBlock block : input) {
            output.add(resampler.process(block));
        }
        output.add(resampler.drain());
        AudioBlock first = output.get(0);
        int channels = first.channels();
        float[] all = new float[output.stream().mapToInt(b -> b.frameCount() * channels).sum()];
        int at = 0;
        long expectedTime = first.timestampMicros();
        long produced = 0;
        for (AudioBlock block : output) {
            assertEquals(expectedTime + Math.round(produced * 1e6 / first.sampleRate()), block.timestampMicros(), 1,
                    "output timestamps run on continuously");
            produced += block.frameCount();
            float[] samples = block.copyInterleaved();
            System.arraycopy(samples, 0, all, at, samples.length);
            at += samples.length;
        }
        return AudioBlock.ofInterleaved(all, first.sampleRate(), channels, first.timestampMicros());
    }

    @Test
    void downsamplingStereoToMonoKeepsFrequencyAndLevel() {
        try (AudioResampler resampler = new AudioResampler(48_000, 2, 16_000, 1)) {
            AudioBlock out = resampleAll(resampler, sine(1_000, 48_000, new float[] {0.5f, 0.5f}, 1.0, 250_000));
            assertEquals(16_000, out.sampleRate());
            assertEquals(1, out.channels());
            assertEquals(250_000, out.timestampMicros());
            assertEquals(16_000, out.frameCount(), 2);
            // 1 kHz crosses zero 2000 times a second; count over the middle half second.
            assertEquals(1_000, Signals.zeroCrossings(out, 4_000, 12_000), 2);
            assertEquals(0.5 / Math.sqrt(2), Signals.rms(out, 4_000, 12_000), 0.005);
        }
    }

    @Test
    void upsamplingKeepsFrequency() {
        try (AudioResampler resampler = new AudioResampler(44_100, 1, 48_000, 1)) {
            AudioBlock out = resampleAll(resampler, sine(440, 44_100, new float[] {0.8f}, 0.5, 0));
            assertEquals(24_000, out.frameCount(), 2);
            assertEquals(440 * 2 * 0.25, Signals.zeroCrossings(out, 6_000, 18_000), 2);
        }
    }

    @Test
    void mixingToMonoAveragesTheChannels() {
        try (AudioResampler resampler = new AudioResampler(16_000, 2, 16_000, 1)) {
            AudioBlock out = resampleAll(resampler, sine(500, 16_000, new float[] {0.5f, 0}, 0.5, 0));
            assertEquals(0.25 / Math.sqrt(2), Signals.rms(out, 2_000, 6_000), 0.002);
        }
    }

    @Test
    void outputIsAlignedWithInput() {
        // 100 ms of silence, then a tone: the tone must start 100 ms into the output as well.
        List<AudioBlock> input = new ArrayList<>();
        input.add(AudioBlock.silence(4_410, 44_100, 2, 0));
        input.addAll(sine(1_000, 44_100, new float[] {0.5f, 0.5f}, 0.3, 100_000));
        try (AudioResampler resampler = new AudioResampler(44_100, 2, 16_000, 1)) {
            AudioBlock out = resampleAll(resampler, input);
            int onset = 0;
            while (Math.abs(out.sample(onset, 0)) < 0.05) {
                onset++;
            }
            assertEquals(1_600, onset, 8, "tone onset in output samples");
        }
    }

    @Test
    void rejectsBlocksInAnotherFormat() {
        try (AudioResampler resampler = new AudioResampler(48_000, 2, 16_000, 1)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> resampler.process(AudioBlock.silence(10, 44_100, 2, 0)));
            assertTrue(error.getMessage().contains("44100"), error.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> resampler.process(AudioBlock.silence(10, 48_000, 1, 0)));
        }
    }

    @Test
    void refusesWorkAfterDrainOrClose() {
        AudioResampler resampler = new AudioResampler(8_000, 1, 16_000, 1);
        resampler.drain();
        assertThrows(IllegalStateException.class, () -> resampler.process(AudioBlock.silence(10, 8_000, 1, 0)));
        resampler.close();
        resampler.close();
        assertThrows(IllegalStateException.class, resampler::drain);
    }

    @Test
    void rejectsNonPositiveFormats() {
        assertThrows(IllegalArgumentException.class, () -> new AudioResampler(0, 1, 16_000, 1));
        assertThrows(IllegalArgumentException.class, () -> new AudioResampler(16_000, 1, 16_000, 0));
    }
}
