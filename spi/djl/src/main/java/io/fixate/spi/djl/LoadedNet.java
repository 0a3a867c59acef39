package io.fixate.spi.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import java.util.Objects;
import java.util.function.Function;

/**
 * One trained net with its parameters in memory, as a provider's weights loader returns it ({@link NetFolder#load}):
 * the net, the side of the square frames it was trained at, and the manager that holds its parameters on the device
 * they were loaded to. Closing releases the parameters; the net is then unusable.
 *
 * @param net       the net, its parameters loaded
 * @param inputSize side S of the square frames the net was trained on
 * @param manager   holds the parameters
 */
public record LoadedNet<N extends Block>(N net, int inputSize, NDManager manager) implements AutoCloseable {

    public LoadedNet {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(manager, "manager");
    }

    /**
     * What {@code use} makes of this net, e.g. the predictor a provider's {@code open} returns; the parameters are
     * released if {@code use} fails, so that a refused open leaks nothing.
     */
    public <R> R closeOnFailure(Function<LoadedNet<N>, R> use) {
        try {
            return use.apply(this);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
