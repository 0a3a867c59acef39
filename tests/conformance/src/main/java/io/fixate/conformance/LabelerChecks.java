package io.fixate.conformance;

import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.MissingWeightsException;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The checks {@link LabelerConformance} runs against one labeler provider. */
final class LabelerChecks {

    private static final int CLIP_FRAMES = 4;
    private static final String UNKNOWN_TAG = "fixate-conformance-unknown-tag";

    private final ProviderInfo info;
    private final Function<ModelOptions, PseudoLabeler> opener;
    private final ModelOptions options;

    LabelerChecks(ProviderInfo info, Function<ModelOptions, PseudoLabeler> opener, ModelOptions options) {
        this.info = info;
        this.opener = opener;
        this.options = options;
    }

    void opensWithoutWeightsOnlyIfItShipsThem() {
        assumeTrue(info.capabilities().needsWeights(), "uses no weights");
        try {
            opener.apply(ModelOptions.defaults()).close();
        } catch (MissingWeightsException e) {
            assertTrue(e.getMessage().contains(info.name()), "the message names the labeler: " + e.getMessage());
        }
    }

    void opensAndKnowsItsLabels() {
        try (PseudoLabeler labeler = open()) {
            assertEquals(info.name(), labeler.info().name(), "name of the opened labeler");
            assertFalse(labeler.labels().isEmpty(), "a labeler must know its label set");
            List<String> declared = info.capabilities().labels();
            if (!declared.isEmpty()) {
                assertEquals(declared, labeler.labels(), "labels of the opened labeler against those declared");
            }
        }
    }

    void labelsEveryFrameInOrder() {
        List<FrameWithAudio> clip = PredictorChecks.squares(CLIP_FRAMES).frames(info.capabilities().audio());
        try (PseudoLabeler labeler = open()) {
            List<FixationMap> maps = labeler.label(clip, Set.of(labeler.labels().get(0)));
            assertOneMapPerFrame(clip.stream().map(FrameWithAudio::frame).toList(), maps);
        }
    }

    void rejectsUnknownTagsListingTheValidOnes() {
        List<FrameWithAudio> clip = PredictorChecks.squares(1).frames(info.capabilities().audio());
        try (PseudoLabeler labeler = open()) {
            UnknownTagException unknown = assertThrows(UnknownTagException.class,
                    () -> labeler.label(clip, Set.of(UNKNOWN_TAG)));
            assertEquals(labeler.labels(), unknown.validTags(), "valid tags listed by the exception");
            for (String label : labeler.labels()) {
                assertTrue(unknown.getMessage().contains(label), "message lists '" + label + "': " + unknown);
            }
            assertTrue(unknown.getMessage().contains(UNKNOWN_TAG), "message names the unknown tag: " + unknown);
            assertThrows(UnknownTagException.class, () -> labeler.label(clip, Set.of()), "no tag at all");
        }
    }

    void rejectsUnknownProperties() {
        ModelOptions typo = options.toBuilder().property("fixate.conformance.no-such-property", "1").build();
        assertThrows(InvalidOptionsException.class, () -> opener.apply(typo).close());
    }

    /** The labeler opened with the options under test; skips the check where they lack the weights it needs. */
    private PseudoLabeler open() {
        return Opening.orSkip(info.name(), () -> opener.apply(options));
    }
}
