package io.fixate.samples.stavis.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.List;

/** Reads and sets a block's parameters by the end of their name, for hand-computed tests. */
final class Parameters {

    private Parameters() {
    }

    /** The array of the one parameter whose name ends with {@code suffix}. */
    static NDArray of(Block block, String suffix) {
        List<Parameter> found = block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix))
                .map(Pair::getValue).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " parameters end with " + suffix + " among "
                    + block.getParameters().keys());
        }
        return found.get(0).getArray();
    }

    /** Sets the parameter whose name ends with {@code suffix} to {@code values}, in row-major order. */
    static void set(Block block, String suffix, float... values) {
        of(block, suffix).set(values);
    }
}
