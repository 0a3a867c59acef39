package io.fixate.provider.scam.labeling;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.maps.FrameCrop;
import io.fixate.provider.scam.maps.GridBox;
import io.fixate.provider.scam.training.TrainingSample;

import java.util.Objects;

/**
 * What the nets see when they map one frame: the frame t, its neighbours t − 1 and t + 1 (at a clip's ends the frame
 * itself stands in for the missing neighbour) and the audio window of t.
 */
public record FrameTriple(VideoFrame previous, VideoFrame current, VideoFrame next, AudioBlock audio) {

    /** @throws IllegalArgumentException if the neighbours are not the size of the current frame */
    public FrameTriple {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(audio, "audio");
        for (VideoFrame neighbour : new VideoFrame[] {previous, next}) {
            if (neighbour.width() != current.width() || neighbour.height() != current.height()) {
                throw new IllegalArgumentException("neighbour " + neighbour + " differs in size from " + current);
            }
        }
    }

    /** The three frames cropped to {@code box} (on any grid, rescaled to the frames), with the same audio. */
    public FrameTriple cropped(GridBox box) {
        return new FrameTriple(FrameCrop.crop(previous, box), FrameCrop.crop(current, box),
                FrameCrop.crop(next, box), audio);
    }

    /** These frames as the one sample of a batch, with {@code tag} as its label. */
    public TrainingSample asSample(int tag) {
        return new TrainingSample(previous, current, next, audio, tag);
    }
}
