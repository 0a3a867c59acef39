package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.fixate.spi.djl.FrameNormalisation;

import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 1.0 (Sandler et al. 2018) as TensorFlow Lite files hold it: batch norm folded into the convolutions,
 * so every convolution has a bias and no normalisation layer follows; ReLU6 after the stem, expansions and
 * depthwise convolutions, none after the projections; a residual sum where an inverted-residual block keeps its
 * stride and width. Convolutions pad as TensorFlow's SAME does ({@link Layers#sameConvolution}), so imported weights
 * see the pixels they were trained on. Frames are RGB in [-1, 1].
 *
 * <p>The convolutions come in the order of the file's operators (stem, then each block's expansion, depthwise and
 * projection), which is how the importer matches them. The encoder ends at the 320-channel last block; the
 * 1280-channel convolution and the classifier belong to {@link #classifierHead()}.
 */
public final class MobileNetV2 {

    /** Registry name. */
    public static final String NAME = "mobilenet-v2";
    /** Classes of the ImageNet head, index 0 being "background". */
    public static final int CLASSES = 1001;

    private static final int STEM_CHANNELS = 32;
    private static final int HEAD_CHANNELS = 1280;
    private static final int KERNEL = 3;
    /** Inverted-residual stages: expansion t, output channels c, repeats n, first stride s (the paper's Table 2). */
    private static final int[][] STAGES = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    /** Indices into {@link #STAGES} whose output the encoder exposes: strides 8, 16 and 32. */
    private static final int[] EXPOSED_STAGES = {2, 4, 6};

    private MobileNetV2() {
    }

    /**
     * The encoder: a sequential block of the stem then one child per inverted-residual block, with the feature maps
     * of 32 channels at stride 8, 96 at stride 16 and 320 at stride 32.
     */
    static VisualEncoder visual() {
        SequentialBlock block = new SequentialBlock();
        block.add(new SequentialBlock().add(Layers.sameConvolution(STEM_CHANNELS, KERNEL, 2, 1))
                .add(Activation.relu6Block()));
        int channels = STEM_CHANNELS;
        int stride = 2;
        int[] exposedAfter = new int[EXPOSED_STAGES.length];
        List<VisualEncoder.Depth> depths = new ArrayList<>();
        for (int stage = 0; stage < STAGES.length; stage++) {
            int[] settings = STAGES[stage];
            for (int repeat = 0; repeat < settings[2]; repeat++) {
                int blockStride = repeat == 0 ? settings[3] : 1;
                block.add(invertedResidual(channels, settings[1], settings[0], blockStride));
                channels = settings[1];
                stride *= blockStride;
            }
            for (int i = 0; i < EXPOSED_STAGES.length; i++) {
                if (EXPOSED_STAGES[i] == stage) {
                    exposedAfter[i] = block.getChildren().size();
                    depths.add(new VisualEncoder.Depth(channels, stride));
                }
            }
        }
        return new VisualEncoder(NAME, block, depths,
                (parameters, frames, training) -> stageOutputs(block, exposedAfter, parameters, frames, training),
                FrameNormalisation.SIGNED_UNIT);
    }

    /**
     * The ImageNet classifier on the encoder's last map: 1×1 convolution to 1280 channels, ReLU6, global average
     * pool and a linear layer to {@value #CLASSES} logits (the file's own head ends in a softmax).
     */
    public static Block classifierHead() {
        return new SequentialBlock()
                .add(Layers.sameConvolution(HEAD_CHANNELS, 1, 1, 1))
                .add(Activation.relu6Block())
                .add(LambdaBlock.singleton(Layers::globalAveragePool, "globalAveragePool"))
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static NDList stageOutputs(SequentialBlock block, int[] exposedAfter, ParameterStore parameters,
                                       NDArray frames, boolean training) {
        NDList outputs = new NDList();
        NDList current = new NDList(frames);
        int done = 0;
        int next = 0;
        for (Block child : block.getChildren().values()) {
            current = child.forward(parameters, current, training);
            done++;
            if (next < exposedAfter.length && exposedAfter[next] == done) {
                outputs.add(current.singletonOrThrow());
                next++;
            }
        }
        return outputs;
    }

    /** Expansion (unless t = 1), depthwise 3×3 and linear projection, plus the input when shape allows. */
    private static Block invertedResidual(int in, int out, int expansion, int stride) {
        int hidden = in * expansion;
        SequentialBlock body = new SequentialBlock();
        if (expansion != 1) {
            body.add(Layers.sameConvolution(hidden, 1, 1, 1)).add(Activation.relu6Block());
        }
        body.add(Layers.sameConvolution(hidden, KERNEL, stride, hidden)).add(Activation.relu6Block())
                .add(Layers.sameConvolution(out, 1, 1, 1));
        if (stride != 1 || in != out) {
            return body;
        }
        return new ParallelBlock(branches -> new NDList(branches.get(0).singletonOrThrow()
                .add(branches.get(1).singletonOrThrow())), List.of(body, Blocks.identityBlock()));
    }
}
