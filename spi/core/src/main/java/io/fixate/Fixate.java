package io.fixate;

import io.fixate.api.FixationPredictor;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point: finds the predictors and labelers installed with the application and opens them by name.
 *
 * <pre>{@code
 * try (FixationPredictor predictor = Fixate.predictor("stanet", ModelOptions.defaults())) { ... }
 * }</pre>
 *
 * Discovery uses {@link java.util.ServiceLoader} with the class loader that loaded Fixate, which sees providers both
 * on the module path and on the class path. Plugin hosts with their own class loaders use
 * {@link ProviderCatalog#discover(ClassLoader)} instead.
 */
public final class Fixate {

    private Fixate() {
    }

    /** Discovery happens once, on first use. */
    private static final class Installed {
        static final ProviderCatalog CATALOG = ProviderCatalog.discover(Fixate.class.getClassLoader());
    }

    /** The catalog of installed providers. */
    public static ProviderCatalog catalog() {
        return Installed.CATALOG;
    }

    /** The installed predictors. */
    public static List<ProviderInfo> predictors() {
        return catalog().predictors();
    }

    /** The installed labelers. */
    public static List<ProviderInfo> labelers() {
        return catalog().labelers();
    }

    /** Opens an installed predictor by name or alias. */
    public static FixationPredictor predictor(String name, ModelOptions options) {
        return catalog().predictor(name, options);
    }

    /** Opens an installed labeler by name or alias. */
    public static PseudoLabeler labeler(String name, ModelOptions options) {
        return catalog().labeler(name, options);
    }

    /** Trains an installed labeler by name or alias; see {@link ProviderCatalog#trainLabeler}. */
    public static Path trainLabeler(String name, TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        return catalog().trainLabeler(name, data, request, monitor);
    }

    /** Trains an installed predictor from recorded gaze and a teacher's maps; see {@link ProviderCatalog#trainPredictor}. */
    public static Path trainPredictor(String name, TrainingData data, Teacher teacher, TrainingRequest request,
                                      TrainingMonitor monitor) {
        return catalog().trainPredictor(name, data, teacher, request, monitor);
    }
}
