package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VideoFrameTest {

    /** 2×1 frame: a red pixel, then a pixel with R=1, G=2, B=3. */
    private static final byte[] TWO_PIXELS = {(byte) 255, 0, 0, 1, 2, 3};

    @Test
    void channelsFollowThePackedRgbLayout() {
        VideoFrame frame = VideoFrame.ofRgb(2, 1, 40_000, TWO_PIXELS);
        assertEquals(255, frame.channel(0, 0, 0));
        assertEquals(0, frame.channel(0, 0, 1));
        assertEquals(1, frame.channel(1, 0, 0));
        assertEquals(3, frame.channel(1, 0, 2));
        assertEquals(2, frame.width());
        assertEquals(1, frame.height());
        assertEquals(40_000, frame.timestampMicros());
    }

    @Test
    void channelRejectsCoordinatesOutsideTheFrame() {
        VideoFrame frame = VideoFrame.ofRgb(2, 1, 0, TWO_PIXELS);
        assertThrows(IndexOutOfBoundsException.class, () -> frame.channel(2, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> frame.channel(0, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> frame.channel(0, 0, 3));
    }

    @Test
    void pixelsCannotBeChangedThroughTheInputOrTheAccessors() {
        byte[] input = TWO_PIXELS.clone();
        VideoFrame frame = VideoFrame.ofRgb(2, 1, 0, input);
        input[0] = 7;
        frame.copyRgb()[0] = 7;
        ByteBuffer view = frame.rgb();

        assertEquals(255, frame.channel(0, 0, 0));
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 7));
        assertEquals(6, view.remaining());
    }

    @Test
    void createHandsTheWriterAnExactlySizedBufferAtPositionZero() {
        VideoFrame frame = VideoFrame.create(2, 1, 5, rgb -> {
            assertEquals(0, rgb.position());
            assertEquals(6, rgb.remaining());
            rgb.put(TWO_PIXELS);
        });
        assertArrayEquals(TWO_PIXELS, frame.copyRgb());
    }

    @Test
    void withTimestampKeepsThePixels() {
        VideoFrame frame = VideoFrame.ofRgb(2, 1, 0, TWO_PIXELS).withTimestamp(80_000);
        assertEquals(80_000, frame.timestampMicros());
        assertArrayEquals(TWO_PIXELS, frame.copyRgb());
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.ofRgb(2, 2, 0, TWO_PIXELS));
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.ofRgb(0, 1, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.create(-1, 1, 0, rgb -> { }));
        assertThrows(IllegalArgumentException.class, () -> VideoFrame.create(65_536, 65_536, 0, rgb -> { }));
    }
}
