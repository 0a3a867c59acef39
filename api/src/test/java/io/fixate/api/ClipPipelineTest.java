package io.fixate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link FixationPredictor#predictClip} reads the clip in its own thread and keeps every promise of one thread. */
class ClipPipelineTest {

    private static final int FRAMES = 40;

    /** A clip of {@code count} frames that records which thread read each one, failing at {@code failAt} (or never). */
    private static final class RecordingClip implements Iterable<FrameWithAudio> {
        final List<String> readers = new CopyOnWriteArrayList<>();
        private final int count;
        private final int failAt;
        private final RuntimeException failure;

        RecordingClip(int count, int failAt, RuntimeException failure) {
            this.count = count;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public Iterator<FrameWithAudio> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < count;
                }

                @Override
                public FrameWithAudio next() {
                    if (next >= count) {
                        throw new NoSuchElementException();
                    }
                    if (next == failAt) {
                        throw failure;
                    }
                    readers.add(Thread.currentThread().getName());
                    VideoFrame frame = VideoFrame.ofRgb(2, 2, next++ * 40_000L, new byte[12]);
                    return FrameWithAudio.silent(frame, AudioRequirement.DEFAULT);
                }
            };
        }
    }

    /** A predictor whose map of a frame holds the frame's index, one frame late (one frame of look-ahead). */
    private static final class LateByOne implements FixationPredictor {
        final List<String> sessionThreads = new CopyOnWriteArrayList<>();

        @Override
        public ProviderInfo info() {
            return new ProviderInfo("late-by-one", List.of(), "test", Capabilities.builder().build());
        }

        @Override
        public PredictionSession openSession() {
            return new PredictionSession() {
                private FrameWithAudio held;

                @Override
                public int lookAheadFrames() {
                    return 1;
                }

                @Override
                public AudioRequirement audioRequirement() {
                    return AudioRequirement.DEFAULT;
                }

                @Override
                public List<FixationMap> push(FrameWithAudio input) {
                    sessionThreads.add(Thread.currentThread().getName());
                    List<FixationMap> ready = held == null ? List.of() : List.of(mapOf(held));
                    held = input;
                    return ready;
                }

                @Override
                public List<FixationMap> flush() {
                    List<FixationMap> ready = held == null ? List.of() : List.of(mapOf(held));
                    held = null;
                    return ready;
                }

                @Override
                public void close() {
                }
            };
        }

        private static FixationMap mapOf(FrameWithAudio input) {
            long timestamp = input.frame().timestampMicros();
            float value = (timestamp / 40_000L) / (float) FRAMES;
            return FixationMap.of(1, 1, new float[] {value}, timestamp, 2, 2);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsInItsOwnThreadAndHandsEveryMapOnInOrderOnTheCaller() {
        RecordingClip clip = new RecordingClip(FRAMES, -1, null);
        LateByOne predictor = new LateByOne();
        List<String> sinkThreads = new ArrayList<>();
        List<FixationMap> maps = new ArrayList<>();
        predictor.predictClip(clip, map -> {
            sinkThreads.add(Thread.currentThread().getName());
            maps.add(map);
        });
        assertEquals(IntStream.range(0, FRAMES).mapToObj(i -> i * 40_000L).toList(),
                maps.stream().map(FixationMap::timestampMicros).toList(), "one map per frame, in order");
        String caller = Thread.currentThread().getName();
        assertTrue(clip.readers.stream().allMatch("fixate-clip-read"::equals), clip.readers.toString());
        assertTrue(predictor.sessionThreads.stream().allMatch(caller::equals), "the session runs on the caller");
        assertTrue(sinkThreads.stream().allMatch(caller::equals), "and so does the sink");
        assertNotEquals("fixate-clip-read", caller);
    }

    @Test
    void aFailureReadingTheClipIsThrownAsItWasAfterTheMapsBeforeIt() {
        IllegalStateException damaged = new IllegalStateException("damaged at frame 7");
        List<FixationMap> maps = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new LateByOne().predictClip(new RecordingClip(FRAMES, 7, damaged), maps::add));
        assertSame(damaged, thrown);
        assertEquals(6, maps.size(), "the frames before the damage, less the one the model still held");
        assertFalse(readerAlive());
    }

    @Test
    void aFailingSinkStopsTheReader() {
        IllegalArgumentException refused = new IllegalArgumentException("sink refused");
        RecordingClip clip = new RecordingClip(10_000, -1, null);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new LateByOne().predictClip(clip, map -> {
                    throw refused;
                }));
        assertSame(refused, thrown);
        assertFalse(readerAlive(), "the reader thread ended with the call");
        assertTrue(clip.readers.size() < 100, "and read no further than a few frames ahead: " + clip.readers.size());
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().equals("fixate-clip-read"));
    }
}
