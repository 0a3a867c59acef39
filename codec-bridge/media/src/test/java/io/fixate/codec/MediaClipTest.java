package io.fixate.codec;

import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.MovingSquareClip;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaClipTest {

    @TempDir
    Path dir;

    private static List<Long> timestamps(Iterable<FrameWithAudio> frames) {
        List<Long> times = new ArrayList<>();
        frames.forEach(frame -> times.add(frame.frame().timestampMicros()));
        return times;
    }

    @Test
    void canBeIteratedSeveralTimes() {
        Path file = MovingSquareClip.clip().frames(20, 25).write(dir, "clip.mov");
        try (MediaClip clip = MediaClip.of(file, ReadOptions.DEFAULT.from(200_000))) {
            List<Long> first = timestamps(clip);
            assertEquals(15, first.size());
            assertEquals(200_000, first.get(0), 1_000);
            assertEquals(first, timestamps(clip));
        }
    }

    @Test
    void closingTheClipClosesAnAbandonedIteration() {
        Path file = MovingSquareClip.clip().frames(20, 25).write(dir, "clip.mov");
        MediaClip clip = MediaClip.of(file, ReadOptions.DEFAULT);
        Iterator<FrameWithAudio> abandoned = clip.iterator();
        abandoned.next();
        clip.close();
        assertThrows(IllegalStateException.class, abandoned::next, "its reader was closed with the clip");
        assertThrows(IllegalStateException.class, clip::iterator);
        clip.close();
    }

    @Test
    void collectsTheWarningsOfFinishedPasses() {
        Path whole = MovingSquareClip.clip().write(dir, "whole.mov");
        Path cut = MovingSquareClip.truncated(whole, dir.resolve("cut.mov"), 0.6);
        try (MediaClip clip = MediaClip.of(cut, ReadOptions.DEFAULT.toleratingDamage())) {
            clip.forEach(frame -> { });
            List<String> afterOnePass = clip.warnings();
            clip.forEach(frame -> { });
            assertEquals(afterOnePass, clip.warnings());
            assertEquals(1, clip.warnings().stream().filter(w -> w.contains("truncated")).count(),
                    clip.warnings().toString());
        }
    }

    @Test
    void openingErrorsSurfaceFromIterator() {
        try (MediaClip clip = MediaClip.of(dir.resolve("missing.mov"), ReadOptions.DEFAULT)) {
            assertThrows(UncheckedIOException.class, clip::iterator);
        }
    }
}
