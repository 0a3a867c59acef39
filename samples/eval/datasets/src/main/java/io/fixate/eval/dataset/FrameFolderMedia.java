package io.fixate.eval.dataset;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.codec.AudioWindower;
import io.fixate.codec.host.HostFrames;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * A video stored as numbered picture files with an optional separate WAV track, as the STAViS distribution keeps
 * it. Frame {@code i} (0-based) is the picture {@code pictureOf.apply(i)}, shown at {@code timestampOf.applyAsLong(i)};
 * its audio window is cut from the WAV by an {@link AudioWindower} that is fed just far enough ahead of each frame,
 * so a pass holds one picture and a few seconds of audio at most.
 */
final class FrameFolderMedia implements VideoMedia {

    private final IntFunction<Path> pictureOf;
    private final IntToLongFunction timestampOf;
    private final int frameCount;
    private final Optional<Path> wav;
    private final AudioRequirement audio;
    private final Set<Pass> openPasses = new LinkedHashSet<>();
    private boolean closed;

    FrameFolderMedia(IntFunction<Path> pictureOf, IntToLongFunction timestampOf, int frameCount, Optional<Path> wav,
                     AudioRequirement audio) {
        this.pictureOf = pictureOf;
        this.timestampOf = timestampOf;
        this.frameCount = frameCount;
        this.wav = wav;
        this.audio = audio;
    }

    /**
     * A new pass from the first frame.
     *
     * @throws IllegalStateException               after {@link #close()}
     * @throws io.fixate.api.CorruptMediaException if the WAV file cannot be read
     */
    @Override
    public Iterator<FrameWithAudio> iterator() {
        if (closed) {
            throw new IllegalStateException("frames of " + folder() + " are closed");
        }
        Pass pass = new Pass(wav.map(WavStream::open).orElse(null));
        openPasses.add(pass);
        return pass;
    }

    @Override
    public void close() {
        closed = true;
        for (Pass pass : new ArrayList<>(openPasses)) {
            pass.release();
        }
    }

    private Path folder() {
        return pictureOf.apply(0).getParent();
    }

    /** One walk over the pictures; its audio is windowed as it goes and released at the end. */
    private final class Pass implements Iterator<FrameWithAudio> {
        /** The sound and its windower, both null when the video has no WAV. */
        private final WavStream sound;
        private final AudioWindower windower;
        private int next;
        private boolean released;

        Pass(WavStream sound) {
            this.sound = sound;
            this.windower = sound == null ? null : new AudioWindower(audio);
        }

        @Override
        public boolean hasNext() {
            if (next < frameCount && !released) {
                return true;
            }
            release();
            return false;
        }

        @Override
        public FrameWithAudio next() {
            if (released) {
                throw new IllegalStateException("frames of " + folder() + " are closed");
            }
            if (!hasNext()) {
                throw new NoSuchElementException("no more frames in " + folder());
            }
            long timestamp = timestampOf.applyAsLong(next);
            VideoFrame frame = HostFrames.fromImage(ImageFiles.read(pictureOf.apply(next)), timestamp);
            next++;
            if (sound == null) {
                return FrameWithAudio.silent(frame, audio);
            }
            feedUntilCovered(timestamp);
            return windower.attach(frame);
        }

        private void feedUntilCovered(long timestamp) {
            while (!windower.covers(timestamp)) {
                AudioBlock block = sound.next();
                if (block == null) {
                    windower.end();
                } else {
                    windower.push(block);
                }
            }
        }

        void release() {
            if (!released) {
                released = true;
                openPasses.remove(this);
                if (sound != null) {
                    windower.close();
                    sound.close();
                }
            }
        }
    }
}
