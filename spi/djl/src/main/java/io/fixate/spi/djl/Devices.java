package io.fixate.spi.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.fixate.api.DeviceChoice;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;

import java.util.Objects;

/**
 * Maps {@link ModelOptions} onto what the DJL engine offers: the compute device and the thread count.
 *
 * <p>Threads: PyTorch's intra-op thread count is read once, from the system property {@value #THREADS_PROPERTY},
 * when the engine starts; setting the property later has no effect, and DJL offers no engine-neutral way to change
 * it afterwards. So the thread count is a property of the JVM, not of one model: {@link #checkThreads(int)} accepts
 * a request of 0 (engine default) or one equal to that property and rejects any other with an explanation, rather
 * than silently running with a different count.
 */
public final class Devices {

    /** The system property PyTorch (DJL) reads its thread count from when the engine starts. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private Devices() {
    }

    /** PyTorch's intra-op thread count: {@value #THREADS_PROPERTY} when set, else every core, PyTorch's default. */
    public static int engineThreads() {
        return Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Checks the options' thread request and chooses their device.
     *
     * @throws InvalidOptionsException when the thread request cannot be honoured (see {@link #checkThreads(int)})
     * @throws DeviceUnavailableException when a GPU is required and the engine sees none
     */
    public static Device choose(ModelOptions options) {
        checkThreads(options.threads());
        return choose(options.device());
    }

    /**
     * The device for {@code choice}: {@link DeviceChoice#AUTO} is the first GPU when the engine sees one, else the
     * CPU. Starts the engine if it is not running yet.
     *
     * @throws DeviceUnavailableException for {@link DeviceChoice#GPU} when the engine sees no GPU
     */
    public static Device choose(DeviceChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Engine engine = Engine.getInstance();
        return choose(choice, engine.getGpuCount(), engine.getEngineName() + " " + engine.getVersion());
    }

    /** The device choice proper, separated from the engine query so that the GPU branches are testable. */
    static Device choose(DeviceChoice choice, int gpuCount, String engineDescription) {
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpuCount > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpuCount == 0) {
                    throw new DeviceUnavailableException("a GPU was required, but the engine " + engineDescription
                            + " sees no GPU (0 GPUs, CPU only); choose AUTO or CPU, or install a CUDA build of it");
                }
                yield Device.gpu();
            }
        };
    }

    /**
     * Accepts a thread request of 0 (engine default) or one equal to {@value #THREADS_PROPERTY}.
     *
     * @throws InvalidOptionsException for any other count, naming the property to set at JVM start
     */
    public static void checkThreads(int requested) {
        if (requested == 0) {
            return;
        }
        Integer configured = Integer.getInteger(THREADS_PROPERTY);
        if (configured == null || configured != requested) {
            throw new InvalidOptionsException("threads=" + requested + " cannot be applied: PyTorch reads its thread"
                    + " count once at engine start from -D" + THREADS_PROPERTY + ", which is "
                    + (configured == null ? "unset (engine default)" : configured)
                    + "; start the JVM with -D" + THREADS_PROPERTY + "=" + requested + " or request threads=0");
        }
    }
}
