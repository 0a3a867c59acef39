package io.fixate.spi;

import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;

/**
 * Implemented by a module that offers a {@link FixationPredictor}, and registered both with {@code provides
 * io.fixate.spi.PredictorProvider with ...} in its {@code module-info.java} and in
 * {@code META-INF/services/io.fixate.spi.PredictorProvider}, so that it is found on the module path and on the class
 * path. Must have a public no-argument constructor and be cheap to construct: load models in {@link #open}.
 */
public interface PredictorProvider {

    /** Name, aliases, description and capabilities; available without loading the model. */
    ProviderInfo info();

    /**
     * Loads the model with these options.
     *
     * @throws io.fixate.api.InvalidOptionsException    for an option the provider does not accept
     * @throws io.fixate.api.WeightsException           when weights are missing or damaged
     * @throws io.fixate.api.DeviceUnavailableException when the requested device is absent
     */
    FixationPredictor open(ModelOptions options);
}
