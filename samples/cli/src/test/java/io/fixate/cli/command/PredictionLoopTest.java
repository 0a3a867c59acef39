package io.fixate.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.Fixate;
import io.fixate.api.AudioBlock;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.TruncatedMediaException;
import io.fixate.codec.FrameSource;
import io.fixate.codec.MediaInfo;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.fixtures.MovingSquareClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three-thread loop gives what one thread gives, in order, and fails once, as its failing stage did. */
class PredictionLoopTest {

    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    private Path clip;

    @BeforeEach
    void writeClip() {
        clip = MovingSquareClip.clip().size(96, 64).frames(FRAMES, 25).write(dir, "clip.mp4");
    }

    private static FixationPredictor baseline() {
        return Fixate.predictor("classic-baseline", ModelOptions.defaults());
    }

    private MediaReader open(FixationPredictor predictor) {
        return MediaReader.open(clip, ReadOptions.of(predictor.info().capabilities().audio()));
    }

    @Test
    void givesTheMapsOfOneThreadInOrderWithTheirFrames() throws IOException {
        List<float[]> sequential = new ArrayList<>();
        List<float[]> pipelined = new ArrayList<>();
        try (FixationPredictor predictor = baseline()) {
            try (MediaReader reader = open(predictor); PredictionSession session = predictor.openSession()) {
                for (FrameWithAudio input; (input = reader.read()) != null; ) {
                    session.push(input).forEach(map -> sequential.add(map.toArray()));
                }
                session.flush().forEach(map -> sequential.add(map.toArray()));
            }
            try (MediaReader reader = open(predictor)) {
                int handed = PredictionLoop.run(predictor, reader, (index, frame, map) -> {
                    assertEquals(pipelined.size(), index, "frames come in order");
                    assertEquals(frame.timestampMicros(), map.timestampMicros(), "each map with its own frame");
                    assertTrue(Thread.currentThread().getName().equals("fixate-output"));
                    pipelined.add(map.toArray());
                }, null, "hint");
                assertEquals(FRAMES, handed);
            }
        }
        assertEquals(sequential.size(), pipelined.size());
        for (int i = 0; i < sequential.size(); i++) {
            assertArrayEquals(sequential.get(i), pipelined.get(i), "map " + i);
        }
    }

    @Test
    void aFailingSinkStopsEveryStageAndIsThrownAsItWas() throws IOException {
        IOException full = new IOException("disk full");
        try (FixationPredictor predictor = baseline(); MediaReader reader = open(predictor)) {
            IOException thrown = assertThrows(IOException.class, () -> PredictionLoop.run(predictor, reader,
                    (index, frame, map) -> {
                        if (index == 5) {
                            throw full;
                        }
                    }, null, "hint"));
            assertSame(full, thrown);
        }
        assertFalse(stageThreadsAlive(), "no stage thread outlives the loop");
    }

    @Test
    void damageInTheSourceReachesTheCallerWithTheHint() throws IOException {
        try (FixationPredictor predictor = baseline(); MediaReader reader = open(predictor)) {
            FrameSource damaged = new FailingAfter(reader, 7);
            List<Integer> seen = new ArrayList<>();
            TruncatedMediaException thrown = assertThrows(TruncatedMediaException.class,
                    () -> PredictionLoop.run(predictor, damaged, (index, frame, map) -> seen.add(index), null,
                            "nothing was written"));
            assertTrue(thrown.getMessage().endsWith("; nothing was written"), thrown.getMessage());
            assertTrue(seen.size() <= 7, "no more frames than decoded: " + seen.size());
        }
        assertFalse(stageThreadsAlive());
    }

    @Test
    void stopsAfterTheFrameLimitAndTimesEachStage() throws IOException {
        PredictionLoop.StageTimes times = new PredictionLoop.StageTimes();
        try (FixationPredictor predictor = baseline(); MediaReader reader = open(predictor)) {
            int handed = PredictionLoop.run(predictor, reader, (index, frame, map) -> { }, null, "hint", 10, times);
            assertEquals(10, handed);
        }
        assertTrue(times.decode > 0 && times.predict > 0, "decode " + times.decode + ", predict " + times.predict);
    }

    private static boolean stageThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.isAlive()
                && (thread.getName().equals("fixate-decode") || thread.getName().equals("fixate-output")));
    }

    /** A source whose data ends after {@code good} frames, as a truncated file's does. */
    private static final class FailingAfter implements FrameSource {
        private final FrameSource source;
        private final int good;
        private int reads;

        FailingAfter(FrameSource source, int good) {
            this.source = source;
            this.good = good;
        }

        @Override
        public MediaInfo info() {
            return source.info();
        }

        @Override
        public void onSourceAudio(Consumer<AudioBlock> listener) {
            source.onSourceAudio(listener);
        }

        @Override
        public FrameWithAudio read() {
            if (reads++ == good) {
                throw new TruncatedMediaException("clip.mp4 ends early", good, 0, 0);
            }
            return source.read();
        }

        @Override
        public List<String> warnings() {
            return source.warnings();
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
