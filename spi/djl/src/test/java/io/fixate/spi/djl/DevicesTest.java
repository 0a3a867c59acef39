package io.fixate.spi.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.fixate.api.DeviceChoice;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevicesTest {

    @Test
    void autoFollowsTheGpuCount() {
        assertEquals(Device.cpu(), Devices.choose(DeviceChoice.AUTO, 0, "test engine"));
        assertEquals(Device.gpu(), Devices.choose(DeviceChoice.AUTO, 2, "test engine"));
    }

    @Test
    void cpuIsTheCpuEvenWithAGpu() {
        assertEquals(Device.cpu(), Devices.choose(DeviceChoice.CPU, 1, "test engine"));
    }

    @Test
    void gpuWithoutOneNamesWhatWasFound() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> Devices.choose(DeviceChoice.GPU, 0, "PyTorch 9.9"));
        assertTrue(e.getMessage().contains("PyTorch 9.9") && e.getMessage().contains("0 GPUs"), e.getMessage());
        assertEquals(Device.gpu(), Devices.choose(DeviceChoice.GPU, 1, "test engine"));
    }

    @Test
    void theRealEngineGivesAUsableDevice() {
        Device device = Devices.choose(DeviceChoice.AUTO);
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals(engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu(), device);
    }

    @Test
    void theRealEngineRefusesAGpuItDoesNotHave() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        assertThrows(DeviceUnavailableException.class, () -> Devices.choose(DeviceChoice.GPU));
    }

    @Test
    void threadsMustMatchWhatTheEngineStartedWith() {
        Integer configured = Integer.getInteger(Devices.THREADS_PROPERTY);
        assumeTrue(configured != null, "the build sets -D" + Devices.THREADS_PROPERTY);
        Devices.checkThreads(0);
        Devices.checkThreads(configured);
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class,
                () -> Devices.checkThreads(configured + 1));
        assertTrue(e.getMessage().contains("-D" + Devices.THREADS_PROPERTY + "=" + (configured + 1)), e.getMessage());
    }

    @Test
    void optionsAreCheckedForThreadsBeforeTheDeviceIsChosen() {
        Integer configured = Integer.getInteger(Devices.THREADS_PROPERTY);
        assumeTrue(configured != null, "the build sets -D" + Devices.THREADS_PROPERTY);
        ModelOptions conflicting = ModelOptions.builder().device(DeviceChoice.CPU).threads(configured + 1).build();
        assertThrows(InvalidOptionsException.class, () -> Devices.choose(conflicting));
        ModelOptions fitting = ModelOptions.builder().device(DeviceChoice.CPU).threads(configured).build();
        assertEquals(Device.cpu(), Devices.choose(fitting));
    }
}
