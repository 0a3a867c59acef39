package io.fixate.spi;

import io.fixate.api.AudioRequirement;
import io.fixate.api.InvalidOptionsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TrainingDataTest {

    private static final List<String> LABELS = List.of("bell", "drum");

    TrainingDataTest() {
        // public only for clip(); the lint asks the class to say who may construct it
    }

    /** A clip with these tags whose media is never read. */
    public static TrainingClip clip(String id, String... tags) {
        return new TrainingClip() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<String> tags() {
                return Set.of(tags);
            }

            @Override
            public String fingerprint() {
                return id;
            }

            @Override
            public ClipMedia open(AudioRequirement audio) {
                throw new AssertionError("not read in this test");
            }
        };
    }

    @Test
    void keepsValidDataAsGiven() {
        TrainingData data = new TrainingData("set", LABELS, List.of(clip("a", "bell")), List.of(clip("b", "drum")));
        assertEquals(LABELS, data.labels());
        assertEquals("a", data.training().get(0).id());
        assertEquals("b", data.validation().get(0).id());
    }

    @Test
    void refusesWhatNoTrainerCouldUse() {
        assertRefused("repeats a label", List.of("bell", "bell"), List.of(clip("a", "bell")), List.of());
        assertRefused("no clips to train on", LABELS, List.of(), List.of(clip("a", "bell")));
        assertRefused("'a' twice", LABELS, List.of(clip("a", "bell")), List.of(clip("a", "drum")));
        assertRefused("outside the label set: [gong]", LABELS, List.of(clip("a", "gong")), List.of());
    }

    @Test
    void untaggedClipsAreDataButNotForTagLearners() {
        TrainingData untagged = new TrainingData("real", List.of(), List.of(clip("a")), List.of());
        InvalidOptionsException noLabels = assertThrows(InvalidOptionsException.class, untagged::requireTags);
        assertTrue(noLabels.getMessage().contains("at least two labels"), noLabels.getMessage());

        TrainingData mixed = new TrainingData("mixed", LABELS, List.of(clip("a", "bell")), List.of(clip("b")));
        InvalidOptionsException noTag = assertThrows(InvalidOptionsException.class, mixed::requireTags);
        assertTrue(noTag.getMessage().contains("'b'") && noTag.getMessage().contains("no tag"), noTag.getMessage());

        new TrainingData("tagged", LABELS, List.of(clip("a", "bell")), List.of(clip("b", "drum"))).requireTags();
    }

    private static void assertRefused(String reason, List<String> labels, List<TrainingClip> training,
                                      List<TrainingClip> validation) {
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> new TrainingData("set", labels, training, validation));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
