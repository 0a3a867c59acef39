package io.fixate.provider.scam.recipe;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.spi.ClipMedia;
import io.fixate.spi.TrainingClip;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A training clip of a square of one colour channel moving across grey, with a tone whose pitch follows the colour:
 * what a tiny labeler can learn a tag from.
 *
 * @param colour the channel (0 red, 1 green, 2 blue) that is bright in the square
 */
record SquareClip(String id, String tag, int colour, int size, int frameCount) implements TrainingClip {

    @Override
    public Set<String> tags() {
        return Set.of(tag);
    }

    @Override
    public String fingerprint() {
        return id;
    }

    List<FrameWithAudio> frames() {
        List<FrameWithAudio> frames = new ArrayList<>();
        for (int k = 0; k < frameCount; k++) {
            byte[] rgb = new byte[size * size * 3];
            for (int i = 0; i < rgb.length; i++) {
                int x = i / 3 % size;
                boolean square = x >= 4 * k % size && x < 4 * k % size + size / 3 && i / 3 / size > size / 3;
                rgb[i] = (byte) (square ? (i % 3 == colour ? 240 : 10) : 128);
            }
            float[] tone = new float[AudioRequirement.DEFAULT.windowSamples()];
            for (int s = 0; s < tone.length; s++) {
                tone[s] = (float) Math.sin(s * 0.05 * (1 + colour));
            }
            long micros = k * 40_000L;
            frames.add(new FrameWithAudio(VideoFrame.ofRgb(size, size, micros, rgb),
                    AudioBlock.ofMono(tone, 16_000, micros), true));
        }
        return frames;
    }

    @Override
    public ClipMedia open(AudioRequirement audio) {
        return new FrameList(frames());
    }

    /** Frames in memory, which hold nothing to close. */
    private record FrameList(List<FrameWithAudio> frames) implements ClipMedia {

        @Override
        public Iterator<FrameWithAudio> iterator() {
            return frames.iterator();
        }

        @Override
        public void close() {
            // nothing to free
        }
    }
}
