package io.fixate.eval.dataset;

import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.MediaClip;
import io.fixate.codec.ReadOptions;

import java.nio.file.Path;
import java.util.Iterator;

/** A video file decoded by the codec bridge's {@link MediaClip}. */
final class FileClipMedia implements VideoMedia {

    private final MediaClip clip;

    FileClipMedia(Path file, AudioRequirement audio) {
        this.clip = MediaClip.of(file, ReadOptions.of(audio));
    }

    @Override
    public Iterator<FrameWithAudio> iterator() {
        return clip.iterator();
    }

    @Override
    public void close() {
        clip.close();
    }
}
