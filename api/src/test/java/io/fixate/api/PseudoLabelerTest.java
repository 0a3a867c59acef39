package io.fixate.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudoLabelerTest {

    /** A labeler that knows two tags and maps every frame to a uniform map. */
    private static final PseudoLabeler LABELER = new PseudoLabeler() {
        @Override
        public ProviderInfo info() {
            Capabilities capabilities = new Capabilities(false, 0, 0, 0, 0, AudioRequirement.DEFAULT, false,
                    List.of("speech", "music"));
            return new ProviderInfo("two-tags", List.of(), "test labeler", capabilities);
        }

        @Override
        public void label(Iterable<FrameWithAudio> clip, Set<String> tags, Consumer<FixationMap> sink) {
            requireKnownTags(tags);
            for (FrameWithAudio input : clip) {
                VideoFrame frame = input.frame();
                sink.accept(FixationMap.of(1, 1, new float[] {1f}, frame.timestampMicros(), frame.width(),
                        frame.height()));
            }
        }

        @Override
        public void close() {
        }
    };

    @Test
    void knownTagsPass() {
        assertDoesNotThrow(() -> LABELER.requireKnownTags(Set.of("speech", "music")));
    }

    @Test
    void unknownTagsAreNamedAlongsideTheValidOnes() {
        UnknownTagException e = assertThrows(UnknownTagException.class,
                () -> LABELER.requireKnownTags(Set.of("speech", "dance")));
        assertEquals(List.of("speech", "music"), e.validTags());
        assertEquals("unknown tag(s) dance; valid tags: speech, music", e.getMessage());
    }

    @Test
    void anEmptyTagSetIsRejected() {
        UnknownTagException e = assertThrows(UnknownTagException.class, () -> LABELER.requireKnownTags(Set.of()));
        assertTrue(e.getMessage().contains("(none given)"), e.getMessage());
    }

    @Test
    void labelCollectsOneMapPerFrameInOrder() {
        List<FrameWithAudio> clip = List.of(0L, 40_000L).stream()
                .map(t -> FrameWithAudio.silent(VideoFrame.ofRgb(1, 1, t, new byte[3]), AudioRequirement.DEFAULT))
                .toList();
        List<FixationMap> maps = LABELER.label(clip, Set.of("music"));
        assertEquals(List.of(0L, 40_000L), maps.stream().map(FixationMap::timestampMicros).toList());
        assertEquals(List.of("speech", "music"), LABELER.labels());
    }
}
