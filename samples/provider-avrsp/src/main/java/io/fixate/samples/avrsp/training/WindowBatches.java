package io.fixate.samples.avrsp.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.FrameWithAudio;
import io.fixate.samples.avrsp.nets.AvrspNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.training.EpochTrainer;

import java.util.List;

/**
 * Packs {@link WindowSample}s into the net's inputs, frames (B, T, 3, S, S) squashed into the square and normalised as
 * the predictor does them and audio (B, T, …) each frame's window as the audio encoder takes it, and their targets
 * (B, 1, S, S), on a caller-given manager. No augmentation: the frames are those a session sees.
 */
final class WindowBatches implements EpochTrainer.Batching<WindowSample> {

    private final FramePreprocessor frames;
    private final AudioPreprocessor audio;

    WindowBatches(int inputSize, AvrspNet net) {
        this.frames = FramePreprocessor.evaluation(inputSize, net.visualEncoder().input());
        this.audio = new AudioPreprocessor(net.audioEncoder());
    }

    @Override
    public NDList inputs(List<WindowSample> batch, NDManager manager) {
        NDList clips = new NDList(batch.size());
        for (WindowSample sample : batch) {
            NDList clip = new NDList(sample.frames().size());
            for (FrameWithAudio input : sample.frames()) {
                clip.add(frames.apply(input.frame(), manager));
            }
            clips.add(NDArrays.stack(clip));
        }
        int count = batch.get(0).frames().size();
        NDArray windows = audio.batch(manager, batch.stream().flatMap(sample -> sample.frames().stream())
                .map(FrameWithAudio::audio).toList());
        return new NDList(NDArrays.stack(clips),
                windows.reshape(new Shape(batch.size(), count).addAll(windows.getShape().slice(1))));
    }

    @Override
    public NDArray labels(List<WindowSample> batch, NDManager manager) {
        int size = frames.inputSize();
        NDList maps = new NDList(batch.size());
        for (WindowSample sample : batch) {
            maps.add(manager.create(sample.target(), new Shape(1, size, size)));
        }
        return NDArrays.stack(maps);
    }
}
