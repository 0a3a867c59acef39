package io.fixate.eval.synth;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.codec.output.VideoFileWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The picture and sound of one clip of the benchmark, without its ground truth: input of a chosen size, rate and
 * length for measurements of speed and memory ({@code fixate bench-predict --synthetic}, {@code bench-memory}).
 * Frames are drawn on demand and the clip repeats past its end, so a stream of any length costs no more memory than
 * one clip's sound.
 */
public final class BenchmarkFootage {

    private final BenchmarkSpec spec;
    private final ClipScene scene;
    private final FrameRenderer renderer;
    private final float[] sound;

    private BenchmarkFootage(BenchmarkSpec spec, ClipScene scene) {
        this.spec = spec;
        this.scene = scene;
        this.renderer = new FrameRenderer(scene);
        this.sound = Soundtrack.render(scene).copyInterleaved();
    }

    /** The first clip of {@code spec}'s first category, as the benchmark of that spec would hold it. */
    public static BenchmarkFootage firstClip(BenchmarkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new BenchmarkFootage(spec, ScenePlanner.plan(spec, 0, 0));
    }

    public BenchmarkSpec spec() {
        return spec;
    }

    /** Frame {@code index} of the clip played in a loop, at {@code index}'s own time: times keep increasing. */
    public VideoFrame frame(long index) {
        int inClip = (int) (index % spec.frameCount());
        long micros = Math.round(index * 1e6 / spec.frameRate());
        return renderer.render(inClip, scene.snapshot(inClip)).withTimestamp(micros);
    }

    /** {@code count} mono samples of the looped sound from sample {@code first}, at the spec's audio rate. */
    public AudioBlock sound(long first, int count) {
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            samples[i] = sound[(int) ((first + i) % sound.length)];
        }
        return AudioBlock.ofMono(samples, spec.audioSampleRate(), Math.round(first * 1e6 / spec.audioSampleRate()));
    }

    /** Writes the clip once, picture and sound, to {@code target} (an .mp4, .mov or .mkv). */
    public void write(Path target) throws IOException {
        VideoFileWriter video = VideoFileWriter.open(target, spec.width(), spec.height(), spec.frameRate(),
                spec.audioSampleRate(), 1);
        try {
            video.writeAudio(sound(0, sound.length));
            for (int i = 0; i < spec.frameCount(); i++) {
                video.write(frame(i));
            }
            video.close();
        } catch (IOException | RuntimeException e) {
            video.abort();
            throw e;
        }
    }
}
