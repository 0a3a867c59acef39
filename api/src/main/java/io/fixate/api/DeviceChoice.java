package io.fixate.api;

/** Where a model runs. */
public enum DeviceChoice {
    /** A GPU when the engine sees one, otherwise the CPU. */
    AUTO,
    /** Always the CPU. */
    CPU,
    /** A GPU; opening fails with {@link DeviceUnavailableException} when there is none. */
    GPU
}
