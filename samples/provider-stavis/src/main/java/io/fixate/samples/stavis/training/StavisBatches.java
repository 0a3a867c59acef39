package io.fixate.samples.stavis.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.ClipTargets;
import io.fixate.spi.djl.training.EpochTrainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs {@link StavisSample}s into the net's inputs, the clips as (B, T, 3, S, S) squashed into the square and
 * normalised as the predictor does them and the targets' audio windows as the audio encoder takes them, and its label,
 * the target maps as (B, 1, S, S); and cuts decoded clips into samples. No augmentation: the same batches every epoch.
 */
final class StavisBatches implements EpochTrainer.Batching<StavisSample> {

    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;

    StavisBatches(int inputSize, StavisNet net) {
        this.frames = FramePreprocessor.evaluation(inputSize, net.visualEncoder().input());
        this.audio = new AudioPreprocessor(net.audioEncoder());
    }

    /**
     * The samples of the decoded clips, clip by clip: every {@code stride}-th frame that has a target, with the
     * {@code clipFrames} frames around it, ⌊T/2⌋ before and T − 1 − ⌊T/2⌋ after.
     */
    static List<StavisSample> samples(List<ClipTargets> clips, int stride, int clipFrames) {
        List<StavisSample> samples = new ArrayList<>();
        int behind = clipFrames / 2;
        for (ClipTargets clip : clips) {
            List<FrameWithAudio> frames = clip.frames();
            for (int index = 0; index < frames.size(); index += stride) {
                float[] target = clip.maps().get(index);
                if (target == null) {
                    continue;
                }
                List<VideoFrame> window = new ArrayList<>(clipFrames);
                for (int k = index - behind; k < index - behind + clipFrames; k++) {
                    window.add(frames.get(Math.max(0, Math.min(frames.size() - 1, k))).frame());
                }
                samples.add(new StavisSample(window, frames.get(index).audio(), target));
            }
        }
        return samples;
    }

    @Override
    public NDList inputs(List<StavisSample> batch, NDManager manager) {
        NDList clips = new NDList(batch.size());
        for (StavisSample sample : batch) {
            NDList clip = new NDList(sample.clip().size());
            sample.clip().forEach(frame -> clip.add(frames.apply(frame, manager)));
            clips.add(NDArrays.stack(clip));
        }
        NDArray sound = audio.batch(manager, batch.stream().map(StavisSample::audio).toList());
        return new NDList(NDArrays.stack(clips), sound);
    }

    @Override
    public NDArray labels(List<StavisSample> batch, NDManager manager) {
        int size = frames.inputSize();
        NDList maps = new NDList(batch.size());
        batch.forEach(sample -> maps.add(manager.create(sample.target(), new Shape(1, size, size))));
        return NDArrays.stack(maps);
    }
}
