package io.fixate.provider.stanet.nets;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FragmentCompanionsTest {

    @Test
    void shortCompanionsAreCentredThreeFramesAwayAndReplicateTheEdges() {
        assertArrayEquals(new int[] {10, 7, 13}, FragmentCompanions.shortCentres(10, 30));
        assertArrayEquals(new int[] {1, 0, 4}, FragmentCompanions.shortCentres(1, 30));
        assertArrayEquals(new int[] {2, 0, 4}, FragmentCompanions.shortCentres(2, 5), "a clip of five frames");
        assertArrayEquals(new int[] {0, 0, 0}, FragmentCompanions.shortCentres(0, 1));
        assertEquals(0, FragmentCompanions.clamped(-1, 5));
        assertEquals(4, FragmentCompanions.clamped(9, 5));
    }

    @Test
    void longCandidatesLieSixOrMoreFramesAwayOrElseAsFarAsTheClipAllows() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 16, 17, 18, 19}, FragmentCompanions.longCandidates(10, 20));
        assertArrayEquals(new int[] {6, 7}, FragmentCompanions.longCandidates(0, 8));
        assertArrayEquals(new int[] {0, 8}, FragmentCompanions.longCandidates(4, 9),
                "no frame is six away: the two ends");
        assertArrayEquals(new int[] {0}, FragmentCompanions.longCandidates(0, 1));
    }

    @Test
    void twoDifferentLongCompanionsAreDrawnReproduciblyFromTheCandidates() {
        for (int seed = 0; seed < 50; seed++) {
            int[] drawn = FragmentCompanions.drawLong(10, 20, new SplittableRandom(seed));
            assertArrayEquals(drawn, FragmentCompanions.drawLong(10, 20, new SplittableRandom(seed)));
            assertNotEquals(drawn[0], drawn[1]);
            for (int centre : drawn) {
                assertTrue(Math.abs(centre - 10) >= FragmentCompanions.LONG_DISTANCE, "centre " + centre);
            }
        }
        assertArrayEquals(new int[] {0, 0}, FragmentCompanions.drawLong(0, 1, new SplittableRandom(1)));
    }
}
