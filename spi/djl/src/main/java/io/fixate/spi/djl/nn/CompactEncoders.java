package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The "compact" encoders: stacks of stride-2 3×3 conv + batch norm + ReLU, small enough to train from scratch on two
 * CPU cores; the audio one keeps a coarse frequency axis up to its final projection. They stand in for the paper's
 * pretrained ResNeXt-101 (visual) and ResNet-18 + NetVLAD (audio).
 */
final class CompactEncoders {

    /** Output channels of the visual stages; each stage halves the resolution, so their strides are 2, 4 and 8. */
    private static final int[] VISUAL_STAGES = {32, 64, 96};
    /** Children of the sequential block per stage: convolution, batch norm, ReLU. */
    private static final int LAYERS_PER_STAGE = 3;
    /** Output channels of the audio stages; they shrink the 257 × T spectrogram to 17 × ⌈T/16⌉. */
    private static final int[] AUDIO_STAGES = {16, 32, 64, 64};
    private static final int AUDIO_EMBEDDING_SIZE = 128;

    private CompactEncoders() {
    }

    /**
     * The visual stages as one flat sequential block (its parameter names are those of SCAM's saved weights), with
     * the output of every stage as a feature depth.
     */
    static VisualEncoder visual() {
        SequentialBlock block = downsamplingStages(VISUAL_STAGES);
        List<VisualEncoder.Depth> depths = new ArrayList<>();
        for (int stage = 0; stage < VISUAL_STAGES.length; stage++) {
            depths.add(new VisualEncoder.Depth(VISUAL_STAGES[stage], 2 << stage));
        }
        return new VisualEncoder(Encoders.COMPACT, block, depths,
                (parameters, frames, training) -> stageOutputs(block, parameters, frames, training));
    }

    /** The forward of the sequential block, keeping the output of the last layer of each stage. */
    private static NDList stageOutputs(SequentialBlock stages, ParameterStore parameters, NDArray frames,
                                       boolean training) {
        NDList outputs = new NDList();
        NDList current = new NDList(frames);
        int layer = 0;
        for (Block child : stages.getChildren().values()) {
            current = child.forward(parameters, current, training);
            layer++;
            if (layer % LAYERS_PER_STAGE == 0) {
                outputs.add(current.singletonOrThrow());
            }
        }
        return outputs;
    }

    /**
     * The audio stages, an average over time only, and a linear layer + ReLU from the 64 × 17 (channel, frequency
     * band) features to the embedding. Keeping the frequency axis lets the embedding tell pitches apart, which a
     * global pool over frequency and time does not; averaging over time keeps it defined for any T.
     */
    static AudioEncoder audio() {
        SequentialBlock block = downsamplingStages(AUDIO_STAGES);
        block.add(LambdaBlock.singleton(CompactEncoders::timeAverage, "timeAverage"))
                .add(Linear.builder().setUnits(AUDIO_EMBEDDING_SIZE).build())
                .add(Activation.reluBlock());
        return new AudioEncoder(Encoders.COMPACT, block, AUDIO_EMBEDDING_SIZE);
    }

    /** (B, C, F, T) maps averaged over time and flattened to (B, C·F). */
    private static NDArray timeAverage(NDArray maps) {
        return Blocks.batchFlatten(maps.mean(new int[] {3}));
    }

    private static SequentialBlock downsamplingStages(int[] channels) {
        SequentialBlock stages = new SequentialBlock();
        for (int filters : channels) {
            stages.add(Layers.conv3x3(filters, 2))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        return stages;
    }
}
