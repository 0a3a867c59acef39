package io.fixate.codec.output;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeatmapVideoWriterTest {

    private static final double FPS = 25;
    private static final int RATE = 44_100;
    private static final int GRAY = 100;

    @TempDir
    Path dir;

    /** A uniform gray frame. */
    private static VideoFrame grayFrame(int width, int height, long timestampMicros) {
        byte[] rgb = new byte[width * height * 3];
        Arrays.fill(rgb, (byte) GRAY);
        return VideoFrame.ofRgb(width, height, timestampMicros, rgb);
    }

    /** Attention only on the left: 1 for x below a quarter of the width, 0 beyond three quarters. */
    private static FixationMap leftHotMap(int width, int height, long timestampMicros) {
        return FixationMap.of(2, 1, new float[] {1f, 0f}, timestampMicros, width, height);
    }

    private static AudioBlock sine(int frames, long timestampMicros) {
        float[] samples = new float[frames * 2];
        long first = timestampMicros * RATE / 1_000_000;
        for (int i = 0; i < frames; i++) {
            float s = (float) (0.5 * Math.sin(2 * Math.PI * 440 * (first + i) / RATE));
            samples[2 * i] = s;
            samples[2 * i + 1] = s;
        }
        return AudioBlock.ofInterleaved(samples, RATE, 2, timestampMicros);
    }

    /** Writes one second: all the audio first (as a decoder may deliver it), then 25 frames. */
    private static void writeOneSecond(HeatmapVideoWriter writer, int width, int height, boolean withAudio)
            throws IOException {
        if (withAudio) {
            writer.writeAudio(sine(RATE, 0));
        }
        for (int i = 0; i < 25; i++) {
            long t = Math.round(i * 1e6 / FPS);
            writer.write(grayFrame(width, height, t), leftHotMap(width, height, t));
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.mp4", "out.mov", "out.mkv", "take 2: grüße.MP4"})
    void overlayAndSoundSurviveEncoding(String name) throws Exception {
        Path target = dir.resolve(name);
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 2,
                HeatmapStyle.DEFAULT)) {
            writeOneSecond(writer, 64, 48, true);
        }

        DecodedVideo video = DecodedVideo.read(target);
        assertEquals(64, video.width);
        assertEquals(48, video.height);
        assertEquals(25, video.pictures.size());
        assertEquals(1.0, video.durationMicros / 1e6, 0.06, "duration in seconds");
        assertTrue(video.hasAudio);
        assertEquals(RATE, video.sampleRate);
        assertEquals(2, video.audioChannels);
        assertEquals(0.5 / Math.sqrt(2), video.audioRms(0.1, 0.9), 0.05, "sine RMS");

        DecodedVideo.Picture middle = video.pictures.get(12);
        // JET at 1 is dark red; half blended over gray that is (114, 50, 50).
        int red = middle.channel(6, 24, 0);
        assertTrue(red > middle.channel(6, 24, 1) + 40 && red > middle.channel(6, 24, 2) + 40,
                "hot spot is red, got red " + red + " green " + middle.channel(6, 24, 1));
        for (int c = 0; c < 3; c++) {
            assertEquals(GRAY, middle.channel(58, 24, c), 4, "unattended pixel keeps channel " + c);
        }
    }

    @Test
    void prefersH264WhenTheBuildHasAnEncoderForIt() throws Exception {
        Path target = dir.resolve("out.mp4");
        String encoder;
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 0,
                HeatmapStyle.DEFAULT)) {
            encoder = writer.videoCodec();
            writeOneSecond(writer, 64, 48, false);
        }

        boolean h264Available = Stream.of("libx264", "libopenh264")
                .anyMatch(name -> avcodec_find_encoder_by_name(name) != null);
        assertEquals(h264Available ? "h264" : "mpeg4", DecodedVideo.read(target).videoCodec, "encoder " + encoder);
    }

    @Test
    void theHeatmapOfAnAnamorphicSourceKeepsItsPixelShapeAndSound() throws Exception {
        Path target = dir.resolve("anamorphic.mp4");
        MediaInfo source = new MediaInfo(64, 48, FPS, 1_000_000, true, RATE, 2, "mpeg2video", "mp2", 0, false,
                16 / 11.0);
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, source, HeatmapStyle.DEFAULT)) {
            writeOneSecond(writer, 64, 48, true);
        }

        try (MediaReader reader = MediaReader.open(target, ReadOptions.DEFAULT)) {
            assertEquals(16 / 11.0, reader.info().pixelAspect(), 1e-9);
            assertTrue(reader.info().hasAudio());
        }
    }

    @Test
    void oddFrameSizeIsPaddedToEven() throws Exception {
        Path target = dir.resolve("odd.mp4");
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 65, 49, FPS, RATE, 2,
                HeatmapStyle.DEFAULT)) {
            writeOneSecond(writer, 65, 49, true);
        }

        DecodedVideo video = DecodedVideo.read(target);
        assertEquals(66, video.width);
        assertEquals(50, video.height);
        assertEquals(25, video.pictures.size());
        DecodedVideo.Picture last = video.pictures.get(24);
        // Unpadded (black) edges would read near 0; the encoder is least exact in the last, partial macroblocks.
        assertEquals(GRAY, last.channel(65, 24, 1), 12, "padded column repeats the unattended edge");
        assertEquals(GRAY, last.channel(40, 49, 1), 12, "padded row repeats the unattended edge");
    }

    @Test
    void withoutAudioChannelsTheVideoHasNoSoundTrack() throws Exception {
        Path target = dir.resolve("silent.mp4");
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 0,
                HeatmapStyle.DEFAULT)) {
            writeOneSecond(writer, 64, 48, false);
            assertThrows(IllegalStateException.class, () -> writer.writeAudio(sine(1024, 0)));
        }

        DecodedVideo video = DecodedVideo.read(target);
        assertFalse(video.hasAudio);
        assertEquals(25, video.pictures.size());
    }

    @Test
    void rateAacLacksIsResampledToTheNearestOneItHas() throws Exception {
        Path target = dir.resolve("resampled.mkv");
        int rate = 37_800;
        float[] tone = new float[rate];
        for (int i = 0; i < rate; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, rate, 1,
                HeatmapStyle.DEFAULT)) {
            writer.writeAudio(AudioBlock.ofMono(tone, rate, 0));
            writeOneSecond(writer, 64, 48, false);
        }

        DecodedVideo video = DecodedVideo.read(target);
        assertEquals(32_000, video.sampleRate);
        assertEquals(1, video.audioChannels);
        assertEquals(0.5 / Math.sqrt(2), video.audioRms(0.1, 0.9), 0.05, "sine RMS");
        assertEquals(1.0, video.durationMicros / 1e6, 0.06, "duration in seconds");
    }

    @Test
    void soundFollowsItsTimestampsAcrossAGap() throws Exception {
        Path target = dir.resolve("gap.mp4");
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 2,
                HeatmapStyle.DEFAULT)) {
            writer.writeAudio(sine(RATE / 2, 500_000)); // the first half second has no sound
            writeOneSecond(writer, 64, 48, false);
        }

        DecodedVideo video = DecodedVideo.read(target);
        assertTrue(video.audioRms(0.05, 0.45) < 0.01, "silence before the first block");
        assertEquals(0.5 / Math.sqrt(2), video.audioRms(0.55, 0.95), 0.05, "sound after it");
    }

    @Test
    void framesKeepTheirTimestamps() throws Exception {
        Path target = dir.resolve("vfr.mp4");
        long[] timestamps = {0, 40_000, 200_000, 240_000, 600_000};
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 0,
                HeatmapStyle.DEFAULT)) {
            for (long t : timestamps) {
                writer.write(grayFrame(64, 48, t), leftHotMap(64, 48, t));
            }
        }

        long[] decoded = DecodedVideo.read(target).pictures.stream()
                .mapToLong(DecodedVideo.Picture::timestampMicros).toArray();
        assertArrayEquals(timestamps, decoded);
    }

    @Test
    void parentThatIsAFileIsRejectedWithoutLeftovers() throws Exception {
        Path file = Files.writeString(dir.resolve("some.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> HeatmapVideoWriter.open(file.resolve("out.mp4"),
                64, 48, FPS, RATE, 2, HeatmapStyle.DEFAULT));
        assertTrue(e instanceof FileSystemException && e.getMessage().contains("some.txt"), e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void missingDirectoryIsRejected() {
        Path missing = dir.resolve("missing");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> HeatmapVideoWriter.open(
                missing.resolve("out.mp4"), 64, 48, FPS, RATE, 2, HeatmapStyle.DEFAULT));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void encoderRefusalIsReportedWithTheTargetAndLeavesNothing() throws IOException {
        Path target = dir.resolve("out.mp4");
        IOException e = assertThrows(IOException.class,
                () -> HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 9, HeatmapStyle.DEFAULT));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("aac"), e.getMessage());
        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(target));
    }

    @Test
    void frameRateOutsideTheSupportedRangeIsRejected() {
        assertThrows(InvalidOptionsException.class, () -> HeatmapVideoWriter.open(dir.resolve("out.mp4"), 64, 48,
                0, RATE, 2, HeatmapStyle.DEFAULT));
        assertThrows(InvalidOptionsException.class, () -> HeatmapVideoWriter.open(dir.resolve("out.mp4"), 64, 48,
                Double.NaN, RATE, 2, HeatmapStyle.DEFAULT));
    }

    @Test
    void unknownExtensionIsNamed() {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> HeatmapVideoWriter.open(
                dir.resolve("out.avi"), 64, 48, FPS, RATE, 2, HeatmapStyle.DEFAULT));
        assertTrue(e.getMessage().contains("'avi'"), e.getMessage());
    }

    @Test
    void existingTargetIsUntouchedUntilCloseAndAfterAbort() throws Exception {
        Path target = Files.writeString(dir.resolve("out.mp4"), "earlier result");
        HeatmapVideoWriter writer = HeatmapVideoWriter.open(target, 64, 48, FPS, RATE, 2, HeatmapStyle.DEFAULT);
        writeOneSecond(writer, 64, 48, true);
        assertEquals("earlier result", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(1, leftovers().size(), "content goes to one temporary file beside the target");

        writer.abort();
        writer.close();

        assertEquals("earlier result", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(), leftovers());
        assertThrows(IllegalStateException.class, () -> writer.write(grayFrame(64, 48, 0), leftHotMap(64, 48, 0)));
    }

    @Test
    void frameOfAnotherSizeIsRejected() throws Exception {
        try (HeatmapVideoWriter writer = HeatmapVideoWriter.open(dir.resolve("out.mp4"), 64, 48, FPS, RATE, 0,
                HeatmapStyle.DEFAULT)) {
            assertThrows(IllegalArgumentException.class,
                    () -> writer.write(grayFrame(32, 24, 0), leftHotMap(32, 24, 0)));
            writer.abort();
        }
    }
}
