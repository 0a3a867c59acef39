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
import java.util.stream.IntStream;

import static io.fixate.eval.synth.FigureStyle.DESCENT;
import static io.fixate.eval.synth.FigureStyle.FONT;
import static io.fixate.eval.synth.FigureStyle.GAP;
import static io.fixate.eval.synth.FigureStyle.TEXT_LINE;
import static io.fixate.eval.synth.FigureStyle.TITLE_FONT;

/**
 * The contact sheets of the documentation: one row per variant, a few frames of a clip, each beside its ground-truth
 * density with the simulated observers' fixations. The default benchmark's rows alternate between moving and still
 * events; the granularity benchmark's show each context scene at the moments that make it (before, while and after
 * the event hides; while it sounds, while it is away, after its return).
 */
final class ContactSheet {

    private static final List<Variant> SHOWN_VARIANTS = List.of(Variant.PLAIN, Variant.SILENT_TWIN,
            Variant.IRRELEVANT_AUDIO, Variant.NEW_OBJECT, Variant.FAST_DISTRACTOR);
    private static final int FRAMES_PER_EXAMPLE = 3;
    private static final Color OBSERVER = new Color(0, 230, 255);

    private ContactSheet() {
    }

    /** The sheet of the default benchmark's variants. */
    static BufferedImage draw() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        return draw(examples(spec, SHOWN_VARIANTS, true),
                "with the " + spec.observers() + " simulated observers' fixations (cyan). Faint second blobs: the "
                        + "new object's or fast distractor's share.",
                String.format(Locale.ROOT, "Clips of the default benchmark: %dx%d, %.0f fps, seed %d.",
                        spec.width(), spec.height(), spec.frameRate(), spec.seed()));
    }

    /** The sheet of the granularity benchmark's short-, long- and cross-term scenes. */
    static BufferedImage drawGranularity() {
        BenchmarkSpec spec = BenchmarkSpec.GRANULARITY;
        return draw(examples(spec, Variant.GRANULARITY_CYCLE, false),
                "with the " + spec.observers() + " simulated observers' fixations (cyan). Short-term: before, while "
                        + "and after the event hides;",
                String.format(Locale.ROOT, "long-term: sounding, away, back beside its look-alike. Clips of the "
                        + "granularity benchmark: %dx%d, %.0f fps, seed %d.",
                        spec.width(), spec.height(), spec.frameRate(), spec.seed()));
    }

    private static BufferedImage draw(List<ClipScene> examples, String fixationsLine, String benchmarkLine) {
        BenchmarkSpec spec = examples.get(0).spec();
        int pairWidth = 2 * spec.width() + 2;
        int rowHeight = TEXT_LINE * 3 + spec.height() + GAP;
        String[] legend = {
            "Each pair: the frame as rendered, and its ground-truth density (inferno, brightest = most attention)",
            fixationsLine, benchmarkLine};
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

    /**
     * The first clip of each shown variant, each from a category not shown yet; moving and still in turn where
     * {@code alternateMotion}.
     */
    private static List<ClipScene> examples(BenchmarkSpec spec, List<Variant> variants, boolean alternateMotion) {
        List<ClipScene> examples = new ArrayList<>();
        Set<Integer> usedCategories = new HashSet<>();
        for (Variant variant : variants) {
            boolean moving = examples.size() % 2 == 0;
            search:
            for (int index = 0; index < spec.clipsPerCategory(); index++) {
                for (int category = 0; category < spec.categories(); category++) {
                    ClipScene scene = ScenePlanner.plan(spec, category, index);
                    if (scene.variant() == variant && (!alternateMotion || scene.eventMoves() == moving)
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
        if (scene.irrelevantAudio() != null) {
            return "Sound: irrelevant " + scene.irrelevantAudio().label() + "; the event object is silent";
        }
        String sound = "Sound: the event's " + scene.category().sound().describe();
        return switch (scene.variant()) {
            case RETURNING_EVENT -> sound + " until it leaves, then none";
            case LOOK_ALIKES -> sound + ", in step with no object";
            default -> sound;
        };
    }

    /** Walks the whole clip, as the generator does, so the fixations shown are the ones written to disk. */
    private static void drawExample(Graphics2D g, ClipScene scene, int top) {
        BenchmarkSpec spec = scene.spec();
        FrameRenderer renderer = new FrameRenderer(scene);
        AttentionDensity attention = new AttentionDensity(spec.width(), spec.height());
        SplittableRandom observers = new SplittableRandom(scene.observerSeed());
        int frames = spec.frameCount();
        int pairWidth = 2 * spec.width() + 2;
        int[] shownFrames = shownFrames(scene);
        for (int i = 0, shown = 0; i < frames && shown < FRAMES_PER_EXAMPLE; i++) {
            ClipScene.Snapshot snapshot = scene.snapshot(i);
            double[] density = attention.of(snapshot);
            int[][] fixations = ObserverSampler.sample(density, spec.width(), spec.observers(), observers);
            if (i == shownFrames[shown]) {
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

    /**
     * The frames shown, in order: around the middle of the short-term event's first hiding and four frames either
     * side; halfway to the long-term event's leaving, halfway through its absence and five frames after its return;
     * otherwise evenly spread, away from the clip's first and last frame.
     */
    private static int[] shownFrames(ClipScene scene) {
        int frames = scene.spec().frameCount();
        double fps = scene.spec().frameRate();
        List<Integer> context = scene.contextFrames();
        return switch (scene.variant()) {
            case OCCLUDED_EVENT -> {
                int lastHidden = context.get(0);
                while (context.contains(lastHidden + 1)) {
                    lastHidden++;
                }
                int hidden = (context.get(0) + lastHidden) / 2;
                yield new int[]{Math.max(0, hidden - ContextScenes.SHORT_TERM_FRAMES), hidden,
                    Math.min(frames - 1, hidden + ContextScenes.SHORT_TERM_FRAMES)};
            }
            case RETURNING_EVENT -> {
                Presence away = scene.event().presence();
                yield new int[]{(int) (away.hiddenFrom() / 2 * fps),
                    (int) ((away.hiddenFrom() + away.hiddenUntil()) / 2 * fps), Math.min(frames - 1,
                    context.get(0) + ContextScenes.SHORT_TERM_FRAMES + 1)};
            }
            default -> IntStream.range(0, FRAMES_PER_EXAMPLE)
                    .map(column -> (int) Math.round((column + 0.5) * frames / FRAMES_PER_EXAMPLE)).toArray();
        };
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
