package io.fixate.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.TruncatedMediaException;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.fixtures.MovingSquareClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The isolated reader gives what the in-process one gives, and survives what would kill the host. */
class IsolatedMediaReaderTest {

    @TempDir
    static Path shared;
    private static Path clip;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeClip() {
        clip = MovingSquareClip.clip().frames(20, 25).write(shared, "tone.mov");
    }

    private record Read(MediaInfo info, List<FrameWithAudio> frames, List<AudioBlock> sourceAudio,
                        List<String> warnings) {
    }

    private static Read readAll(FrameSource source) {
        try (source) {
            List<AudioBlock> audio = new ArrayList<>();
            source.onSourceAudio(audio::add);
            List<FrameWithAudio> frames = new ArrayList<>();
            for (FrameWithAudio frame = source.read(); frame != null; frame = source.read()) {
                frames.add(frame);
            }
            assertNull(source.read(), "the end stays the end");
            return new Read(source.info(), frames, audio, source.warnings());
        }
    }

    @Test
    void deliversExactlyWhatTheInProcessReaderDelivers() {
        Read local = readAll(MediaReader.open(clip, ReadOptions.DEFAULT));
        Read isolated = readAll(IsolatedMediaReader.open(clip, ReadOptions.DEFAULT));
        assertEquals(local.info(), isolated.info());
        assertEquals(20, isolated.frames().size());
        for (int i = 0; i < local.frames().size(); i++) {
            FrameWithAudio expected = local.frames().get(i);
            FrameWithAudio actual = isolated.frames().get(i);
            assertEquals(expected.frame().timestampMicros(), actual.frame().timestampMicros());
            assertEquals(expected.frame().rgb(), actual.frame().rgb(), "pixels of frame " + i);
            assertEquals(expected.audio().interleaved(), actual.audio().interleaved(), "window of frame " + i);
            assertEquals(expected.audioPresent(), actual.audioPresent());
        }
        assertEquals(local.sourceAudio().size(), isolated.sourceAudio().size());
        assertEquals(local.sourceAudio().get(3).interleaved(), isolated.sourceAudio().get(3).interleaved());
        assertEquals(local.warnings(), isolated.warnings());
    }

    @Test
    void theReadersTypedErrorsCrossTheProcessBoundary() throws IOException {
        assertInstanceOf(NoSuchFileException.class, assertThrows(UncheckedIOException.class,
                () -> IsolatedMediaReader.open(dir.resolve("missing.mp4"), ReadOptions.DEFAULT)).getCause());
        Path photo = Files.write(dir.resolve("photo.mp4"), Remux.png(32, 32));
        assertThrows(UnsupportedMediaException.class, () -> IsolatedMediaReader.open(photo, ReadOptions.DEFAULT));

        Path cut = MovingSquareClip.truncated(MovingSquareClip.clip().write(dir, "whole.mov"), dir.resolve("cut.mov"),
                0.5);
        try (IsolatedMediaReader reader = IsolatedMediaReader.open(cut, ReadOptions.DEFAULT)) {
            int[] frames = {0};
            TruncatedMediaException error = assertThrows(TruncatedMediaException.class, () -> {
                while (reader.read() != null) {
                    frames[0]++;
                }
            });
            assertEquals(frames[0], error.framesDecoded());
            assertEquals(2_000_000, error.declaredEndMicros());
        }
    }

    @Test
    void aCrashOfTheDecoderIsATypedErrorAndTheHostLivesOn() throws Exception {
        try (IsolatedMediaReader reader = IsolatedMediaReader.open(clip, ReadOptions.DEFAULT)) {
            // The child has opened the file and waits for the first read.
            ProcessHandle child = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("DecodeWorker")).findFirst().orElseThrow();
            // A segmentation fault inside FFmpeg: the child's JVM writes its crash report and aborts.
            assertEquals(0, new ProcessBuilder("kill", "-SEGV", Long.toString(child.pid())).start().waitFor());
            child.onExit().get();
            CorruptMediaException error = assertThrows(CorruptMediaException.class, reader::read);
            assertTrue(error.getMessage().contains("crashed (signal") && error.getMessage().contains("tone.mov")
                    && error.getMessage().contains("crash report"), error.getMessage());
            Files.deleteIfExists(Path.of(error.getMessage().replaceFirst(".*crash report, with FFmpeg's stack: ", "")));
        }
    }

    @Test
    void aDecoderThatStopsMakingProgressIsStopped() {
        CorruptMediaException error = assertThrows(CorruptMediaException.class,
                () -> IsolatedMediaReader.open(clip, ReadOptions.DEFAULT, 1));
        assertTrue(error.getMessage().contains("no progress"), error.getMessage());
    }
}
