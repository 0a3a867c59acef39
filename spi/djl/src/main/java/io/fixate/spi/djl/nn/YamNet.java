package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.fixate.api.AudioRequirement;

/**
 * YAMNet (TensorFlow Models, AudioSet): the log-mel front end as YAMNet defines it, then MobileNetV1 on one 96 × 64
 * patch with batch norm folded into the convolutions. The block takes 0.975 s of raw 16 kHz mono samples (15600,
 * not weighted) and returns the 1024-d embedding, the mean of the last feature map.
 *
 * <p>Front end: frames of 25 ms (400 samples) every 10 ms (160), a periodic Hann window, the magnitude of a 512-point
 * DFT (257 bins), 64 mel bands from 125 to 7500 Hz (TensorFlow's {@code linear_to_mel_weight_matrix}, HTK mel
 * scale), then {@code log(mel + 0.001)}: 96 frames × 64 bands, laid out (B, 1, 96, 64).
 */
public final class YamNet {

    /** Registry name. */
    public static final String NAME = "yamnet";
    /** AudioSet classes of the classifier. */
    public static final int CLASSES = 521;
    /** Length of the embedding. */
    public static final int EMBEDDING_SIZE = 1024;
    /** The window YAMNet reads: 0.975 s of 16 kHz mono, 15600 samples as recorded. */
    public static final AudioRequirement REQUIREMENT = AudioRequirement.rawSamples(16_000, 975_000);

    private static final int SAMPLE_RATE = 16_000;
    private static final int FRAME = 400;
    private static final int HOP = 160;
    private static final int FFT = 512;
    private static final int BINS = FFT / 2 + 1;
    private static final int BANDS = 64;
    private static final double LOWER_HERTZ = 125;
    private static final double UPPER_HERTZ = 7500;
    private static final float LOG_OFFSET = 0.001f;
    private static final int PATCH_FRAMES = 96;
    private static final int STEM_CHANNELS = 32;
    /** The depthwise-separable layers after the stem: output channels, stride (YAMNet's {@code _YAMNET_LAYER_DEFS}). */
    private static final int[][] SEPARABLE = {
        {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
        {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};

    private static final float[] WINDOW = periodicHann();
    private static final float[] DFT_COSINES = dft(true);
    private static final float[] DFT_SINES = dft(false);
    private static final float[] MEL_WEIGHTS = melWeights();

    private YamNet() {
    }

    /** The encoder: front end, stem and separable layers, global average pool. */
    static AudioEncoder audio() {
        SequentialBlock block = new SequentialBlock();
        block.add(LambdaBlock.singleton(YamNet::logMelPatch, "logMelPatch"))
                .add(Layers.sameConvolution(STEM_CHANNELS, 3, 2, 1)).add(Activation.reluBlock());
        int channels = STEM_CHANNELS;
        for (int[] layer : SEPARABLE) {
            block.add(Layers.sameConvolution(channels, 3, layer[1], channels)).add(Activation.reluBlock())
                    .add(Layers.sameConvolution(layer[0], 1, 1, 1)).add(Activation.reluBlock());
            channels = layer[0];
        }
        block.add(LambdaBlock.singleton(Layers::globalAveragePool, "globalAveragePool"));
        return new AudioEncoder(NAME, block, EMBEDDING_SIZE, REQUIREMENT, AudioEncoder.Input.WAVEFORM);
    }

    /** The AudioSet classifier on the embedding: one linear layer to {@value #CLASSES} logits (sigmoid per class). */
    public static Block classifierHead() {
        return Linear.builder().setUnits(CLASSES).build();
    }

    /** The (257, 64) mel filterbank applied to DFT magnitudes, row-major: bin by band. */
    public static float[] melFilterbank() {
        return MEL_WEIGHTS.clone();
    }

    /** (B, 15600) samples to (B, 1, 96, 64) log-mel patches. */
    private static NDArray logMelPatch(NDArray samples) {
        long batch = samples.getShape().get(0);
        NDManager manager = samples.getManager();
        // frame f holds samples f·160 .. f·160 + 399: with rows of 80 samples, rows 2f .. 2f + 4
        int rowLength = HOP / 2;
        NDArray rows = samples.reshape(batch, -1, rowLength);
        NDList parts = new NDList();
        for (int k = 0; k < FRAME / rowLength; k++) {
            parts.add(rows.get(":, {}:{}:2, :", k, k + 2 * (PATCH_FRAMES - 1) + 1));
        }
        NDArray frames = NDArrays.concat(parts, 2).mul(manager.create(WINDOW));
        // the DFT of the frame zero-padded to 512 points needs only the first 400 rows of the DFT matrix
        NDArray real = frames.matMul(manager.create(DFT_COSINES, new Shape(FRAME, BINS)));
        NDArray imaginary = frames.matMul(manager.create(DFT_SINES, new Shape(FRAME, BINS)));
        NDArray magnitude = real.square().add(imaginary.square()).sqrt();
        NDArray mel = magnitude.matMul(manager.create(MEL_WEIGHTS, new Shape(BINS, BANDS)));
        return mel.add(LOG_OFFSET).log().reshape(batch, 1, PATCH_FRAMES, BANDS);
    }

    private static float[] periodicHann() {
        float[] window = new float[FRAME];
        for (int n = 0; n < FRAME; n++) {
            window[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / FRAME));
        }
        return window;
    }

    /** (400, 257) cosines or sines of the 512-point DFT, sample by bin. */
    private static float[] dft(boolean cosine) {
        float[] matrix = new float[FRAME * BINS];
        for (int n = 0; n < FRAME; n++) {
            for (int k = 0; k < BINS; k++) {
                double angle = 2 * Math.PI * ((long) n * k % FFT) / FFT;
                matrix[n * BINS + k] = (float) (cosine ? Math.cos(angle) : Math.sin(angle));
            }
        }
        return matrix;
    }

    /** TensorFlow's {@code linear_to_mel_weight_matrix}: triangles on the HTK mel scale, DC bin zero. */
    private static float[] melWeights() {
        double lower = hertzToMel(LOWER_HERTZ);
        double upper = hertzToMel(UPPER_HERTZ);
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = lower + (upper - lower) * i / (BANDS + 1);
        }
        float[] weights = new float[BINS * BANDS];
        for (int bin = 1; bin < BINS; bin++) {
            double mel = hertzToMel(SAMPLE_RATE / 2.0 * bin / (BINS - 1));
            for (int band = 0; band < BANDS; band++) {
                double rising = (mel - edges[band]) / (edges[band + 1] - edges[band]);
                double falling = (edges[band + 2] - mel) / (edges[band + 2] - edges[band + 1]);
                weights[bin * BANDS + band] = (float) Math.max(0, Math.min(rising, falling));
            }
        }
        return weights;
    }

    private static double hertzToMel(double hertz) {
        return 1127.0 * Math.log(1 + hertz / 700.0);
    }
}
