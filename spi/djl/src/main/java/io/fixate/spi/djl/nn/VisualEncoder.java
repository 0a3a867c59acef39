package io.fixate.spi.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.spi.djl.FrameNormalisation;

import java.util.List;
import java.util.Objects;

/**
 * A frame encoder: {@code block} maps (B, 3, H, W) frames to (B, {@link #channels()}, ⌈H/stride⌉, ⌈W/stride⌉)
 * feature maps. Decoders with skip connections also need the maps of shallower stages: {@link #stageOutputs} runs
 * the same block and returns the maps of every depth in {@link #depths()}, shallow to deep, the deepest being the
 * block's output. The nets size their heads, attention blocks and decoders from these numbers only.
 *
 * @param name   the registry name (see {@link Encoders})
 * @param block  a fresh, uninitialised block owned by the net it is given to
 * @param depths channels and stride of each map {@link #stageOutputs} returns, shallow to deep
 * @param stages runs {@code block} and returns the map of every depth; it is the same pass as the block's forward
 * @param input  how the frames' RGB values must be normalised for this encoder (what its weights were trained on)
 */
public record VisualEncoder(String name, Block block, List<Depth> depths, StageForward stages,
                            FrameNormalisation input) {

    public VisualEncoder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(input, "input");
        depths = List.copyOf(depths);
        if (depths.isEmpty()) {
            throw new IllegalArgumentException("encoder " + name + " needs at least one feature depth");
        }
    }

    /** An encoder that takes ImageNet-normalised frames, as the ones trained from scratch here do. */
    public VisualEncoder(String name, Block block, List<Depth> depths, StageForward stages) {
        this(name, block, depths, stages, FrameNormalisation.IMAGENET_MEAN_STD);
    }

    /** An encoder that exposes only its final map, {@code channels} × ⌈H/stride⌉ × ⌈W/stride⌉. */
    public VisualEncoder(String name, Block block, int channels, int stride) {
        this(name, block, List.of(new Depth(channels, stride)),
                (parameters, frames, training) -> block.forward(parameters, new NDList(frames), training));
    }

    /** Channels of the deepest feature map, the block's output. */
    public int channels() {
        return deepest().channels();
    }

    /** Spatial down-sampling factor from frame to the deepest feature map. */
    public int stride() {
        return deepest().stride();
    }

    /**
     * Runs the block on (B, 3, H, W) frames and returns its feature maps at every depth of {@link #depths()}, shallow
     * to deep. Batch-norm statistics and gradients behave exactly as in a forward of the block.
     */
    public NDList stageOutputs(ParameterStore parameters, NDArray frames, boolean training) {
        NDList outputs = stages.forward(parameters, frames, training);
        if (outputs.size() != depths.size()) {
            throw new IllegalStateException("encoder " + name + " declares " + depths.size() + " depths but its"
                    + " stages returned " + outputs.size() + " maps");
        }
        return outputs;
    }

    private Depth deepest() {
        return depths.get(depths.size() - 1);
    }

    /**
     * One feature depth of an encoder.
     *
     * @param channels channels of the map
     * @param stride   spatial down-sampling factor from frame to map
     */
    public record Depth(int channels, int stride) {

        public Depth {
            if (channels <= 0 || stride <= 0) {
                throw new IllegalArgumentException("a feature depth needs positive channels and stride, got "
                        + channels + " and " + stride);
            }
        }

        /** Shape (B, channels, ⌈H/stride⌉, ⌈W/stride⌉) of this depth's map for (B, 3, H, W) frames. */
        public Shape mapShape(Shape frames) {
            return new Shape(frames.get(0), channels, ceilDiv(frames.get(2)), ceilDiv(frames.get(3)));
        }

        private long ceilDiv(long size) {
            return (size + stride - 1) / stride;
        }
    }

    /** How an encoder runs its block to deliver the maps of all its depths. */
    @FunctionalInterface
    public interface StageForward {

        /** The feature maps of (B, 3, H, W) {@code frames} at every depth, shallow to deep. */
        NDList forward(ParameterStore parameters, NDArray frames, boolean training);
    }
}
