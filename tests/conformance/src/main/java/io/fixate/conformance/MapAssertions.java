package io.fixate.conformance;

import io.fixate.api.FixationMap;
import io.fixate.api.VideoFrame;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every map a provider returns must satisfy. */
final class MapAssertions {

    /** Repeated runs must agree; this leaves room for reordered floating-point sums, not for randomness. */
    private static final float REPEAT_TOLERANCE = 1e-5f;

    private MapAssertions() {
    }

    /** One map per frame, in presentation order, each carrying its frame's timestamp and size, values in [0, 1]. */
    static void assertOneMapPerFrame(List<VideoFrame> frames, List<FixationMap> maps) {
        assertEquals(frames.size(), maps.size(), "one map per frame");
        for (int i = 0; i < frames.size(); i++) {
            VideoFrame frame = frames.get(i);
            FixationMap map = maps.get(i);
            assertEquals(frame.timestampMicros(), map.timestampMicros(), "map " + i + " is for another frame");
            assertEquals(frame.width(), map.frameWidth(), "frame width of map " + i);
            assertEquals(frame.height(), map.frameHeight(), "frame height of map " + i);
            for (float v : map.toArray()) {
                assertTrue(v >= 0f && v <= 1f, "map " + i + " has value " + v + " outside [0, 1]");
            }
        }
    }

    /** The same maps, value for value. */
    static void assertSameMaps(List<FixationMap> expected, List<FixationMap> actual) {
        assertEquals(expected.size(), actual.size(), "number of maps");
        for (int i = 0; i < expected.size(); i++) {
            FixationMap e = expected.get(i);
            FixationMap a = actual.get(i);
            assertEquals(e.timestampMicros(), a.timestampMicros(), "timestamp of map " + i);
            assertEquals(e.width() + "x" + e.height(), a.width() + "x" + a.height(), "grid of map " + i);
            assertArrayEquals(e.toArray(), a.toArray(), REPEAT_TOLERANCE, "values of map " + i);
        }
    }
}
