package io.fixate.provider.scam.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The "compact" encoders: stacks of stride-2 3×3 conv + batch norm + ReLU, small enough to train from scratch on two
 * CPU cores. They stand in for the paper's pretrained ResNeXt-101 (visual) and ResNet-18 + NetVLAD (audio).
 */
final class CompactEncoders {

    /** Output channels of the visual stages; each stage halves the resolution, so the stride is 2^3 = 8. */
    private static final int[] VISUAL_STAGES = {32, 64, 96};
    /** Output channels of the audio stages over the 257 × T spectrogram; the last one is the embedding size. */
    private static final int[] AUDIO_STAGES = {16, 32, 64, 128};

    private CompactEncoders() {
    }

    static VisualEncoder visual() {
        SequentialBlock block = downsamplingStages(VISUAL_STAGES);
        return new VisualEncoder(Encoders.COMPACT, block, lastOf(VISUAL_STAGES), 1 << VISUAL_STAGES.length);
    }

    static AudioEncoder audio() {
        SequentialBlock block = downsamplingStages(AUDIO_STAGES);
        block.add(Pool.globalAvgPool2dBlock());
        return new AudioEncoder(Encoders.COMPACT, block, lastOf(AUDIO_STAGES));
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

    private static int lastOf(int[] channels) {
        return channels[channels.length - 1];
    }
}
