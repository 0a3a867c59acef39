package io.fixate.eval.synth;

import io.fixate.api.AudioBlock;
import io.fixate.codec.output.ColorMap;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static io.fixate.eval.synth.FigureStyle.DESCENT;
import static io.fixate.eval.synth.FigureStyle.GAP;
import static io.fixate.eval.synth.FigureStyle.INK;
import static io.fixate.eval.synth.FigureStyle.TEXT_LINE;

/**
 * The spectrogram sheet of the documentation: the sound of every built-in category as it occurs in a clip, then both
 * kinds of irrelevant audio, each over its first seconds.
 */
final class SpectrogramSheet {

    /** The default benchmark with every built-in category, so each category has clips to take its sound from. */
    private static final BenchmarkSpec SOURCES = BenchmarkSpec.DEFAULT.withCategories(BenchmarkSpec.MAX_CATEGORIES);
    /** 32 ms Hann windows every 8 ms at 16 kHz. */
    private static final int WINDOW = 512;
    private static final int HOP = 128;
    private static final double SOUND_SECONDS = 2.5;
    private static final double FLOOR_DB = -60;
    private static final int COLUMNS = 2;
    private static final int FREQUENCY_AXIS = 34;
    private static final int PALETTE_LEVELS = 224;
    private static final int PALETTE_GREYS = 32;

    private SpectrogramSheet() {
    }

    /** The sheet in a 256-colour palette (see {@link #withInfernoPalette}). */
    static BufferedImage draw() {
        List<ClipScene> sounds = new ArrayList<>();
        for (int category = 0; category < SOURCES.categories(); category++) {
            int wanted = category;
            sounds.add(firstClip(scene -> scene.category().equals(SOURCES.categoryList().get(wanted))
                    && scene.irrelevantAudio() == null));
        }
        for (IrrelevantAudio kind : IrrelevantAudio.values()) {
            sounds.add(firstClip(scene -> scene.irrelevantAudio() == kind));
        }
        int panelWidth = (int) Math.round(SOUND_SECONDS * SOURCES.audioSampleRate() / HOP);
        int panelHeight = WINDOW / 4;
        int cellWidth = FREQUENCY_AXIS + panelWidth + 2 * GAP;
        int cellHeight = TEXT_LINE + panelHeight + GAP;
        int rows = (sounds.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage sheet = new BufferedImage(GAP + COLUMNS * cellWidth, GAP + rows * cellHeight + 2 * TEXT_LINE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FigureStyle.paper(sheet);
        for (int n = 0; n < sounds.size(); n++) {
            int x = GAP + (n % COLUMNS) * cellWidth;
            int y = GAP + (n / COLUMNS) * cellHeight;
            ClipScene scene = sounds.get(n);
            String label = scene.irrelevantAudio() == null
                    ? scene.category().name() + ": " + scene.category().sound().describe()
                    : "Irrelevant audio, " + scene.irrelevantAudio().label() + " (" + scene.videoId() + ")";
            g.drawString(label, x + FREQUENCY_AXIS, y + TEXT_LINE - DESCENT);
            drawSpectrogram(g, Soundtrack.render(scene), x, y + TEXT_LINE, panelWidth, panelHeight);
        }
        int y = GAP + rows * cellHeight;
        g.drawString(String.format(Locale.ROOT, "First %.1f s of a clip's sound, 0-%d Hz upwards, %d dB range, "
                        + "32 ms Hann windows every 8 ms.", SOUND_SECONDS, SOURCES.audioSampleRate() / 2,
                (int) -FLOOR_DB), GAP, y + TEXT_LINE - DESCENT);
        g.drawString("Gaps are the silences of the event envelope, which also drives the event object's size.", GAP,
                y + 2 * TEXT_LINE - DESCENT);
        g.dispose();
        return withInfernoPalette(sheet);
    }

    /** The first clip, in clip order, that {@code wanted} accepts. */
    private static ClipScene firstClip(Predicate<ClipScene> wanted) {
        for (int index = 0; index < SOURCES.clipsPerCategory(); index++) {
            for (int category = 0; category < SOURCES.categories(); category++) {
                ClipScene scene = ScenePlanner.plan(SOURCES, category, index);
                if (wanted.test(scene)) {
                    return scene;
                }
            }
        }
        throw new IllegalStateException("the example benchmark has no clip of the kind wanted");
    }

    /** A power spectrogram in decibels below its peak, low frequencies at the bottom, with a kHz axis. */
    private static void drawSpectrogram(Graphics2D g, AudioBlock sound, int left, int top, int width, int height) {
        Spectrogram spectrogram = Spectrogram.of(sound.copyInterleaved(), sound.sampleRate(), WINDOW, HOP);
        double peak = 0;
        for (int t = 0; t < spectrogram.frames(); t++) {
            for (int k = 0; k < spectrogram.bins(); k++) {
                peak = Math.max(peak, spectrogram.power(t, k));
            }
        }
        int binsPerRow = (spectrogram.bins() - 1) / height;
        BufferedImage panel = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int t = 0; t < Math.min(width, spectrogram.frames()); t++) {
            for (int row = 0; row < height; row++) {
                double power = 0;
                for (int k = row * binsPerRow; k < (row + 1) * binsPerRow; k++) {
                    power = Math.max(power, spectrogram.power(t, k));
                }
                double db = 10 * Math.log10(Math.max(power / peak, 1e-12));
                panel.setRGB(t, height - 1 - row, ColorMap.INFERNO.rgb((float) Math.max(0, 1 - db / FLOOR_DB)));
            }
        }
        g.drawImage(panel, left + FREQUENCY_AXIS, top, null);
        int nyquist = sound.sampleRate() / 2;
        for (int khz = 0; khz * 1000 <= nyquist; khz += 2) {
            int y = top + height - (int) Math.round((double) khz * 1000 / nyquist * height);
            g.drawString(khz + "k", left, Math.min(top + height, y + DESCENT));
            g.drawLine(left + FREQUENCY_AXIS - 4, y, left + FREQUENCY_AXIS - 1, y);
        }
    }

    /**
     * {@code image} with every pixel replaced by the nearest of {@value #PALETTE_LEVELS} inferno colours and
     * {@value #PALETTE_GREYS} greys: the sheet (inferno panels, dark text on white) looks the same and its PNG is a
     * third the size.
     */
    private static BufferedImage withInfernoPalette(BufferedImage image) {
        int[] palette = new int[PALETTE_LEVELS + PALETTE_GREYS];
        for (int i = 0; i < PALETTE_LEVELS; i++) {
            palette[i] = ColorMap.INFERNO.rgb((float) i / (PALETTE_LEVELS - 1));
        }
        for (int i = 0; i < PALETTE_GREYS; i++) {
            int grey = INK.getRed() + (255 - INK.getRed()) * i / (PALETTE_GREYS - 1);
            palette[PALETTE_LEVELS + i] = grey << 16 | grey << 8 | grey;
        }
        IndexColorModel colours = new IndexColorModel(8, palette.length, palette, 0, false, -1,
                DataBuffer.TYPE_BYTE);
        BufferedImage indexed = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED, colours);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                indexed.setRGB(x, y, image.getRGB(x, y));
            }
        }
        return indexed;
    }
}
