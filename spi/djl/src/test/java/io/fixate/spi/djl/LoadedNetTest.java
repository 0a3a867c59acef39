package io.fixate.spi.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadedNetTest {

    @Test
    void aFailedUseReleasesTheParametersAndASuccessfulOneKeepsThem() {
        LoadedNet<Linear> kept = new LoadedNet<>(Linear.builder().setUnits(1).build(), 32,
                NDManager.newBaseManager(Device.cpu()));
        int size = kept.closeOnFailure(LoadedNet::inputSize);
        assertEquals(32, size);
        assertTrue(kept.manager().isOpen(), "the caller owns the net after a successful use");
        kept.close();
        assertFalse(kept.manager().isOpen());

        LoadedNet<Linear> refused = new LoadedNet<>(Linear.builder().setUnits(1).build(), 32,
                NDManager.newBaseManager(Device.cpu()));
        IllegalStateException thrown = new IllegalStateException("refused");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> refused.closeOnFailure(net -> {
            throw thrown;
        })));
        assertFalse(refused.manager().isOpen(), "nothing leaks from a refused open");
    }
}
