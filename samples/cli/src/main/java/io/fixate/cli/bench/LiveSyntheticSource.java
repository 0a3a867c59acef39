package io.fixate.cli.bench;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import io.fixate.codec.AudioWindower;
import io.fixate.codec.FrameSource;
import io.fixate.codec.MediaInfo;
import io.fixate.eval.synth.BenchmarkFootage;
import io.fixate.eval.synth.BenchmarkSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The generated clip of {@link SyntheticInput} as a live source: {@code frames} frames, repeating the clip, each
 * handed out no earlier than its time from the first read (a model slower than real time takes them as fast as it
 * can), with its audio window; the sound arrives a tenth of a second at a time, as a host's audio callback gives it.
 * No file is involved, so a stream of any length costs no disk.
 */
public final class LiveSyntheticSource implements FrameSource {

    private final BenchmarkFootage footage = SyntheticInput.footage();
    private final BenchmarkSpec clip = footage.spec();
    private final long frames;
    private final long frameNanos;
    private final int soundChunk;
    private final AudioWindower audio;
    private long index;
    private long soundPushed;
    private long start;

    public LiveSyntheticSource(long frames, AudioRequirement audioRequirement) {
        this.frames = frames;
        this.frameNanos = Math.round(1e9 / clip.frameRate());
        this.soundChunk = clip.audioSampleRate() / 10;
        this.audio = new AudioWindower(audioRequirement);
    }

    @Override
    public MediaInfo info() {
        return new MediaInfo(clip.width(), clip.height(), clip.frameRate(),
                Math.round(frames * 1e6 / clip.frameRate()), true, clip.audioSampleRate(), 1, "synthetic",
                "synthetic");
    }

    @Override
    public void onSourceAudio(Consumer<AudioBlock> listener) {
        throw new UnsupportedOperationException("a live synthetic source hands out only its frames' windows");
    }

    @Override
    public FrameWithAudio read() {
        if (index >= frames) {
            return null;
        }
        if (index == 0) {
            start = System.nanoTime();
        }
        long lead = start + index * frameNanos - System.nanoTime();
        if (lead > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(lead);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for frame " + index, e);
            }
        }
        VideoFrame frame = footage.frame(index++);
        while (!audio.covers(frame.timestampMicros())) {
            audio.push(footage.sound(soundPushed, soundChunk));
            soundPushed += soundChunk;
        }
        return audio.attach(frame);
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        audio.close();
    }
}
