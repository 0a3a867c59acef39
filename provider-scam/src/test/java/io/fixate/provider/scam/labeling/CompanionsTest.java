package io.fixate.provider.scam.labeling;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.training.TrainingSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The companion rules of spec §1.1 on clips whose frames know their index. */
class CompanionsTest {

    /** A clip of {@code length} one-pixel frames whose timestamp is their index. */
    private record IndexedClip(int length) implements ClipNodes {

        @Override
        public TrainingSample node(int frame, int tag) {
            return new TrainingSample(frame(Math.max(frame - 1, 0)), frame(frame), frame(Math.min(frame + 1,
                    length - 1)), AudioBlock.ofMono(new float[1], 16_000, frame), tag);
        }

        @Override
        public int[] longCandidates() {
            return IntStream.range(0, length).toArray();
        }

        private static VideoFrame frame(int index) {
            return VideoFrame.ofRgb(1, 1, index, new byte[3]);
        }
    }

    private static int[] centres(PlusSource net, int length, int frame, long seed) {
        return Companions.centres(net, new IndexedClip(length), frame, 2, new IndexedClip(5),
                new SplittableRandom(seed));
    }

    @ParameterizedTest
    @CsvSource({"S_SHORT, 10, 5, 4, 6", "S_SHORT, 10, 0, 0, 1", "S_SHORT, 10, 9, 8, 9",
            "ST_SHORT, 20, 5, 2, 8", "ST_SHORT, 20, 1, 0, 4", "ST_SHORT, 20, 18, 15, 19"})
    void shortCompanionsAreTheNeighboursOrTheNeighbouringTripletsRepeatedAtTheEnds(PlusSource net, int length,
                                                                                  int frame, int before, int after) {
        assertArrayEquals(new int[] {before, after}, centres(net, length, frame, 1));
    }

    @ParameterizedTest
    @CsvSource({"S_LONG, 5", "SA_LONG, 5", "ST_LONG, 6"})
    void longCompanionsAreFarFromTheTarget(PlusSource net, int gap) {
        for (long seed = 0; seed < 50; seed++) {
            int frame = (int) (seed % 30);
            for (int centre : centres(net, 30, frame, seed)) {
                assertTrue(Math.abs(centre - frame) >= gap, net + " drew " + centre + " for target " + frame);
            }
        }
    }

    @Test
    void longDrawsAreReproducibleBySeedAndVary() {
        assertArrayEquals(centres(PlusSource.S_LONG, 40, 20, 9), centres(PlusSource.S_LONG, 40, 20, 9));
        assertFalse(IntStream.range(0, 20).allMatch(seed -> Arrays.equals(centres(PlusSource.S_LONG, 40, 20, seed),
                centres(PlusSource.S_LONG, 40, 20, 0))), "draws differ between seeds");
    }

    @Test
    void aClipTooShortForTheLongRuleGivesItsFarthestFrames() {
        // 8 frames, target 4: no triplet centre is 6 frames away; 0 (4 away), then 1 and 7 (3 away, the earlier first)
        assertArrayEquals(new int[] {0, 1}, centres(PlusSource.ST_LONG, 8, 4, 1));
    }

    @Test
    void clipsUnderSevenFramesHaveNoLongNets() {
        assertFalse(Companions.applies(PlusSource.S_LONG, 6));
        assertTrue(Companions.applies(PlusSource.S_LONG, 7));
        assertTrue(Companions.applies(PlusSource.ST_SHORT, 1));
    }

    @ParameterizedTest
    @EnumSource(value = PlusSource.class, names = {"S_CROSS", "ST_CROSS", "SA_CROSS"})
    void crossCompanionsComeFromTheOtherClip(PlusSource net) {
        for (int centre : centres(net, 100, 50, 3)) {
            assertTrue(centre >= 0 && centre < 5, "centre " + centre + " within the other clip of 5 frames");
        }
        assertThrows(IllegalArgumentException.class, () -> Companions.centres(net, new IndexedClip(10), 5, 2, null,
                new SplittableRandom(1)));
    }

    @Test
    void theSampleIsTheTargetNodeWithItsCompanionsAllTaggedAlike() {
        IndexedClip clip = new IndexedClip(30);
        TrainingSample sample = Companions.of(PlusSource.ST_LONG, clip, 12, 2, 3, null, new SplittableRandom(4));

        assertEquals(12, sample.current().timestampMicros());
        assertEquals(11, sample.previous().timestampMicros());
        assertEquals(3, sample.companions().size());
        assertEquals(4, sample.nodes().size());
        assertSame(sample.current(), sample.nodes().get(0).current());
        sample.nodes().forEach(node -> assertEquals(2, node.tag()));
        sample.companions().forEach(node -> assertEquals(node.current().timestampMicros() - 1,
                node.previous().timestampMicros()));
    }
}
