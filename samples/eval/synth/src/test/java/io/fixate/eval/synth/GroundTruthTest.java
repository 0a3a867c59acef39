package io.fixate.eval.synth;

import io.fixate.eval.synth.ClipScene.Snapshot;
import io.fixate.eval.synth.ClipScene.Snapshot.Placed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ground truth follows the documented rule exactly and is reproducible from the seed. */
class GroundTruthTest {

    /** Four-second clips at the default size, so that novelty windows end inside the clip and shapes are resolved. */
    private static final BenchmarkSpec LONG = BenchmarkSpec.TINY.withClipSeconds(4).withFrameRate(10)
            .withSize(128, 128);
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "granularity-tiny"})
    void sameSeedGivesIdenticalGroundTruthFiles(String preset, @TempDir Path first, @TempDir Path second)
            throws IOException {
        BenchmarkSpec spec = BenchmarkSpec.preset(preset);
        BenchmarkGenerator.generate(first, spec, false, ProgressListener.NONE);
        BenchmarkGenerator.generate(second, spec, false, ProgressListener.NONE);
        List<Path> files = groundTruthFiles(first);
        assertEquals(groundTruthFiles(second), files);
        assertTrue(files.size() > spec.clipCount() * spec.frameCount());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
                    file.toString());
        }
    }

    @Test
    void anotherSeedGivesOtherClips(@TempDir Path first, @TempDir Path second) throws IOException {
        BenchmarkGenerator.generate(first, BenchmarkSpec.TINY, false, ProgressListener.NONE);
        BenchmarkGenerator.generate(second, BenchmarkSpec.TINY.withSeed(2), false, ProgressListener.NONE);
        int differing = 0;
        List<Path> densities = groundTruthFiles(first).stream()
                .filter(p -> p.getFileName().toString().startsWith("density_")).toList();
        for (Path file : densities) {
            if (!Arrays.equals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)))) {
                differing++;
            }
        }
        assertEquals(densities.size(), differing, "every density image changes with the seed");
        assertNotEquals(Files.readString(first.resolve("ground_truth/bell_0000/fixations.json")),
                Files.readString(second.resolve("ground_truth/bell_0000/fixations.json")));
    }

    @Test
    void planningIsIndependentOfOrderAndRepeatable() {
        ClipScene later = ScenePlanner.plan(LONG, 2, 1);
        ClipScene alone = ScenePlanner.plan(LONG, 2, 1);
        AttentionDensity attention = new AttentionDensity(LONG.width(), LONG.height());
        for (int i = 0; i < LONG.frameCount(); i += 7) {
            assertArrayEquals(attention.of(later.snapshot(i)), attention.of(alone.snapshot(i)));
            assertArrayEquals(new FrameRenderer(later).render(i, later.snapshot(i)).copyRgb(),
                    new FrameRenderer(alone).render(i, alone.snapshot(i)).copyRgb());
        }
    }

    @Test
    void thePeakLiesOnTheEventObjectInEveryFrameEvenWhereItIsHiddenOrAway() {
        for (BenchmarkSpec spec : List.of(BenchmarkSpec.TINY, LONG, BenchmarkSpec.GRANULARITY_TINY)) {
            AttentionDensity attention = new AttentionDensity(spec.width(), spec.height());
            for (ClipScene scene : scenes(spec)) {
                for (int i = 0; i < spec.frameCount(); i++) {
                    Snapshot snapshot = scene.snapshot(i);
                    int peak = Stats.argMax(attention.of(snapshot));
                    float coverage = snapshot.event().sprite().coverageAt(peak % spec.width(), peak / spec.width());
                    assertTrue(coverage > 0, scene.videoId() + " frame " + i + ": peak off the event object");
                }
            }
        }
    }

    @Test
    void densityIsTheDocumentedMixOfEventSecondaryTargetAndCentreBias() {
        AttentionDensity attention = new AttentionDensity(LONG.width(), LONG.height());
        double[] centre = centreBias(LONG.width(), LONG.height());
        for (ClipScene scene : scenes(LONG)) {
            for (int i = 0; i < LONG.frameCount(); i++) {
                Snapshot snapshot = scene.snapshot(i);
                double[] density = attention.of(snapshot);
                Optional<Placed> secondary = AttentionDensity.secondaryTarget(snapshot);
                double total = 0.75 + 0.10 + (secondary.isPresent() ? 0.15 : 0);
                double[] objects = new double[density.length];
                for (int p = 0; p < density.length; p++) {
                    objects[p] = density[p] - 0.10 / total * centre[p];
                    assertTrue(objects[p] > -TOLERANCE, "the centre bias is the only share everywhere");
                }
                String frame = scene.videoId() + " frame " + i;
                assertEquals(1, Arrays.stream(density).sum(), TOLERANCE, frame);
                List<Placed> targets = new ArrayList<>(List.of(snapshot.event()));
                secondary.ifPresent(targets::add);
                assertEquals((total - 0.10) / total, massNear(objects, targets, LONG.width()), TOLERANCE, frame);
                assertTrue(massNear(objects, List.of(snapshot.event()), LONG.width()) > 0.75 / total - TOLERANCE);
                secondary.ifPresent(target -> assertTrue(
                        massNear(objects, List.of(target), LONG.width()) > 0.15 / total - TOLERANCE, frame));
            }
        }
    }

    @Test
    void aNewObjectDrawsAShareForItsFirstSecondOnlyAndAReturningOneNone() {
        ClipScene scene = firstOf(LONG, Variant.NEW_OBJECT);
        SceneObject newcomer = scene.objects().stream().filter(o -> o.role() == ObjectRole.NEW).findFirst()
                .orElseThrow();
        double appears = newcomer.presence().appearsAt();
        int withShare = 0;
        for (int i = 0; i < LONG.frameCount(); i++) {
            Snapshot snapshot = scene.snapshot(i);
            Optional<Placed> secondary = AttentionDensity.secondaryTarget(snapshot);
            boolean novel = snapshot.seconds() >= appears && snapshot.seconds() < appears + 1.0;
            assertEquals(novel, secondary.isPresent(), "frame " + i);
            secondary.ifPresent(target -> assertEquals(ObjectRole.NEW, target.object().role()));
            withShare += novel ? 1 : 0;
        }
        assertEquals(10, withShare, "one second at 10 fps");
        assertTrue(scene.objects().stream().anyMatch(o -> o.presence().hiddenFrom() < o.presence().hiddenUntil()
                && o.presence().hiddenUntil() < LONG.clipSeconds()), "a distractor leaves and comes back");
    }

    @Test
    void theFastDistractorDrawsAShareInEveryFrame() {
        ClipScene scene = firstOf(LONG, Variant.FAST_DISTRACTOR);
        SceneObject fast = scene.objects().stream().filter(SceneObject::fast).findFirst().orElseThrow();
        assertTrue(fast.motion().speed() >= 0.9 * 128, "crosses the frame in about a second");
        for (int i = 0; i < LONG.frameCount(); i++) {
            assertEquals(fast, AttentionDensity.secondaryTarget(scene.snapshot(i)).orElseThrow().object());
        }
    }

    @Test
    void theEventShareFollowsTheSilhouetteNotADisc() {
        ClipScene scene = firstWith(LONG, s -> s.category().appearance().shape() == Shape.TRIANGLE);
        AttentionDensity attention = new AttentionDensity(LONG.width(), LONG.height());
        Snapshot snapshot = scene.snapshot(0);
        double[] density = attention.of(snapshot);
        Placed event = snapshot.event();
        double inside = 0;
        double outside = 0;
        int insideCount = 0;
        int outsideCount = 0;
        for (int y = 0; y < LONG.height(); y++) {
            for (int x = 0; x < LONG.width(); x++) {
                double distance = Math.hypot(x + 0.5 - event.state().x(), y + 0.5 - event.state().y());
                float coverage = event.sprite().coverageAt(x, y);
                if (distance < event.state().radius() && coverage == 1) {
                    inside += density[y * LONG.width() + x];
                    insideCount++;
                } else if (distance < event.state().radius() && coverage == 0) {
                    outside += density[y * LONG.width() + x];
                    outsideCount++;
                }
            }
        }
        assertTrue(outsideCount > 10, "the triangle leaves part of its circle uncovered");
        double ratio = (inside / insideCount) / (outside / outsideCount);
        // a disc-shaped share would give about 1
        assertTrue(ratio > 2.5, "density on the silhouette over density beside it, within its circle: " + ratio);
    }

    /** The documented centre bias, computed independently of the generator. */
    private static double[] centreBias(int width, int height) {
        double[] bias = new double[width * height];
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x + 0.5 - width / 2.0) / (0.25 * width);
                double dy = (y + 0.5 - height / 2.0) / (0.25 * height);
                bias[y * width + x] = Math.exp(-0.5 * (dx * dx + dy * dy));
                sum += bias[y * width + x];
            }
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] /= sum;
        }
        return bias;
    }

    /** The mass of {@code map} within three blur σ of any of the objects' silhouettes' bounding boxes. */
    private static double massNear(double[] map, List<Placed> objects, int width) {
        double mass = 0;
        for (int i = 0; i < map.length; i++) {
            int x = i % width;
            int y = i / width;
            if (objects.stream().anyMatch(placed -> isNear(placed, x, y))) {
                mass += map[i];
            }
        }
        return mass;
    }

    private static boolean isNear(Placed placed, int x, int y) {
        Sprite sprite = placed.sprite();
        int reach = (int) Math.ceil(3 * Math.max(0.5, 0.25 * placed.state().radius()));
        return x >= sprite.left() - reach && x < sprite.left() + sprite.width() + reach
                && y >= sprite.top() - reach && y < sprite.top() + sprite.height() + reach;
    }

    /** Every clip of {@code spec}, planned. */
    static List<ClipScene> scenes(BenchmarkSpec spec) {
        List<ClipScene> scenes = new ArrayList<>();
        for (int category = 0; category < spec.categories(); category++) {
            for (int index = 0; index < spec.clipsPerCategory(); index++) {
                scenes.add(ScenePlanner.plan(spec, category, index));
            }
        }
        return scenes;
    }

    private static ClipScene firstOf(BenchmarkSpec spec, Variant variant) {
        return firstWith(spec, scene -> scene.variant() == variant);
    }

    private static ClipScene firstWith(BenchmarkSpec spec, Predicate<ClipScene> wanted) {
        return scenes(spec).stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Every file of the layout but the videos, relative to {@code root}, sorted. */
    private static List<Path> groundTruthFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".mp4"))
                    .map(root::relativize).sorted().toList();
        }
    }
}
