package io.fixate.tests;

import io.fixate.Fixate;
import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.codec.roi.CodedPicture;
import io.fixate.codec.roi.QpOffsets;
import io.fixate.codec.roi.RoiFormat;
import io.fixate.codec.roi.RoiSettings;
import io.fixate.samples.host.EditorSaliencyPlugin;
import io.fixate.samples.host.EncoderRoiFeed;
import io.fixate.samples.host.EditorSaliencyPlugin.Matte;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example host integrations in samples/host-integration do what their documentation says. */
class HostIntegrationSamplesTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;
    private static final int FRAMES = 12;
    private static final int AUDIO_RATE = 48_000;

    @Test
    void editorPluginTurnsNv12AndPcmIntoFullSizeMattesInOrder() {
        List<Matte> mattes = new ArrayList<>();
        try (FixationPredictor predictor = Fixate.predictor("classic-baseline", ModelOptions.defaults());
             EditorSaliencyPlugin plugin = new EditorSaliencyPlugin(predictor)) {
            for (int i = 0; i < FRAMES; i++) {
                long time = i * 40_000L;
                plugin.onAudio(tone(time, 40_000), 2, AUDIO_RATE, time);
                mattes.addAll(plugin.onFrame(luma(i), WIDTH, neutralChroma(), WIDTH, WIDTH, HEIGHT, time));
            }
            assertEquals(FRAMES - 1, mattes.size(), "one frame of look-ahead is held back");
            mattes.addAll(plugin.endOfClip());
        }
        assertEquals(FRAMES, mattes.size());
        for (int i = 0; i < FRAMES; i++) {
            Matte matte = mattes.get(i);
            assertEquals(i * 40_000L, matte.timestampMicros());
            assertEquals(WIDTH * HEIGHT, matte.alpha().length);
        }
        Matte middle = mattes.get(FRAMES / 2);
        int brightest = 0;
        for (int i = 1; i < middle.alpha().length; i++) {
            if ((middle.alpha()[i] & 0xFF) > (middle.alpha()[brightest] & 0xFF)) {
                brightest = i;
            }
        }
        int[] square = squareCentre(FRAMES / 2);
        assertEquals(square[0], brightest % WIDTH, 10, "brightest matte column on the moving square");
        assertEquals(square[1], brightest / WIDTH, 10, "brightest matte row on the moving square");
        assertTrue((middle.alpha()[0] & 0xFF) < (middle.alpha()[brightest] & 0xFF) / 2, "corner stays dark");
    }

    @Test
    void encoderFeedHandsEachPictureBackWithOffsetsThatFavourTheSquare() {
        List<EncoderRoiFeed.Ready<Integer>> ready = new ArrayList<>();
        ByteBuffer chroma = ByteBuffer.allocate(WIDTH / 2 * HEIGHT / 2);
        java.util.Arrays.fill(chroma.array(), (byte) 128);
        RoiSettings settings = RoiSettings.defaults().withSmoothingMillis(0);
        try (FixationPredictor predictor = Fixate.predictor("classic-baseline", ModelOptions.defaults());
             EncoderRoiFeed<Integer> feed = new EncoderRoiFeed<>(predictor, RoiFormat.X264,
                     CodedPicture.upright(WIDTH, HEIGHT), settings)) {
            for (int i = 0; i < FRAMES; i++) {
                long time = i * 40_000L;
                feed.onAudio(tone(time, 40_000), 2, AUDIO_RATE, time);
                ready.addAll(feed.onPicture(i, luma(i), chroma.duplicate(), chroma.duplicate(), WIDTH, HEIGHT,
                        time));
            }
            ready.addAll(feed.endOfStream());
        }
        assertEquals(FRAMES, ready.size());
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(i, ready.get(i).picture(), "pictures come back in order");
        }
        QpOffsets middle = ready.get(FRAMES / 2).offsets();
        assertEquals(6 * 4, middle.columns() * middle.rows(), "96x64 in 16x16 macroblocks");
        int[] square = squareCentre(FRAMES / 2);
        float onSquare = middle.value(square[0] / 16, square[1] / 16);
        assertTrue(onSquare < 0 && onSquare < middle.value(0, 0), "bits go to the square: " + onSquare);
        assertEquals(0, middle.mean(), 1e-3, "and the frame's average QP stays");
    }

    /** Centre of the bright square in frame {@code index}, moving right by three pixels a frame. */
    private static int[] squareCentre(int index) {
        return new int[]{10 + 3 * index + 8, HEIGHT / 2};
    }

    private static ByteBuffer luma(int index) {
        ByteBuffer y = ByteBuffer.allocate(WIDTH * HEIGHT);
        int[] centre = squareCentre(index);
        for (int row = 0; row < HEIGHT; row++) {
            for (int column = 0; column < WIDTH; column++) {
                boolean inSquare = Math.abs(column - centre[0]) < 8 && Math.abs(row - centre[1]) < 8;
                y.put(row * WIDTH + column, (byte) (inSquare ? 230 : 70));
            }
        }
        return y;
    }

    private static ByteBuffer neutralChroma() {
        ByteBuffer uv = ByteBuffer.allocate(WIDTH * HEIGHT / 2);
        for (int i = 0; i < uv.capacity(); i++) {
            uv.put(i, (byte) 128);
        }
        return uv;
    }

    /** Interleaved stereo little-endian 16-bit PCM of a loud tone, as a host would hand it over. */
    private static ByteBuffer tone(long startMicros, long durationMicros) {
        int frames = (int) (durationMicros * AUDIO_RATE / 1_000_000);
        long first = startMicros * AUDIO_RATE / 1_000_000;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short s = (short) (20_000 * Math.sin(2 * Math.PI * 330 * (first + i) / AUDIO_RATE));
            pcm.putShort(s).putShort(s);
        }
        return pcm.flip();
    }
}
