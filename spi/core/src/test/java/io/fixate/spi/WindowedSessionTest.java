package io.fixate.spi;

import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowedSessionTest {

    private static final long FRAME_MICROS = 40_000;

    /** What a model saw for one target frame: frame numbers (timestamp / 40 ms) of its window, oldest first. */
    private record SeenWindow(List<Long> frames, boolean hasFirstPast, boolean hasFirstFuture) {
    }

    /** A session whose "model" records each window it is given and answers with a uniform map. */
    private static final class RecordingSession extends WindowedSession {
        final List<SeenWindow> windows = new ArrayList<>();
        final List<Integer> audioChannels = new ArrayList<>();
        int streamsEnded;
        int releases;
        private final int context;
        private final int lookAhead;

        RecordingSession(int context, int lookAhead) {
            super(context, lookAhead, AudioRequirement.DEFAULT);
            this.context = context;
            this.lookAhead = lookAhead;
        }

        @Override
        protected FixationMap predict(FrameWindow window) {
            List<Long> frames = new ArrayList<>();
            for (int k = context; k >= 1; k--) {
                frames.add(number(window.past(k)));
            }
            frames.add(number(window.current()));
            for (int k = 1; k <= lookAhead; k++) {
                frames.add(number(window.future(k)));
            }
            windows.add(new SeenWindow(frames, window.hasPast(1), window.hasFuture(1)));
            audioChannels.add(window.current().audio().channels());
            VideoFrame frame = window.current().frame();
            return FixationMap.of(1, 1, new float[] {0.5f}, frame.timestampMicros(), frame.width(), frame.height());
        }

        @Override
        protected void streamEnded() {
            streamsEnded++;
        }

        @Override
        protected void release() {
            releases++;
        }

        private static long number(FrameWithAudio input) {
            return input.frame().timestampMicros() / FRAME_MICROS;
        }
    }

    private static FrameWithAudio frame(long number) {
        return sized(number, 4, 2);
    }

    private static FrameWithAudio sized(long number, int width, int height) {
        VideoFrame frame = VideoFrame.ofRgb(width, height, number * FRAME_MICROS, new byte[width * height * 3]);
        return FrameWithAudio.silent(frame, AudioRequirement.DEFAULT);
    }

    private static List<Long> numbersOf(List<FixationMap> maps) {
        return maps.stream().map(m -> m.timestampMicros() / FRAME_MICROS).toList();
    }

    @Test
    void mapsWaitForTheLookAheadAndComeOutInOrder() {
        RecordingSession session = new RecordingSession(0, 2);
        assertEquals(List.of(), session.push(frame(0)));
        assertEquals(List.of(), session.push(frame(1)));
        assertEquals(List.of(0L), numbersOf(session.push(frame(2))));
        assertEquals(List.of(1L), numbersOf(session.push(frame(3))));
        assertEquals(List.of(2L, 3L), numbersOf(session.flush()));
        assertEquals(2, session.lookAheadFrames());
    }

    @Test
    void withoutLookAheadEveryPushReturnsItsOwnMap() {
        RecordingSession session = new RecordingSession(0, 0);
        for (long n = 0; n < 3; n++) {
            assertEquals(List.of(n), numbersOf(session.push(frame(n))));
        }
        assertEquals(List.of(), session.flush());
    }

    @Test
    void windowsReplicateTheFirstFrameAtTheStartAndTheLastFrameOnFlush() {
        RecordingSession session = new RecordingSession(2, 1);
        IntStream.range(0, 4).forEach(n -> session.push(frame(n)));
        session.flush();

        assertEquals(List.of(
                new SeenWindow(List.of(0L, 0L, 0L, 1L), false, true),
                new SeenWindow(List.of(0L, 0L, 1L, 2L), true, true),
                new SeenWindow(List.of(0L, 1L, 2L, 3L), true, true),
                new SeenWindow(List.of(1L, 2L, 3L, 3L), true, false)), session.windows);
    }

    @Test
    void aLongStreamKeepsASlidingWindow() {
        RecordingSession session = new RecordingSession(1, 1);
        IntStream.range(0, 50).forEach(n -> session.push(frame(n)));
        assertEquals(new SeenWindow(List.of(47L, 48L, 49L), true, true), session.windows.get(48));
    }

    @Test
    void flushEndsTheStreamSoTheNextOneStartsFresh() {
        RecordingSession session = new RecordingSession(1, 1);
        session.push(frame(5));
        session.push(frame(6));
        assertEquals(List.of(6L), numbersOf(session.flush()));
        assertEquals(1, session.streamsEnded);

        // an earlier timestamp and another size are fine after a flush, and no frame of the old stream is seen
        session.push(sized(0, 8, 8));
        assertEquals(List.of(0L), numbersOf(session.flush()));
        assertEquals(new SeenWindow(List.of(0L, 0L, 0L), false, false), session.windows.get(2));
        assertEquals(List.of(), session.flush());
    }

    @Test
    void rejectsFramesOutOfPresentationOrderAndStaysUsable() {
        RecordingSession session = new RecordingSession(0, 1);
        session.push(frame(2));
        assertThrows(IllegalArgumentException.class, () -> session.push(frame(2)));
        assertThrows(IllegalArgumentException.class, () -> session.push(frame(1)));
        assertEquals(List.of(2L), numbersOf(session.push(frame(3))));
    }

    @Test
    void rejectsAudioAtAnotherSampleRate() {
        RecordingSession session = new RecordingSession(0, 0);
        VideoFrame picture = frame(0).frame();
        FrameWithAudio cdAudio = new FrameWithAudio(picture, AudioBlock.silence(100, 44_100, 1, 0), true);
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> session.push(cdAudio));
        assertTrue(e.getMessage().contains("44100 Hz"), e.getMessage());
    }

    @Test
    void mixesMultiChannelAudioDownForTheModel() {
        RecordingSession session = new RecordingSession(0, 0);
        session.push(new FrameWithAudio(frame(0).frame(), AudioBlock.silence(100, 16_000, 2, 0), true));
        assertEquals(List.of(1), session.audioChannels);
    }

    @Test
    void rejectsAFrameSizeChangeWithinAStream() {
        for (int lookAhead = 0; lookAhead <= 1; lookAhead++) {
            RecordingSession session = new RecordingSession(0, lookAhead);
            session.push(sized(0, 4, 2));
            UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class,
                    () -> session.push(sized(1, 2, 4)));
            assertTrue(e.getMessage().contains("4x2 to 2x4"), e.getMessage());
        }
    }

    @Test
    void aMapForTheWrongFrameIsAProviderBug() {
        WindowedSession wrong = new WindowedSession(0, 0, AudioRequirement.DEFAULT) {
            @Override
            protected FixationMap predict(FrameWindow window) {
                return FixationMap.of(1, 1, new float[1], window.current().frame().timestampMicros() + 1, 4, 2);
            }
        };
        assertThrows(IllegalStateException.class, () -> wrong.push(frame(0)));
    }

    @Test
    void closeReleasesOnceAndRefusesFurtherUse() {
        RecordingSession session = new RecordingSession(0, 1);
        session.push(frame(0));
        session.close();
        session.close();

        assertEquals(1, session.releases);
        assertThrows(IllegalStateException.class, () -> session.push(frame(1)));
        assertThrows(IllegalStateException.class, session::flush);
        assertTrue(session.windows.isEmpty(), "the frame waiting for look-ahead is dropped");
    }

    @Test
    void windowOffsetsOutsideTheModelsRangeAreRejected() {
        List<FrameWithAudio> frames = List.of(frame(0), frame(1));
        FrameWindow window = new FrameWindow(frames, 0, 1, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> window.past(2));
        assertThrows(IndexOutOfBoundsException.class, () -> window.future(0));
        assertFalse(window.hasPast(1));
        assertEquals(1, RecordingSession.number(window.future(1)));
    }

    @Test
    void rejectsNegativeFrameCounts() {
        assertThrows(IllegalArgumentException.class, () -> new RecordingSession(-1, 0));
    }
}
