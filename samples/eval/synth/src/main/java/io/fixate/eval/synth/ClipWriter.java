package io.fixate.eval.synth;

import io.fixate.api.files.StagedFolder;
import io.fixate.codec.output.VideoFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Writes one clip: {@code videos/<id>.mp4} and {@code ground_truth/<id>/} with a density PNG per frame,
 * {@code fixations.json} and {@code clip.json}.
 *
 * <p>An interrupted run never leaves a half-written clip under a final name: the ground truth is written into a
 * {@link StagedFolder} ({@code ground_truth/.<id>.partial}, renamed to {@code ground_truth/<id>} when complete), and
 * the video, written through a temporary file, is committed after that. A clip is therefore complete exactly when
 * its video exists.
 */
final class ClipWriter {

    static final String FIXATIONS = "fixations.json";
    static final String CLIP = "clip.json";

    private final Path videos;
    private final Path groundTruth;

    ClipWriter(Path root) {
        this.videos = root.resolve(BenchmarkDirectory.VIDEOS);
        this.groundTruth = root.resolve(BenchmarkDirectory.GROUND_TRUTH);
    }

    /** Whether the clip {@code videoId} was completed by an earlier run. */
    boolean isComplete(String videoId) {
        return Files.isRegularFile(videoFile(videoId))
                && Files.isRegularFile(groundTruth.resolve(videoId).resolve(CLIP));
    }

    /** The name of frame {@code index}'s density image: {@code density_00000.png}, ... */
    static String densityName(int index) {
        return String.format(Locale.ROOT, "density_%05d.png", index);
    }

    /**
     * Writes the clip {@code scene} describes, calling {@code framesWritten} with the count after each frame.
     *
     * @throws IOException naming the file that could not be written; nothing of the clip is left under a final name
     */
    void write(ClipScene scene, IntConsumer framesWritten) throws IOException {
        String id = scene.videoId();
        StagedFolder truth;
        try {
            truth = StagedFolder.open(groundTruth.resolve(id));
        } catch (IOException e) {
            throw new IOException("cannot start clip " + id + ": " + BenchmarkDirectory.describe(e), e);
        }
        BenchmarkSpec spec = scene.spec();
        VideoFileWriter video;
        try {
            video = VideoFileWriter.open(videoFile(id), spec.width(), spec.height(), spec.frameRate(),
                    spec.audioSampleRate(), 1);
        } catch (IOException | RuntimeException e) {
            truth.abort();
            throw e;
        }
        try {
            writeContent(scene, video, truth.staging(), framesWritten);
            truth.commit();
            video.close();
        } catch (IOException | RuntimeException e) {
            try {
                video.abort();
                truth.abort();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw new IOException("cannot write clip " + id + ": " + BenchmarkDirectory.describe(io), io);
            }
            throw e;
        }
    }

    /** The video's sound and frames, and the ground-truth files into {@code partial}. */
    private static void writeContent(ClipScene scene, VideoFileWriter video, Path partial, IntConsumer framesWritten)
            throws IOException {
        BenchmarkSpec spec = scene.spec();
        video.writeAudio(Soundtrack.render(scene));
        FrameRenderer renderer = new FrameRenderer(scene);
        AttentionDensity attention = new AttentionDensity(spec.width(), spec.height());
        SplittableRandom observers = new SplittableRandom(scene.observerSeed());
        List<int[][]> fixations = new ArrayList<>();
        for (int i = 0; i < spec.frameCount(); i++) {
            ClipScene.Snapshot snapshot = scene.snapshot(i);
            video.write(renderer.render(i, snapshot));
            double[] density = attention.of(snapshot);
            DensityImage.write(partial.resolve(densityName(i)), density, spec.width(), spec.height());
            fixations.add(ObserverSampler.sample(density, spec.width(), spec.observers(), observers));
            framesWritten.accept(i + 1);
        }
        BenchmarkFiles.writeCompact(partial.resolve(FIXATIONS), BenchmarkFiles.fixations(spec, fixations));
        BenchmarkFiles.writePretty(partial.resolve(CLIP), BenchmarkFiles.clip(scene));
    }

    private Path videoFile(String videoId) {
        return videos.resolve(videoId + ".mp4");
    }
}
