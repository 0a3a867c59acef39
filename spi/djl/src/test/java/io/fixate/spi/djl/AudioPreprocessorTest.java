package io.fixate.spi.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.AudioBlock;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class AudioPreprocessorTest {

    private static final int RATE = 16_000;

    @Test
    void aSpectrogramEncoderGetsEachWindowsSpectrogramInBatchOrder(NDManager manager) {
        AudioPreprocessor compact = new AudioPreprocessor(Encoders.audio(Encoders.COMPACT));
        List<AudioBlock> windows = List.of(noise(8_000, 1, 1), noise(8_000, 1, 2));

        NDArray batch = compact.batch(manager, windows);

        assertEquals(new Shape(2, 1, 257, 48), batch.getShape());
        assertEquals(compact.batchShape(2), batch.getShape());
        for (int i = 0; i < windows.size(); i++) {
            assertArrayEquals(new AudioSpectrogram().compute(manager, windows.get(i)).toFloatArray(),
                    batch.get(i).toFloatArray(), "entry " + i);
        }
    }

    @Test
    void aWaveformEncoderGetsEachWindowsSamplesMixedToMono(NDManager manager) {
        AudioPreprocessor yamnet = new AudioPreprocessor(Encoders.audio(YamNet.NAME));
        AudioBlock mono = noise(15_600, 1, 3);
        AudioBlock stereo = noise(15_600, 2, 4);

        NDArray batch = yamnet.batch(manager, List.of(mono, stereo));

        assertEquals(YamNet.REQUIREMENT, yamnet.requirement());
        assertEquals(new Shape(2, 15_600), batch.getShape());
        assertEquals(yamnet.batchShape(2), batch.getShape());
        assertArrayEquals(mono.copyInterleaved(), batch.get(0).toFloatArray());
        assertArrayEquals(stereo.toMono().copyInterleaved(), batch.get(1).toFloatArray());
    }

    @Test
    void aWindowOfAnotherLengthOrRateIsRefused(NDManager manager) {
        AudioPreprocessor yamnet = new AudioPreprocessor(Encoders.audio(YamNet.NAME));

        UnsupportedMediaException halfSecond = assertThrows(UnsupportedMediaException.class,
                () -> yamnet.batch(manager, List.of(noise(8_000, 1, 5))));
        assertTrue(halfSecond.getMessage().contains("15600"), halfSecond.getMessage());
        assertThrows(UnsupportedMediaException.class, () -> yamnet.batch(manager,
                List.of(AudioBlock.silence(15_600, 44_100, 1, 0))));
        assertThrows(UnsupportedMediaException.class, () -> new AudioPreprocessor(Encoders.audio(Encoders.COMPACT))
                .batch(manager, List.of(noise(15_600, 1, 6))));
    }

    private static AudioBlock noise(int frames, int channels, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[frames * channels];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (random.nextGaussian() * 0.1);
        }
        return AudioBlock.ofInterleaved(samples, RATE, channels, 0);
    }
}
