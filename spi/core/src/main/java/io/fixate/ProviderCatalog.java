package io.fixate;

import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.UnknownProviderException;
import io.fixate.spi.LabelerProvider;
import io.fixate.spi.PredictorProvider;
import io.fixate.spi.TrainableLabelerProvider;
import io.fixate.spi.TrainablePredictorProvider;
import io.fixate.spi.Teacher;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The providers found by {@link ServiceLoader} in one place (module layer or class loader), immutable and safe to
 * share. A provider that fails to load, or claims a name another provider already has, is left out and reported in
 * {@link #problems()} rather than breaking discovery of the others.
 */
public final class ProviderCatalog {

    private final List<PredictorProvider> predictors;
    private final List<LabelerProvider> labelers;
    private final List<String> problems = new ArrayList<>();

    /** Discovers the providers visible to {@code loader} (on the class path, or named modules it sees). */
    public static ProviderCatalog discover(ClassLoader loader) {
        return new ProviderCatalog(ServiceLoader.load(PredictorProvider.class, loader),
                ServiceLoader.load(LabelerProvider.class, loader));
    }

    /** Discovers the providers in the modules of {@code layer} and its parents. */
    public static ProviderCatalog discover(ModuleLayer layer) {
        return new ProviderCatalog(ServiceLoader.load(layer, PredictorProvider.class),
                ServiceLoader.load(layer, LabelerProvider.class));
    }

    private ProviderCatalog(ServiceLoader<PredictorProvider> predictorLoader,
                            ServiceLoader<LabelerProvider> labelerLoader) {
        this.predictors = load(predictorLoader, PredictorProvider::info);
        this.labelers = load(labelerLoader, LabelerProvider::info);
    }

    private <P> List<P> load(ServiceLoader<P> loader, Function<P, ProviderInfo> info) {
        List<P> found = new ArrayList<>();
        List<ProviderInfo> infos = new ArrayList<>();
        Iterator<P> it = loader.iterator();
        while (true) {
            P provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // LinkageError: a class-path provider whose own dependencies are missing
                problems.add("provider could not be loaded: " + describe(e));
                continue;
            }
            ProviderInfo candidate;
            try {
                candidate = info.apply(provider);
            } catch (RuntimeException | LinkageError e) {
                problems.add(provider.getClass().getName() + " was ignored: its info() failed: " + describe(e));
                continue;
            }
            ProviderInfo clash = infos.stream().filter(known -> clashes(known, candidate)).findFirst().orElse(null);
            if (clash != null) {
                problems.add(provider.getClass().getName() + " ('" + candidate.name()
                        + "') was ignored: its names clash with '" + clash.name() + "'");
                continue;
            }
            found.add(provider);
            infos.add(candidate);
        }
        return List.copyOf(found);
    }

    private static String describe(Throwable e) {
        return e.getCause() == null ? e.toString() : e + ", caused by " + e.getCause();
    }

    private static boolean clashes(ProviderInfo a, ProviderInfo b) {
        return a.answersTo(b.name()) || b.aliases().stream().anyMatch(a::answersTo);
    }

    /** What every discovered predictor says of itself, in discovery order. */
    public List<ProviderInfo> predictors() {
        return predictors.stream().map(PredictorProvider::info).toList();
    }

    /** What every discovered labeler says of itself, in discovery order. */
    public List<ProviderInfo> labelers() {
        return labelers.stream().map(LabelerProvider::info).toList();
    }

    /** Providers that were left out, and why. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Opens the predictor called {@code name} (or one of its aliases, ignoring case).
     *
     * @throws UnknownProviderException listing the available names when there is none
     */
    public FixationPredictor predictor(String name, ModelOptions options) {
        Objects.requireNonNull(options, "options");
        return find(predictors, PredictorProvider::info, "predictor", name).open(options);
    }

    /**
     * Opens the labeler called {@code name} (or one of its aliases, ignoring case).
     *
     * @throws UnknownProviderException listing the available names when there is none
     */
    public PseudoLabeler labeler(String name, ModelOptions options) {
        Objects.requireNonNull(options, "options");
        return find(labelers, LabelerProvider::info, "labeler", name).open(options);
    }

    /**
     * Trains the labeler called {@code name} (or one of its aliases, ignoring case) and returns the weights to open
     * it with; see {@link TrainableLabelerProvider#train}.
     *
     * @throws UnknownProviderException listing the available names when there is none
     * @throws InvalidOptionsException  when that labeler cannot be trained; the message lists those that can, by name
     */
    public Path trainLabeler(String name, TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        LabelerProvider provider = find(labelers, LabelerProvider::info, "labeler", name);
        if (!(provider instanceof TrainableLabelerProvider trainable)) {
            throw new InvalidOptionsException("labeler '" + provider.info().name() + "' cannot be trained; trainable "
                    + "labelers: " + labelers.stream().filter(TrainableLabelerProvider.class::isInstance)
                    .map(p -> p.info().name()).sorted().toList());
        }
        return trainable.train(Objects.requireNonNull(data, "data"), Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(monitor, "monitor"));
    }

    /**
     * Trains the predictor called {@code name} (or one of its aliases, ignoring case) from the clips' recorded gaze
     * and {@code teacher}'s maps, and returns the weights to open it with; see {@link TrainablePredictorProvider#train}.
     *
     * @throws UnknownProviderException listing the available names when there is none
     * @throws InvalidOptionsException  when that predictor cannot be trained; the message lists those that can, by
     *                                  name
     */
    public Path trainPredictor(String name, TrainingData data, Teacher teacher, TrainingRequest request,
                               TrainingMonitor monitor) {
        PredictorProvider provider = find(predictors, PredictorProvider::info, "predictor", name);
        if (!(provider instanceof TrainablePredictorProvider trainable)) {
            throw new InvalidOptionsException("predictor '" + provider.info().name() + "' cannot be trained; "
                    + "trainable predictors: " + predictors.stream()
                    .filter(TrainablePredictorProvider.class::isInstance).map(p -> p.info().name()).sorted()
                    .toList());
        }
        return trainable.train(Objects.requireNonNull(data, "data"), Objects.requireNonNull(teacher, "teacher"),
                Objects.requireNonNull(request, "request"), Objects.requireNonNull(monitor, "monitor"));
    }

    private static <P> P find(List<P> providers, Function<P, ProviderInfo> info, String kind, String name) {
        Objects.requireNonNull(name, "name");
        return providers.stream().filter(p -> info.apply(p).answersTo(name)).findFirst()
                .orElseThrow(() -> new UnknownProviderException(kind, name,
                        providers.stream().map(p -> info.apply(p).name()).toList()));
    }
}
