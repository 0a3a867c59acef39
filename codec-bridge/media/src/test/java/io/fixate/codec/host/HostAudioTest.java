package io.fixate.codec.host;

import io.fixate.api.AudioBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostAudioTest {

    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

    @Test
    void signed16ScalesBy1Over32768InEitherByteOrder() {
        for (ByteOrder order : ORDERS) {
            ByteBuffer data = ByteBuffer.allocate(8).order(order);
            data.putShort((short) 0).putShort((short) 16384).putShort(Short.MIN_VALUE).putShort(Short.MAX_VALUE)
                    .flip();
            AudioBlock block = HostAudio.interleaved(data, SampleFormat.S16, 2, 48_000, 5);
            assertArrayEquals(new float[] {0, 0.5f, -1, 32767 / 32768f}, block.copyInterleaved(), order.toString());
            assertEquals(2, block.frameCount());
            assertEquals(48_000, block.sampleRate());
            assertEquals(5, block.timestampMicros());
        }
    }

    @Test
    void signed32ScalesBy1Over2To31InEitherByteOrder() {
        for (ByteOrder order : ORDERS) {
            ByteBuffer data = ByteBuffer.allocate(16).order(order);
            data.putInt(0).putInt(1 << 30).putInt(Integer.MIN_VALUE).putInt(-(1 << 29)).flip();
            AudioBlock block = HostAudio.interleaved(data, SampleFormat.S32, 1, 44_100, 0);
            assertArrayEquals(new float[] {0, 0.5f, -1, -0.25f}, block.copyInterleaved(), order.toString());
        }
    }

    @Test
    void floatIsTakenAsIsInEitherByteOrder() {
        for (ByteOrder order : ORDERS) {
            ByteBuffer data = ByteBuffer.allocate(8).order(order);
            data.putFloat(0.25f).putFloat(-0.75f).flip();
            AudioBlock block = HostAudio.interleaved(data, SampleFormat.F32, 1, 16_000, 0);
            assertArrayEquals(new float[] {0.25f, -0.75f}, block.copyInterleaved(), order.toString());
        }
    }

    @Test
    void readsFromPositionToLimitOnly() {
        ByteBuffer data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 1000).putShort((short) 16384).putShort((short) -16384).putShort((short) 1000);
        data.position(2).limit(6);
        AudioBlock block = HostAudio.interleaved(data, SampleFormat.S16, 1, 8_000, 0);
        assertArrayEquals(new float[] {0.5f, -0.5f}, block.copyInterleaved());
        assertEquals(2, data.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {"S16", "S32", "F32"})
    void planarAndInterleavedGiveTheSameBlock(String formatName) {
        SampleFormat format = SampleFormat.valueOf(formatName);
        float[][] channels = {{0.5f, -0.25f, 0}, {-1, 0.75f, 0.125f}};
        ByteBuffer interleaved = ByteBuffer.allocate(6 * format.bytesPerSample()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer[] planes = {ByteBuffer.allocate(3 * format.bytesPerSample()).order(ByteOrder.BIG_ENDIAN),
                ByteBuffer.allocate(3 * format.bytesPerSample()).order(ByteOrder.BIG_ENDIAN)};
        for (int f = 0; f < 3; f++) {
            for (int c = 0; c < 2; c++) {
                put(interleaved, format, channels[c][f]);
                put(planes[c], format, channels[c][f]);
            }
        }
        interleaved.flip();
        planes[0].flip();
        planes[1].flip();
        AudioBlock fromInterleaved = HostAudio.interleaved(interleaved, format, 2, 32_000, 9);
        AudioBlock fromPlanar = HostAudio.planar(planes, format, 32_000, 9);
        float[] expected = {0.5f, -1, -0.25f, 0.75f, 0, 0.125f};
        assertArrayEquals(expected, fromInterleaved.copyInterleaved());
        assertArrayEquals(expected, fromPlanar.copyInterleaved());
        assertEquals(2, fromPlanar.channels());
    }

    private static void put(ByteBuffer buffer, SampleFormat format, float value) {
        switch (format) {
            case S16 -> buffer.putShort((short) Math.round(value * 32768));
            case S32 -> buffer.putInt((int) Math.round(value * 2147483648.0));
            case F32 -> buffer.putFloat(value);
        }
    }

    @Test
    void conveniencesForJavaArrays() {
        AudioBlock shorts = HostAudio.interleaved(new short[] {8192, -8192, 0, 32767}, 2, 22_050, 0);
        assertArrayEquals(new float[] {0.25f, -0.25f, 0, 32767 / 32768f}, shorts.copyInterleaved());
        assertEquals(2, shorts.frameCount());
        AudioBlock floats = HostAudio.planar(new float[][] {{1, 2}, {3, 4}, {5, 6}}, 8_000, 0);
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, floats.copyInterleaved());
        assertEquals(3, floats.channels());
    }

    @Test
    void malformedBuffersAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> HostAudio.interleaved(ByteBuffer.allocate(6), SampleFormat.S16, 2, 8_000, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HostAudio.interleaved(ByteBuffer.allocate(8), SampleFormat.S16, 0, 8_000, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HostAudio.planar(new ByteBuffer[] {ByteBuffer.allocate(4), ByteBuffer.allocate(6)},
                        SampleFormat.S16, 8_000, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HostAudio.planar(new ByteBuffer[0], SampleFormat.F32, 8_000, 0));
        assertThrows(IllegalArgumentException.class,
                () -> HostAudio.planar(new float[][] {{1, 2}, {3}}, 8_000, 0));
    }
}
