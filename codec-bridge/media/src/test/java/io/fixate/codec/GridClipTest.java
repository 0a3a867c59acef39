package io.fixate.codec;

import io.fixate.api.FrameWithAudio;
import io.fixate.fixtures.SharedMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real footage: a GRID corpus clip (MPEG-1 360x288 25 fps + MP2 44.1 kHz stereo, 3 s of speech). */
class GridClipTest {

    @Test
    void readsAGridClipCompletely() {
        Path clip = SharedMedia.gridDirectory().map(dir -> dir.resolve("bbaf2n.mpg")).orElse(null);
        assumeTrue(clip != null && Files.isReadable(clip), "GRID clips are not beside the project");
        List<FrameWithAudio> frames = new ArrayList<>();
        MediaInfo info;
        try (MediaReader reader = MediaReader.open(clip, ReadOptions.DEFAULT)) {
            info = reader.info();
            for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                frames.add(frame);
            }
            assertEquals(List.of(), reader.warnings());
        }
        assertEquals(360, info.width());
        assertEquals(288, info.height());
        assertTrue(info.hasAudio());
        assertEquals(75, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            FrameWithAudio frame = frames.get(i);
            assertEquals(i * 40_000L, frame.frame().timestampMicros(), 1_000);
            assertTrue(frame.audioPresent(), "audio of frame " + i);
        }
        double loudest = frames.stream().mapToDouble(frame -> frame.audio().rms()).max().orElse(0);
        assertTrue(loudest > 0.01, "speech is audible, loudest window rms " + loudest);
    }
}
