package io.fixate.codec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real clip (MPEG-1 video, MP2 speech) made into a heatmap video keeps its frames, length and sound. */
class HeatmapVideoRealClipTest {

    private static final double WINDOW = 0.01;

    @TempDir
    Path dir;

    /** The shift of {@code shifted} against {@code reference}, in windows, that matches the two envelopes best. */
    private static int bestLag(double[] reference, double[] shifted, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double score = 0;
            for (int i = Math.max(0, -lag); i < reference.length && i + lag < shifted.length; i++) {
                score += reference[i] * shifted[i + lag];
            }
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private static Path sharedClip() {
        String shared = System.getProperty("fixate.shared.dir");
        assumeTrue(shared != null, "fixate.shared.dir is not set");
        Path clip = Path.of(shared, "media", "grid", "bbaf2n.mpg");
        assumeTrue(Files.isRegularFile(clip), "shared clip " + clip + " is absent");
        return clip;
    }

    @Test
    void speechClipKeepsFramesLengthAndSound() throws Exception {
        DecodedVideo source = DecodedVideo.read(sharedClip());
        Path target = dir.resolve("heatmap.mp4");
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, source.width, source.height, 25,
                source.sampleRate, source.audioChannels, HeatmapStyle.DEFAULT)) {
            float[] sound = new float[source.audio.remaining()];
            source.audio.duplicate().get(sound);
            writer.writeAudio(AudioBlock.ofInterleaved(sound, source.sampleRate, source.audioChannels, 0));
            FixationMap centre = FixationMap.of(3, 3, new float[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, 0, source.width,
                    source.height);
            for (DecodedVideo.Picture picture : source.pictures) {
                writer.write(VideoFrame.ofRgb(source.width, source.height, picture.timestampMicros(), picture.rgb()),
                        centre);
            }
        }

        DecodedVideo result = DecodedVideo.read(target);
        assertEquals(source.pictures.size(), result.pictures.size());
        assertEquals(source.durationMicros / 1e6, result.durationMicros / 1e6, 0.05, "length in seconds");
        assertEquals(source.sampleRate, result.sampleRate);
        assertEquals(source.audioChannels, result.audioChannels);
        assertEquals(0, bestLag(source.loudness(WINDOW), result.loudness(WINDOW), 20), 1,
                "sound offset in " + WINDOW * 1000 + " ms windows");
    }
}
