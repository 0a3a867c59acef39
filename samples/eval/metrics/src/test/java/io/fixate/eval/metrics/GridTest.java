package io.fixate.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixate.api.FixationMap;
import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void rowsAreReadRowMajor() {
        Grid grid = Grid.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(2, grid.height());
        assertEquals(3, grid.width());
        assertEquals(6, grid.get(1, 2));
        assertEquals(3, grid.get(0, 2));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, grid.toArray());
        assertEquals(Grid.of(2, 3, new double[] {1, 2, 3, 4, 5, 6}), grid);
        assertNotEquals(Grid.of(3, 2, new double[] {1, 2, 3, 4, 5, 6}), grid);
    }

    @Test
    void takesTheCellsOfAFixationMapAtItsOwnResolution() {
        FixationMap map = FixationMap.of(3, 2, new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 0.125f}, 0, 640, 480);
        Grid grid = Grid.from(map);
        assertEquals(2, grid.height());
        assertEquals(3, grid.width());
        assertEquals(0.75, grid.get(1, 0));
        assertEquals(0.125, grid.get(1, 2));
    }

    @Test
    void copiesItsInputAndHandsOutCopies() {
        double[] values = {1, 2, 3, 4};
        Grid grid = Grid.of(2, 2, values);
        values[0] = 99;
        grid.toArray()[1] = 99;
        assertEquals(1, grid.get(0, 0));
        assertEquals(2, grid.get(0, 1));
    }

    @Test
    void rejectsInconsistentOrInfiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> Grid.of(2, 2, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Grid.of(0, 2, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Grid.of(new double[] {1, 2}, new double[] {3}));
        assertThrows(IllegalArgumentException.class, () -> Grid.of(1, 2, new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IndexOutOfBoundsException.class, () -> Grid.of(1, 2, new double[2]).get(1, 0));
    }

    @Test
    void acceptsNaNForMapsThatCouldNotBeNormalised() {
        assertTrue(Double.isNaN(Grid.of(1, 2, new float[] {Float.NaN, 0f}).get(0, 0)));
    }
}
