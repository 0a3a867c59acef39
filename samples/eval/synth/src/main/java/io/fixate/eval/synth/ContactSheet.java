package io.fixate.eval.synth;

import io.fixate.codec.host.HostFrames;
import io.fixate.codec.output.ColorMap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static io.fixate.eval.synth.FigureStyle.DESCENT;
import static io.fixate.eval.synth.FigureStyle.FONT;
import static io.fixate.eval.synth.FigureStyle.GAP;
import static io.fixate.eval.synth.FigureStyle.TEXT_LINE;
import static io.fixate.eval.synth.FigureStyle.TITLE_FONT;

/**
 * The contact sheet of the documentation: one row per variant, a few frames of a default-benchmark clip, each beside
 * its ground-truth density with the simulated observers' fixations. Rows alternate between moving and still events.
 */
final class ContactSheet {

    private static final BenchmarkSpec EXAMPLES = BenchmarkSpec.DEFAULT;
    private static final List<Variant> SHOWN_VARIANTS = List.of(Variant.PLAIN, Variant.SILENT_TWIN,
            Variant.IRRELEVANT_AUDIO, Variant.NEW_OBJECT, Variant.FAST_DISTRACTOR);
    private static final int FRAMES_PER_EXAMPLE = 3;
    private static final Color OBSERVER = new Color(0, 230, 255);

    private ContactSheet() {
    }

    static BufferedImage draw() {
        List<ClipScene> examples = examples();
        int pairWidth = 2 * EXAMPLES.width() + 2;
        int rowHeight = TEXT_LINE * 3 + EXAMPLES.height() + GAP;
        String[] legend = {
            "Each pair: the frame as rendered, and its ground-truth density (inferno, brightest = most attention)",
            "with the " + EXAMPLES.observers() + " simulated observers' fixations (cyan). Faint second blobs: the "
                    + "new object's or fast distractor's share.",
            String.format(Locale.ROOT, "Clips of the default benchmark: %dx%d, %.0f fps, seed %d.",
                    EXAMPLES.width(), EXAMPLES.height(), EXAMPLES.frameRate(), EXAMPLES.seed())};
        BufferedImage sheet = new BufferedImage(GAP + FRAMES_PER_EXAMPLE * (pairWidth + GAP),
                GAP + examples.size() * rowHeight + legend.length * TEXT_LINE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = FigureStyle.paper(sheet);
        int y = GAP;
        for (ClipScene scene : examples) {
            g.setFont(TITLE_FONT);
            g.drawString(title(scene), GAP, y + TEXT_LINE - DESCENT);
            g.setFont(FONT);
            g.drawString(soundOf(scene), GAP, y + 2 * TEXT_LINE - DESCENT);
            drawExample(g, scene, y + 2 * TEXT_LINE);
            y += rowHeight;
        }
        for (String line : legend) {
            y += TEXT_LINE;
            g.drawString(line, GAP, y - DESCENT);
        }
        g.dispose();
        return sheet;
    }

    /** The first clip of each shown variant, each from a category not shown yet, moving and still in turn. */
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
                            && usedCategories.add(category)) {
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

    /** Walks the whole clip, as the generator does, so the fixations shown are the ones written to disk. */
    private static void drawExample(Graphics2D g, ClipScene scene, int top) {
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
            if (i == shownFrame(shown, frames)) {
                int x = GAP + shown * (pairWidth + GAP);
                g.drawString(String.format(Locale.ROOT, "t = %.1f s", scene.secondsOf(i)), x,
                        top + TEXT_LINE - DESCENT);
                g.drawImage(HostFrames.toImage(renderer.render(i, snapshot)), x, top + TEXT_LINE, null);
                g.drawImage(densityImage(density, fixations, spec.width(), spec.height()), x + spec.width() + 2,
                        top + TEXT_LINE, null);
                shown++;
            }
        }
    }

    /** The frame shown in column {@code column}: evenly spread, away from the clip's first and last frame. */
    private static int shownFrame(int column, int frames) {
        return (int) Math.round((column + 0.5) * frames / FRAMES_PER_EXAMPLE);
    }

    private static BufferedImage densityImage(double[] density, int[][] fixations, int width, int height) {
        int[] samples = DensityImage.samples(density);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < samples.length; i++) {
            image.setRGB(i % width, i / width, ColorMap.INFERNO.rgb((float) samples[i] / DensityImage.MAX_SAMPLE));
        }
        Graphics2D g = FigureStyle.canvas(image);
        g.setColor(OBSERVER);
        for (int[] point : fixations) {
            g.fillOval(point[0] - 2, point[1] - 2, 5, 5);
        }
        g.dispose();
        return image;
    }
}
