package io.fixate.samples.baseline;

import io.fixate.api.DeviceChoice;
import io.fixate.api.DeviceUnavailableException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.spi.OptionChecks;

import java.util.Set;

/**
 * The options classic-baseline understands, checked.
 *
 * @param centreBias   share of the centre-bias Gaussian in the final map, in [0, 1]
 * @param gridLongSide cells along the longer side of the working grid, in [16, 256]
 */
record BaselineSettings(double centreBias, int gridLongSide) {

    static final String CENTRE_BIAS = "centre-bias";
    static final String GRID = "grid";
    static final double DEFAULT_CENTRE_BIAS = 0.3;
    static final int DEFAULT_GRID = 64;
    static final int MIN_GRID = 16;
    static final int MAX_GRID = 256;

    /**
     * Reads the settings from {@code options}, rejecting what does not apply to a weightless CPU model.
     *
     * @throws InvalidOptionsException    for an unknown or out-of-range property, a weights location or an input size
     * @throws DeviceUnavailableException when a GPU is demanded
     */
    static BaselineSettings from(ModelOptions options) {
        String name = ClassicBaselineProvider.NAME;
        if (options.device() == DeviceChoice.GPU) {
            throw new DeviceUnavailableException(name + " runs on the CPU only");
        }
        OptionChecks.requireNoWeights(name, options);
        if (options.inputWidth() != 0) {
            throw new InvalidOptionsException(name + " takes frames of any size; set its working resolution with the '"
                    + GRID + "' property instead of an input size");
        }
        OptionChecks.requireKnownProperties(name, options, Set.of(CENTRE_BIAS, GRID));
        double centreBias = OptionChecks.doubleProperty(name, options, CENTRE_BIAS, DEFAULT_CENTRE_BIAS, 0, 1);
        int grid = OptionChecks.intProperty(name, options, GRID, DEFAULT_GRID, MIN_GRID, MAX_GRID);
        return new BaselineSettings(centreBias, grid);
    }
}
