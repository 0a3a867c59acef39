package io.fixate.conformance;

import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.UnknownTagException;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static io.fixate.conformance.MapAssertions.assertOneMapPerFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks {@link LabelerConformance} runs against one labeler provider. */
final class LabelerChecks {

    private static final int CLIP_FRAMES = 4;
    private static final String UNKNOWN_TAG = "fixate-conformance-unknown-tag";

    private final ProviderInfo info;
    private final Function<ModelOptions, PseudoLabeler> opener;
    private final List<String> labels;

    LabelerChecks(ProviderInfo info, Function<ModelOptions, PseudoLabeler> opener) {
        this.info = info;
        this.opener = opener;
        this.labels = info.capabilities().labels();
    }

    void opensWithDefaultsAndKnowsItsLabels() {
        assertFalse(labels.isEmpty(), "a labeler must declare its label set");
        try (PseudoLabeler labeler = opener.apply(ModelOptions.defaults())) {
            assertEquals(info.name(), labeler.info().name(), "name of the opened labeler");
            assertEquals(labels, labeler.labels(), "labels of the opened labeler");
        }
    }

    void labelsEveryFrameInOrder() {
        List<FrameWithAudio> clip = SyntheticMedia.clip(CLIP_FRAMES, info.capabilities().audio());
        try (PseudoLabeler labeler = opener.apply(ModelOptions.defaults())) {
            List<FixationMap> maps = labeler.label(clip, Set.of(labels.get(0)));
            assertOneMapPerFrame(clip.stream().map(FrameWithAudio::frame).toList(), maps);
        }
    }

    void rejectsUnknownTagsListingTheValidOnes() {
        List<FrameWithAudio> clip = SyntheticMedia.clip(1, info.capabilities().audio());
        try (PseudoLabeler labeler = opener.apply(ModelOptions.defaults())) {
            UnknownTagException unknown = assertThrows(UnknownTagException.class,
                    () -> labeler.label(clip, Set.of(UNKNOWN_TAG)));
            assertEquals(labels, unknown.validTags(), "valid tags listed by the exception");
            for (String label : labels) {
                assertTrue(unknown.getMessage().contains(label), "message lists '" + label + "': " + unknown);
            }
            assertTrue(unknown.getMessage().contains(UNKNOWN_TAG), "message names the unknown tag: " + unknown);
            assertThrows(UnknownTagException.class, () -> labeler.label(clip, Set.of()), "no tag at all");
        }
    }

    void rejectsUnknownProperties() {
        ModelOptions typo = ModelOptions.builder().property("fixate.conformance.no-such-property", "1").build();
        assertThrows(InvalidOptionsException.class, () -> opener.apply(typo).close());
    }
}
