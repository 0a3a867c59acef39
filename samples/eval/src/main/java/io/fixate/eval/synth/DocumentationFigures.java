package io.fixate.eval.synth;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.codec.output.AtomicFile;
import io.fixate.codec.output.ColorMap;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the figures of {@code docs/synthetic-benchmark.md} from the generator's own scene model, so they show exactly
 * what the generator writes: {@value #CONTACT_SHEET} (example frames of each variant beside their ground-truth
 * density and simulated fixations) and {@value #SPECTROGRAMS} (the sound of every built-in category and of both kinds
 * of irrelevant audio). Run {@code fixate synth --figures docs/images} to regenerate them.
 */
public final class DocumentationFigures {

    public static final String CONTACT_SHEET = "contact-sheet.png";
    public static final String SPECTROGRAMS = "spectrograms.png";

    /** The example clips come from the default benchmark, the sounds from every built-in category. */
    private static final BenchmarkSpec EXAMPLES = BenchmarkSpec.DEFAULT;
    private static final BenchmarkSpec ALL_CATEGORIES = BenchmarkSpec.DEFAULT.withCategories(
            BenchmarkSpec.MAX_CATEGORIES);
    private static final List<Variant> SHOWN_VARIANTS = List.of(Variant.PLAIN, Variant.SILENT_TWIN,
            Variant.IRRELEVANT_AUDIO, Variant.NEW_OBJECT, Variant.FAST_DISTRACTOR);
    private static final int FRAMES_PER_EXAMPLE = 3;
    private static final int GAP = 8;
    private static final int TEXT_LINE = 16;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color INK = new Color(20, 20, 20);
    private static final Color OBSERVER = new Color(0, 230, 255);

    /** Spectrogram settings: 32 ms Hann windows every 8 ms at 16 kHz, the first seconds of each sound. */
    private static final int WINDOW = 512;
    private static final int HOP = 128;
    private static final double SOUND_SECONDS = 2.5;
    private static final double FLOOR_DB = -60;
    private static final int FREQUENCY_AXIS = 34;
    private static final int PALETTE_LEVELS = 224;
    private static final int PALETTE_GREYS = 32;

    private DocumentationFigures() {
    }

