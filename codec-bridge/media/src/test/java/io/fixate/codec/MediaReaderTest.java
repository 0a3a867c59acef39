package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaReaderTest {

    private static final ReadOptions OPTIONS = ReadOptions.DEFAULT;
    private static final long FRAME = 40_000;

    @TempDir
    static Path shared;
    private static Path toneClip;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeToneClip() {
        toneClip = MovingSquareClip.clip().write(shared, "tone.mov");
    }

    /** Every frame of a reader, and its warnings. */
    private record Decoded(MediaInfo info, List<FrameWithAudio> frames, List<String> warnings) {
        FrameWithAudio first() {
            return frames.get(0);
        }

        FrameWithAudio last() {
            return frames.get(frames.size() - 1);
        }
    }

    private static Decoded readAll(Path file, ReadOptions options) {
        try (MediaReader reader = MediaReader.open(file, options)) {
            List<FrameWithAudio> frames = new ArrayList<>();
            for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                frames.add(frame);
            }
            return new Decoded(reader.info(), frames, reader.warnings());
        }
    }

    @Test
    void describesTheFile() {
        MediaInfo info = readAll(toneClip, OPTIONS).info();
        assertAll(
                () -> assertEquals(64, info.width()),
                () -> assertEquals(48, info.height()),
                () -> assertEquals(25.0, info.frameRate(), 1e-6),
                () -> assertTrue(info.hasAudio()),
                () -> assertEquals(44_100, info.audioSampleRate()),
                () -> assertEquals(2, info.audioChannels()),
                () -> assertEquals("mpeg4", info.videoCodec()),
                () -> assertEquals("pcm_s16le", info.audioCodec()),
                () -> assertEquals(2_000_000, info.durationMicros()),
                () -> assertEquals(50, info.estimatedFrames(), 1));
    }

    @Test
    void deliversEveryFrameInOrderWithItsTimestampAndPixels() {
        Decoded decoded = readAll(toneClip, OPTIONS);
        assertEquals(50, decoded.frames().size());
        for (int i = 0; i < 50; i++) {
            VideoFrame frame = decoded.frames().get(i).frame();
            assertEquals(i * FRAME, frame.timestampMicros(), 1_000, "timestamp of frame " + i);
            assertEquals(64, frame.width());
            assertEquals(48, frame.height());
            assertEquals(MovingSquareClip.clip().squareX(i) + 3.5, Signals.redCentreX(frame), 1.0,
                    "square of frame " + i);
        }
        VideoFrame first = decoded.first().frame();
        for (int c = 0; c < 3; c++) {
            assertEquals(MovingSquareClip.BACKGROUND[c], first.channel(60, 2, c), 12, "background channel " + c);
        }
        assertEquals(List.of(), decoded.warnings());
    }

    @Test
    void eachFrameGetsACentredHannWindowOfTheTone() {
        AudioRequirement audio = OPTIONS.audio();
        for (FrameWithAudio frame : readAll(toneClip, OPTIONS).frames()) {
            AudioBlock window = frame.audio();
            long t = frame.frame().timestampMicros();
            assertEquals(audio.windowSamples(), window.frameCount());
            assertEquals(audio.sampleRate(), window.sampleRate());
            assertEquals(1, window.channels());
            assertEquals(t - audio.windowMicros() / 2, window.timestampMicros(), 100);
            assertEquals(0, window.sample(0, 0), 1e-3, "Hann edge at " + t);
            assertEquals(0, window.sample(window.frameCount() - 1, 0), 1e-3, "Hann edge at " + t);
            assertTrue(frame.audioPresent());
        }
        // Inside the clip the centre half of a window is nearly unweighted tone: 0.5 amplitude, 440 Hz.
        FrameWithAudio middle = readAll(toneClip, OPTIONS).frames().get(25);
        int quarter = audio.windowSamples() / 4;
        // Mean of the squared Hann weights over the centre half is 3/8 + 1/pi.
        double weightRms = Math.sqrt(3.0 / 8 + 1 / Math.PI);
        assertEquals(MovingSquareClip.TONE_AMPLITUDE / Math.sqrt(2) * weightRms,
                Signals.rms(middle.audio(), quarter, 3 * quarter), 0.01);
        assertEquals(2 * 440 * 0.25, Signals.zeroCrossings(middle.audio(), quarter, 3 * quarter), 3);
    }

    @Test
    void audioOfAnyNativeFormatIsResampledIntoTheWindows() {
        Path file = MovingSquareClip.clip().size(96, 64).tone(1_000, 48_000, 1).write(dir, "mono48k.mov");
        Decoded decoded = readAll(file, OPTIONS);
        assertEquals(96, decoded.info().width());
        assertEquals(64, decoded.first().frame().height());
        assertEquals(48_000, decoded.info().audioSampleRate());
        assertEquals(1, decoded.info().audioChannels());
        AudioBlock middle = decoded.frames().get(25).audio();
        int quarter = OPTIONS.audio().windowSamples() / 4;
        assertEquals(2 * 1_000 * 0.25, Signals.zeroCrossings(middle, quarter, 3 * quarter), 3);
    }

    @Test
    void windowsAreSilentBeforeTheAudioBegins() {
        AudioBlock firstWindow = readAll(toneClip, OPTIONS).first().audio();
        int half = firstWindow.frameCount() / 2;
        assertEquals(0, Signals.rms(firstWindow, 0, half - 16), 1e-6);
        assertTrue(Signals.rms(firstWindow, half, firstWindow.frameCount()) > 0.1);
    }

    @Test
    void videoWithoutAudioGetsSilentWindowsMarkedAbsent() {
        Path file = MovingSquareClip.clip().silent().write(dir, "mute.mov");
        Decoded decoded = readAll(file, OPTIONS);
        assertAll(
                () -> assertFalse(decoded.info().hasAudio()),
                () -> assertEquals(0, decoded.info().audioSampleRate()),
                () -> assertEquals(0, decoded.info().audioChannels()),
                () -> assertEquals("", decoded.info().audioCodec()),
                () -> assertEquals(50, decoded.frames().size()));
        for (FrameWithAudio frame : decoded.frames()) {
            assertFalse(frame.audioPresent());
            assertEquals(OPTIONS.audio().windowSamples(), frame.audio().frameCount());
            assertEquals(0, frame.audio().rms());
        }
    }

    @Test
    void audioShorterThanVideoEndsInSilenceWithoutHoldingFramesBack() {
        Path file = MovingSquareClip.clip().frames(100, 25).audioFor(0.3).write(dir, "short-audio.mov");
        Decoded decoded = readAll(file, OPTIONS);
        assertEquals(100, decoded.frames().size());
        assertTrue(decoded.frames().get(3).audioPresent());
        assertTrue(decoded.frames().get(3).audio().rms() > 0.1);
        for (FrameWithAudio late : decoded.frames().subList(20, 100)) {
            assertFalse(late.audioPresent(), "frame at " + late.frame().timestampMicros());
            assertEquals(0, late.audio().rms());
        }
    }

    @Test
    void rangeWithoutSeekStartsWithinOneFrameAndLastsItsDuration() {
        Decoded decoded = readAll(toneClip, OPTIONS.from(600_000).lasting(800_000));
        assertEquals(20, decoded.frames().size());
        long first = decoded.first().frame().timestampMicros();
        assertTrue(first >= 600_000 - 1_000 && first < 600_000 + FRAME, "first frame at " + first);
        assertTrue(decoded.last().frame().timestampMicros() < 1_400_000);
    }

    @Test
    void seekingLandsOnTheRightFrameWithItsWholeWindow() {
        Path file = MovingSquareClip.clip().frames(150, 25).write(dir, "six-seconds.mov");
        assertLandsOnFrame75(file, 3_000_000);
    }

    @Test
    void seekingWorksInMpegTsToo() {
        Path file = MovingSquareClip.clip().frames(150, 25).mpegTs().write(dir, "six-seconds.ts");
        assertLandsOnFrame75(file, 3_000_000);
    }

    private static void assertLandsOnFrame75(Path file, long start) {
        Decoded decoded = readAll(file, OPTIONS.from(start).lasting(400_000));
        assertEquals(10, decoded.frames().size());
        FrameWithAudio first = decoded.first();
        assertEquals(start, first.frame().timestampMicros(), FRAME / 2.0);
        assertEquals(MovingSquareClip.clip().squareX(75) + 3.5, Signals.redCentreX(first.frame()), 1.0);
        // The pre-roll decoded the audio before the range, so the whole window holds tone.
        int half = first.audio().frameCount() / 2;
        assertTrue(Signals.rms(first.audio(), half / 2, half) > 0.1, "first half of the window is silent");
    }

    @Test
    void mpegTsTimesStartNearZeroDespiteTheContainerClock() {
        Path file = MovingSquareClip.clip().mpegTs().write(dir, "clip.ts");
        Decoded decoded = readAll(file, OPTIONS);
        assertEquals(50, decoded.frames().size());
        assertTrue(decoded.first().frame().timestampMicros() < FRAME, "first frame at "
                + decoded.first().frame().timestampMicros());
        assertEquals(49 * FRAME, decoded.last().frame().timestampMicros() - decoded.first().frame().timestampMicros(),
                1_000);
        FrameWithAudio middle = decoded.frames().get(25);
        assertTrue(middle.audioPresent());
        assertTrue(middle.audio().rms() > 0.1);
    }

    @Test
    void variableFrameRateFollowsTheFrameTimestamps() {
        long[] times = {0, 40_000, 120_000, 240_000, 400_000, 440_000, 800_000};
        Path file = MovingSquareClip.clip().silent().frameTimes(times).write(dir, "vfr.mov");
        List<FrameWithAudio> frames = readAll(file, OPTIONS).frames();
        assertEquals(times.length, frames.size());
        for (int i = 0; i < times.length; i++) {
            assertEquals(times[i], frames.get(i).frame().timestampMicros(), 1_000);
        }
    }

    @Test
    void passesTheSourceAudioAtItsNativeFormat() {
        List<AudioBlock> blocks = new ArrayList<>();
        try (MediaReader reader = MediaReader.open(toneClip, OPTIONS)) {
            reader.onSourceAudio(blocks::add);
            while (reader.read() != null) {
                assertFalse(blocks.isEmpty(), "audio decoded before the first frame was not replayed");
            }
        }
        assertEquals(0, blocks.get(0).timestampMicros(), 1_000);
        long frames = 0;
        for (AudioBlock block : blocks) {
            assertEquals(44_100, block.sampleRate());
            assertEquals(2, block.channels());
            assertEquals(frames * 1_000_000.0 / 44_100, block.timestampMicros(), 1_000);
            frames += block.frameCount();
        }
        assertEquals(2 * 44_100, frames, 1_200);
        assertEquals(MovingSquareClip.TONE_AMPLITUDE / Math.sqrt(2), blocks.get(5).rms(), 0.01);
    }

    @Test
    void truncatedFileToleratedDeliversWhatDecodedWithOneWarning() {
        Path cut = MovingSquareClip.truncated(toneClip, dir.resolve("cut.mov"), 0.6);
        Decoded decoded = readAll(cut, OPTIONS.toleratingDamage());
        assertTrue(decoded.frames().size() >= 10 && decoded.frames().size() < 45,
                decoded.frames().size() + " frames");
        // The cut also splits an audio packet, which is reported apart.
        List<String> truncation = decoded.warnings().stream().filter(w -> w.contains("truncated")).toList();
        assertEquals(1, truncation.size(), decoded.warnings().toString());
        assertTrue(truncation.get(0).contains("cut.mov") && truncation.get(0).contains("2.000 s"), truncation.get(0));
    }

    @Test
    void truncatedFileWithItsIndexAtTheEndIsCorrupt() {
        Path whole = MovingSquareClip.clip().indexAtEnd().write(dir, "whole.mp4");
        assertCorrupt(MovingSquareClip.truncated(whole, dir.resolve("cut.mp4"), 0.6));
    }

    @Test
    void damageInTheMiddleIsDecodedPast() throws Exception {
        byte[] bytes = Files.readAllBytes(toneClip);
        byte[] noise = new byte[bytes.length / 10];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, bytes.length / 2, noise.length);
        Decoded decoded = readAll(Files.write(dir.resolve("damaged.mov"), bytes), OPTIONS);
        assertTrue(decoded.frames().size() > 25, decoded.frames().size() + " frames");
        assertEquals(1_960_000, decoded.last().frame().timestampMicros(), 1_000);
    }

    @Test
    void rangeAfterTheEndDeliversNothingWithAWarning() {
        Decoded decoded = readAll(toneClip, OPTIONS.from(5_000_000));
        assertEquals(0, decoded.frames().size());
        assertTrue(decoded.warnings().get(0).contains("ends before"), decoded.warnings().toString());
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("nowhere.mp4");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> MediaReader.open(missing,
                OPTIONS));
        assertInstanceOf(NoSuchFileException.class, error.getCause());
        assertTrue(error.getMessage().contains("nowhere.mp4"), error.getMessage());
    }

    @Test
    void directoryIsAnIoError() {
        assertThrows(UncheckedIOException.class, () -> MediaReader.open(dir, OPTIONS));
    }

    @Test
    void emptyFileIsCorrupt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertCorrupt(empty);
    }

    @Test
    void textRenamedToMp4IsCorrupt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video, just some notes\n".repeat(50),
                StandardCharsets.UTF_8);
        assertCorrupt(text);
    }

    @Test
    void randomBytesAreCorrupt() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        assertCorrupt(Files.write(dir.resolve("noise.mkv"), noise));
    }

    private static void assertCorrupt(Path file) {
        CorruptMediaException error = assertThrows(CorruptMediaException.class, () -> MediaReader.open(file,
                OPTIONS));
        assertTrue(error.getMessage().contains(file.getFileName().toString()), error.getMessage());
    }

    @Test
    void audioOnlyFileIsUnsupported() {
        Path file = MovingSquareClip.clip().withoutVideo().write(dir, "sound.mov");
        UnsupportedMediaException error = assertThrows(UnsupportedMediaException.class,
                () -> MediaReader.open(file, OPTIONS));
        assertTrue(error.getMessage().contains("sound.mov") && error.getMessage().contains("no video"),
                error.getMessage());
    }

    @Test
    void oddSizedVideoKeepsItsSize() {
        assertDecodesY4m(65, 49);
    }

    @Test
    void oneByOneVideo() {
        assertDecodesY4m(1, 1);
    }

    private void assertDecodesY4m(int width, int height) {
        Path file = MovingSquareClip.y4m(dir, width + "x" + height + ".y4m", width, height, 5);
        Decoded decoded = readAll(file, OPTIONS);
        assertEquals(5, decoded.frames().size());
        for (int i = 0; i < 5; i++) {
            VideoFrame frame = decoded.frames().get(i).frame();
            assertEquals(width, frame.width());
            assertEquals(height, frame.height());
            assertEquals(i * FRAME, frame.timestampMicros());
            for (int c = 0; c < 3; c++) {
                assertEquals(MovingSquareClip.y4mGrey(i), frame.channel(width - 1, height - 1, c), 1);
            }
        }
    }

    @Test
    void closeIsIdempotentAndEndsReading() {
        MediaReader reader = MediaReader.open(toneClip, OPTIONS);
        reader.close();
        reader.close();
        assertThrows(IllegalStateException.class, reader::read);
    }

    @Test
    void readKeepsReturningNullAtTheEnd() {
        try (MediaReader reader = MediaReader.open(toneClip, OPTIONS.from(1_900_000))) {
            assertEquals(1_920_000, reader.read().frame().timestampMicros(), 1_000);
            assertTrue(reader.read() != null);
            assertNull(reader.read());
            assertNull(reader.read());
        }
    }
}
