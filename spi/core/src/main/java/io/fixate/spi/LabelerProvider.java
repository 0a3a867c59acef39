package io.fixate.spi;

import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;

/**
 * Implemented by a module that offers a {@link PseudoLabeler}; registered like {@link PredictorProvider}, under
 * {@code io.fixate.spi.LabelerProvider}. The label set is part of {@link #info()}'s capabilities.
 */
public interface LabelerProvider {

    /** Name, aliases, description and capabilities including the label set; available without loading the model. */
    ProviderInfo info();

    /**
     * Loads the labeler with these options.
     *
     * @throws io.fixate.api.InvalidOptionsException    for an option the provider does not accept
     * @throws io.fixate.api.WeightsException           when weights are missing or damaged
     * @throws io.fixate.api.DeviceUnavailableException when the requested device is absent
     */
    PseudoLabeler open(ModelOptions options);
}
