package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;

import java.nio.file.Path;
import java.util.Optional;

/** A video file without ground truth (AVE, a media folder), decoded by the codec bridge. */
record VideoFile(Path location) implements VideoSource {

    /** From the container's header; the frame count is the estimate its duration and frame rate give. */
    @Override
    public VideoFormat readFormat() {
        MediaInfo info;
        try (MediaReader reader = MediaReader.open(location, ReadOptions.DEFAULT)) {
            info = reader.info();
        }
        if (!(info.frameRate() > 0)) {
            throw new CorruptMediaException(location + " declares no frame rate");
        }
        int frames = (int) Math.min(Integer.MAX_VALUE, info.estimatedFrames());
        return new VideoFormat(frames, info.frameRate(), info.width(), info.height());
    }

    @Override
    public VideoMedia openMedia(AudioRequirement audio) {
        return new FileClipMedia(location, audio);
    }

    @Override
    public Optional<VideoGroundTruth> openGroundTruth() {
        return Optional.empty();
    }
}