    /**
     * Writes both figures into {@code directory}, creating it if needed, each file atomically.
     *
     * @return the files written
     * @throws IOException naming the file that could not be written
     */
    public static List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path sheet = directory.resolve(CONTACT_SHEET);
        Path spectrograms = directory.resolve(SPECTROGRAMS);
        save(contactSheet(), sheet);
        save(withInfernoPalette(spectrograms()), spectrograms);
        return List.of(sheet, spectrograms);
    }

    /** Writes {@code image} as a PNG at the strongest compression, so the figures stay small in the repository. */
    private static void save(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam smallest = writer.getDefaultWriteParam();
        smallest.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        smallest.setCompressionQuality(0);
        try (AtomicFile atomic = AtomicFile.open(file)) {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(atomic.temporary().toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), smallest);
            } finally {
                writer.dispose();
            }
            atomic.commit();
        } catch (IOException e) {
            throw new IOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }

    /** One row per variant: a few frames, each beside its density with the observers' fixations. */
    static BufferedImage contactSheet() {
        List<ClipScene> examples = examples();
        int pairWidth = 2 * EXAMPLES.width() + 2;
        int rowHeight = TEXT_LINE * 3 + EXAMPLES.height() + GAP;
        int width = GAP + FRAMES_PER_EXAMPLE * (pairWidth + GAP);
        int height = GAP + examples.size() * rowHeight + 3 * TEXT_LINE;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper(sheet);
        int y = GAP;
        for (ClipScene scene : examples) {
            g.setFont(TITLE_FONT);
            g.drawString(title(scene), GAP, y + TEXT_LINE - 4);
            g.setFont(FONT);
            g.drawString(soundOf(scene), GAP, y + 2 * TEXT_LINE - 4);
            drawExample(g, scene, GAP, y + 2 * TEXT_LINE);
            y += rowHeight;
        }
        g.setFont(FONT);
        String[] legend = {
            "Each pair: the frame as rendered, and its ground-truth density (inferno, brightest = most attention)",
            "with the " + EXAMPLES.observers() + " simulated observers' fixations (cyan). Faint second blobs: the "
                    + "new object's or fast distractor's share.",
            String.format(Locale.ROOT, "Clips of the default benchmark: %dx%d, %.0f fps, seed %d.",
                    EXAMPLES.width(), EXAMPLES.height(), EXAMPLES.frameRate(), EXAMPLES.seed())};
        for (String line : legend) {
            y += TEXT_LINE;
            g.drawString(line, GAP, y - 4);
        }
        g.dispose();
        return sheet;
    }

    /**
     * The first clip of each shown variant, each from a category not shown yet, the event moving in every other row
     * so both motion scenarios appear.
     */
    private static List<ClipScene> examples() {
        List<ClipScene> examples = new ArrayList<>();
        Set<Integer> usedCategories = new HashSet<>();
        for (Variant variant : SHOWN_VARIANTS) {
            boolean moving = examples.size() % 2 == 0;
            search:
            for (int index = 0; index < EXAMPLES.clipsPerCategory(); index++) {
                for (int category = 0; category < EXAMPLES.categories(); category++) {
                    ClipScene scene = ScenePlanner.plan(EXAMPLES, category, index);
                    if (scene.variant() == variant && scene.eventMoves() == moving
                            && !usedCategories.contains(category)) {
                        usedCategories.add(category);
                        examples.add(scene);
                        break search;
                    }
                }
            }
        }
        return examples;
    }

    private static String title(ClipScene scene) {
        Appearance look = scene.category().appearance();
        return scene.videoId() + ": " + scene.category().name() + " (" + look.shape().label() + ", "
                + look.texture().label() + ")  \u00b7  "
                + scene.scenarios().stream().map(Scenario::label).collect(Collectors.joining(", "));
    }

    private static String soundOf(ClipScene scene) {
        return scene.irrelevantAudio() == null
                ? "Sound: the event's " + scene.category().sound().describe()
                : "Sound: irrelevant " + scene.irrelevantAudio().label() + "; the event object is silent";
    }

    private static void drawExample(Graphics2D g, ClipScene scene, int left, int top) {
        BenchmarkSpec spec = scene.spec();
        FrameRenderer renderer = new FrameRenderer(scene);
        AttentionDensity attention = new AttentionDensity(spec.width(), spec.height());
        SplittableRandom observers = new SplittableRandom(scene.observerSeed());
        int frames = spec.frameCount();
        int pairWidth = 2 * spec.width() + 2;
        for (int i = 0, shown = 0; i < frames && shown < FRAMES_PER_EXAMPLE; i++) {
            ClipScene.Snapshot snapshot = scene.snapshot(i);
            double[] density = attention.of(snapshot);
            int[][] fixations = ObserverSampler.sample(density, spec.width(), spec.observers(), observers);
            if (i != shownFrame(shown, frames)) {
                continue;
            }
            int x = left + shown * (pairWidth + GAP);
            g.setFont(FONT);
            g.drawString(String.format(Locale.ROOT, "t = %.1f s", scene.secondsOf(i)), x, top + TEXT_LINE - 4);
            g.drawImage(image(renderer.render(i, snapshot)), x, top + TEXT_LINE, null);
            g.drawImage(densityImage(density, fixations, spec.width(), spec.height()), x + spec.width() + 2,
                    top + TEXT_LINE, null);
            shown++;
        }
    }

    /** The frame shown in column {@code column}: evenly spread, away from the clip's first and last frame. */
    private static int shownFrame(int column, int frames) {
        return (int) Math.round((column + 0.5) * frames / FRAMES_PER_EXAMPLE);
    }

    private static BufferedImage image(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, frame.channel(x, y, 0) << 16 | frame.channel(x, y, 1) << 8 | frame.channel(x, y, 2));
            }
        }
        return image;
    }

    private static BufferedImage densityImage(double[] density, int[][] fixations, int width, int height) {
        int[] samples = DensityImage.samples(density);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < samples.length; i++) {
            image.setRGB(i % width, i / width, ColorMap.INFERNO.rgb((float) samples[i] / DensityImage.MAX_SAMPLE));
        }
        Graphics2D g = canvas(image);
        g.setColor(OBSERVER);
        for (int[] point : fixations) {
            g.fillOval(point[0] - 2, point[1] - 2, 5, 5);
        }
        g.dispose();
        return image;
    }

    /** Spectrograms of every built-in category's sound as it occurs in a clip, then of both irrelevant sounds. */
    static BufferedImage spectrograms() {
        List<ClipScene> sounds = new ArrayList<>();
        for (int category = 0; category < ALL_CATEGORIES.categories(); category++) {
            sounds.add(firstClip(category, scene -> scene.irrelevantAudio() == null));
        }
        for (IrrelevantAudio kind : IrrelevantAudio.values()) {
            sounds.add(firstClip(-1, scene -> scene.irrelevantAudio() == kind));
        }
        int columns = 2;
        int panelWidth = (int) Math.round(SOUND_SECONDS * ALL_CATEGORIES.audioSampleRate() / HOP);
        int panelHeight = WINDOW / 4;
        int cellWidth = FREQUENCY_AXIS + panelWidth + GAP * 2;
        int cellHeight = TEXT_LINE + panelHeight + GAP;
        int rows = (sounds.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(GAP + columns * cellWidth, GAP + rows * cellHeight + 2 * TEXT_LINE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper(sheet);
        for (int n = 0; n < sounds.size(); n++) {
            int x = GAP + (n % columns) * cellWidth;
            int y = GAP + (n / columns) * cellHeight;
            ClipScene scene = sounds.get(n);
            String label = scene.irrelevantAudio() == null
                    ? scene.category().name() + ": " + scene.category().sound().describe()
                    : "Irrelevant audio, " + scene.irrelevantAudio().label() + " (" + scene.videoId() + ")";
            g.setFont(FONT);
            g.drawString(label, x + FREQUENCY_AXIS, y + TEXT_LINE - 4);
            drawSpectrogram(g, Soundtrack.render(scene), x, y + TEXT_LINE, panelWidth, panelHeight);
        }
        int y = GAP + rows * cellHeight;
        g.setFont(FONT);
        g.drawString(String.format(Locale.ROOT, "First %.1f s of a clip's sound, 0-%d Hz upwards, %d dB range, "
                        + "32 ms Hann windows every 8 ms.", SOUND_SECONDS, ALL_CATEGORIES.audioSampleRate() / 2,
                (int) -FLOOR_DB), GAP, y + TEXT_LINE - 4);
        g.drawString("Gaps are the silences of the event envelope, which also drives the event object's size.", GAP,
                y + 2 * TEXT_LINE - 4);
        g.dispose();
        return sheet;
    }

    /** The first clip of {@code category} (or of any category for -1) that {@code wanted} accepts. */
    private static ClipScene firstClip(int category, Predicate<ClipScene> wanted) {
        for (int index = 0; index < ALL_CATEGORIES.clipsPerCategory(); index++) {
            for (int c = 0; c < ALL_CATEGORIES.categories(); c++) {
                if (category < 0 || c == category) {
                    ClipScene scene = ScenePlanner.plan(ALL_CATEGORIES, c, index);
                    if (wanted.test(scene)) {
                        return scene;
                    }
                }
            }
        }
        throw new IllegalStateException("the example benchmark has no clip of the kind wanted");
    }

    private static void drawSpectrogram(Graphics2D g, AudioBlock sound, int left, int top, int width, int height) {
        float[] samples = sound.copyInterleaved();
        Spectrogram spectrogram = Spectrogram.of(samples, sound.sampleRate(), WINDOW, HOP);
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
                float level = (float) Math.max(0, 1 - db / FLOOR_DB);
                panel.setRGB(t, height - 1 - row, ColorMap.INFERNO.rgb(level));
            }
        }
        g.drawImage(panel, left + FREQUENCY_AXIS, top, null);
        g.setFont(FONT);
        int nyquist = sound.sampleRate() / 2;
        for (int khz = 0; khz * 1000 <= nyquist; khz += 2) {
            int y = top + height - (int) Math.round((double) khz * 1000 / nyquist * height);
            g.drawString(khz + "k", left, Math.min(top + height, y + 4));
            g.drawLine(left + FREQUENCY_AXIS - 4, y, left + FREQUENCY_AXIS - 1, y);
        }
    }

    /**
     * {@code image} with every pixel replaced by the nearest of {@value #PALETTE_LEVELS} inferno colours and
     * {@value #PALETTE_GREYS} greys: a spectrogram sheet (inferno panels, dark text on white) looks the same and its
     * PNG is a third the size.
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

    /** An anti-aliased graphics context on {@code image}. */
    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** {@link #canvas} after painting the whole image white, drawing in the figures' ink. */
    private static Graphics2D paper(BufferedImage image) {
        Graphics2D g = canvas(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(INK);
        return g;
    }
}
