package io.fixate.eval.synth;

import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkSpecTest {

    @Test
    void defaultPresetFitsTheTrainingBudget() {
        BenchmarkSpec spec = BenchmarkSpec.DEFAULT;
        assertEquals(128, spec.clipCount());
        assertEquals(40, spec.frameCount());
        assertEquals(List.of("Bell", "Drum", "Siren", "Clock", "Whistle", "Rain", "Buzzer", "Bird"),
                spec.categoryNames());
        assertEquals(16_000, spec.audioSampleRate());
    }

    @Test
    void tinyPresetIsSmall() {
        BenchmarkSpec spec = BenchmarkSpec.TINY;
        assertEquals(6, spec.clipCount());
        assertEquals(8, spec.frameCount());
        assertEquals(64, spec.width());
    }

    @Test
    void granularityPresetIsAboutAsLargeAsTheDefaultAndCyclesThroughTheContextScenes() {
        BenchmarkSpec spec = BenchmarkSpec.GRANULARITY;
        assertEquals(144, spec.clipCount());
        assertEquals(50, spec.frameCount());
        assertEquals(160, spec.width());
        assertEquals(120, spec.height());
        assertEquals(BenchmarkSpec.DEFAULT.categoryNames(), spec.categoryNames());
        assertEquals(Variant.GRANULARITY_CYCLE, spec.variants());
        assertTrue(Variant.GRANULARITY_CYCLE.stream().allMatch(Variant::contextDecides));
        assertTrue(Variant.DEFAULT_CYCLE.stream().noneMatch(Variant::contextDecides));
        assertEquals(9, BenchmarkSpec.GRANULARITY_TINY.clipCount());
    }

    @Test
    void presetsAreFoundByNameInAnyCase() {
        assertSame(BenchmarkSpec.TINY, BenchmarkSpec.preset("TINY"));
        assertSame(BenchmarkSpec.DEFAULT, BenchmarkSpec.preset("default"));
        assertSame(BenchmarkSpec.GRANULARITY, BenchmarkSpec.preset("Granularity"));
        assertSame(BenchmarkSpec.GRANULARITY_TINY, BenchmarkSpec.preset("granularity-tiny"));
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> BenchmarkSpec.preset("huge"));
        assertTrue(e.getMessage().contains("'huge'") && e.getMessage().contains("granularity-tiny"), e.getMessage());
    }

    @Test
    void frameTimesAreRoundedMicroseconds() {
        BenchmarkSpec spec = BenchmarkSpec.TINY.withFrameRate(30);
        assertEquals(0, spec.frameTimeMicros(0));
        assertEquals(33_333, spec.frameTimeMicros(1));
        assertEquals(66_667, spec.frameTimeMicros(2));
    }

    @Test
    void outOfRangeOptionsAreRejectedWithTheirName() {
        BenchmarkSpec tiny = BenchmarkSpec.TINY;
        rejects(() -> tiny.withCategories(1), "categories must be in 2..12");
        rejects(() -> tiny.withCategories(13), "categories must be in 2..12");
        rejects(() -> tiny.withClipsPerCategory(0), "clips per category");
        rejects(() -> tiny.withClipsPerCategory(10_000), "clips per category");
        rejects(() -> tiny.withSize(31, 64), "frame size");
        rejects(() -> tiny.withSize(64, 4000), "frame size");
        rejects(() -> tiny.withSize(65, 64), "even");
        rejects(() -> tiny.withFrameRate(0.5), "frame rate");
        rejects(() -> tiny.withFrameRate(Double.NaN), "frame rate");
        rejects(() -> tiny.withClipSeconds(0), "clip length");
        rejects(() -> tiny.withObservers(0), "observers");
        rejects(() -> tiny.withVariants(List.of()), "variant cycle");
        rejects(() -> BenchmarkSpec.GRANULARITY.withClipSeconds(3), "at least 4 s");
        rejects(() -> BenchmarkSpec.GRANULARITY.withFrameRate(4), "at least 4 s at 5.0 fps");
        rejects(() -> new BenchmarkSpec("a b", 3, 2, 64, 64, 8, 1, 16_000, 8, 1, 0.7, 0.15, Variant.DEFAULT_CYCLE),
                "name");
        rejects(() -> new BenchmarkSpec("x", 3, 2, 64, 64, 8, 1, 11_025, 8, 1, 0.7, 0.15, Variant.DEFAULT_CYCLE),
                "audio sample rate");
        rejects(() -> new BenchmarkSpec("x", 3, 2, 64, 64, 8, 1, 16_000, 8, 1, 0.9, 0.2, Variant.DEFAULT_CYCLE),
                "split fractions");
        rejects(() -> new BenchmarkSpec("x", 3, 2, 64, 64, 8, 1, 16_000, 8, 1, 0, 0.2, Variant.DEFAULT_CYCLE),
                "split fractions");
    }

    private static void rejects(Supplier<BenchmarkSpec> spec, String expectedMessage) {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, spec::get);
        assertTrue(e.getMessage().contains(expectedMessage), e.getMessage());
    }
}
