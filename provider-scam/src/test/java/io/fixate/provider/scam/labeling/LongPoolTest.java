package io.fixate.provider.scam.labeling;

import io.fixate.api.AudioBlock;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.VideoFrame;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded, evenly spread pool of long-term companions a SCAM+ labelling pass keeps. */
class LongPoolTest {

    private static LongPool poolOf(int frames) {
        LongPool pool = new LongPool(8);
        for (int i = 0; i < frames; i++) {
            pool.add(new FrameWithAudio(VideoFrame.ofRgb(16, 12, i, new byte[16 * 12 * 3]),
                    AudioBlock.ofMono(new float[4], 16_000, i), true));
        }
        return pool;
    }

    @Test
    void aShortClipKeepsEveryFrame() {
        LongPool pool = poolOf(40);
        assertArrayEquals(IntStream.range(0, 40).toArray(), pool.centres());
        assertEquals(40, pool.length());
    }

    @Test
    void aLongClipKeepsABoundedEvenlySpreadPoolWithNeighboursAtNetSize() {
        LongPool pool = poolOf(5000);
        int[] centres = pool.centres();

        assertTrue(centres.length <= LongPool.CAPACITY && centres.length > LongPool.CAPACITY / 2,
                centres.length + " centres");
        int stride = centres[1] - centres[0];
        for (int i = 1; i < centres.length; i++) {
            assertEquals(stride, centres[i] - centres[i - 1], "even spacing");
        }
        assertTrue(centres[centres.length - 1] + stride >= 5000 - stride, "spread to the clip's end");
        for (int centre : centres) {
            VideoFrame frame = pool.frame(centre);
            assertEquals(8, frame.width());
            assertEquals(centre, frame.timestampMicros());
            assertNotNull(pool.frame(Math.max(centre - 1, 0)), "previous of " + centre);
            assertNotNull(pool.frame(Math.min(centre + 1, 4999)), "next of " + centre);
            assertEquals(centre, pool.audio(centre).timestampMicros());
        }
    }

    @Test
    void theSameClipKeepsTheSameFrames() {
        assertArrayEquals(poolOf(777).centres(), poolOf(777).centres());
    }
}
