package io.fixate;

import io.fixate.api.DeviceChoice;
import io.fixate.api.FixationPredictor;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.ProviderInfo;
import io.fixate.api.PseudoLabeler;
import io.fixate.api.UnknownProviderException;
import io.fixate.catalogfixtures.CatalogFixtures;
import io.fixate.spi.LabelerProvider;
import io.fixate.spi.PredictorProvider;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingDataTest;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderCatalogTest {

    @TempDir
    Path servicesDirectory;

    private static String fixture(String simpleName) {
        return CatalogFixtures.class.getName() + "$" + simpleName;
    }

    private ProviderCatalog discoverPredictors(String... simpleNames) throws IOException {
        List<String> names = Arrays.stream(simpleNames).map(ProviderCatalogTest::fixture).toList();
        return ProviderCatalog.discover(new FixtureClassLoader(CatalogFixtures.class,
                Set.of(fixture("AbsentLibraryBase")), Map.of(PredictorProvider.class, names), servicesDirectory));
    }

    private static List<String> names(List<ProviderInfo> infos) {
        return infos.stream().map(ProviderInfo::name).toList();
    }

    @Test
    void opensPredictorsByNameOrAliasIgnoringCase() throws IOException {
        ProviderCatalog catalog = discoverPredictors("Alpha", "Beta");
        assertEquals(List.of("alpha", "beta"), names(catalog.predictors()));
        assertEquals(List.of(), catalog.problems());
        try (FixationPredictor byAlias = catalog.predictor("FIRST", ModelOptions.defaults());
             FixationPredictor byName = catalog.predictor("Beta", ModelOptions.defaults())) {
            assertEquals("alpha", byAlias.info().name());
            assertEquals("beta", byName.info().name());
        }
    }

    @Test
    void anUnknownNameListsTheAvailableProviders() throws IOException {
        ProviderCatalog catalog = discoverPredictors("Alpha", "Beta");
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> catalog.predictor("stanet", ModelOptions.defaults()));
        assertEquals(List.of("alpha", "beta"), e.available());
        assertTrue(e.getMessage().contains("'stanet'"), e.getMessage());
    }

    @Test
    void aProviderWhoseNamesClashIsLeftOutAndReported() throws IOException {
        ProviderCatalog catalog = discoverPredictors("Alpha", "AlphaImpostor", "Beta");
        assertEquals(List.of("alpha", "beta"), names(catalog.predictors()));
        assertEquals(1, catalog.problems().size());
        String problem = catalog.problems().get(0);
        assertTrue(problem.contains("'gamma'") && problem.contains("'alpha'"), problem);
    }

    @Test
    void brokenProvidersAreReportedWithoutStoppingDiscovery() throws IOException {
        ProviderCatalog catalog = discoverPredictors("FailingConstructor", "DoesNotExist", "NeedsAbsentLibrary",
                "FailingInfo", "Beta");
        assertEquals(List.of("beta"), names(catalog.predictors()));
        List<String> problems = catalog.problems();
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("licence check failed"), problems.get(0));
        assertTrue(problems.get(1).contains("DoesNotExist"), problems.get(1));
        assertTrue(problems.get(2).contains("AbsentLibraryBase"), problems.get(2));
        assertTrue(problems.get(3).contains("model card unreadable"), problems.get(3));
    }

    @Test
    void findsLabelersSeparatelyFromPredictors() throws IOException {
        ProviderCatalog catalog = ProviderCatalog.discover(new FixtureClassLoader(CatalogFixtures.class, Set.of(),
                Map.of(LabelerProvider.class, List.of(fixture("Echo")),
                        PredictorProvider.class, List.of(fixture("Alpha"))), servicesDirectory));
        assertEquals(List.of("echo"), names(catalog.labelers()));
        try (PseudoLabeler labeler = catalog.labeler("REPEAT", ModelOptions.defaults())) {
            assertEquals(List.of("speech", "music"), labeler.labels());
        }
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> catalog.labeler("alpha", ModelOptions.defaults()));
        assertEquals(List.of("echo"), e.available());
    }

    @Test
    void aLabelerThatCannotBeTrainedIsRefusedByName() throws IOException {
        ProviderCatalog catalog = ProviderCatalog.discover(new FixtureClassLoader(CatalogFixtures.class, Set.of(),
                Map.of(LabelerProvider.class, List.of(fixture("Echo"))), servicesDirectory));
        TrainingData data = new TrainingData("none", List.of("speech", "music"), List.of(TrainingDataTest.clip("a",
                "speech")), List.of());
        InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> catalog.trainLabeler("echo",
                data, new TrainingRequest(servicesDirectory, 1, DeviceChoice.CPU, Map.of()), TrainingMonitor.NONE));
        assertTrue(e.getMessage().contains("'echo' cannot be trained"), e.getMessage());
    }

    @Test
    void anEmptyLayerHasNoProviders() {
        ProviderCatalog catalog = ProviderCatalog.discover(ModuleLayer.empty());
        assertEquals(List.of(), catalog.predictors());
        assertEquals(List.of(), catalog.labelers());
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void theFacadeSaysSoWhenNoProviderIsInstalled() {
        assertEquals(List.of(), Fixate.predictors());
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> Fixate.predictor("stanet", ModelOptions.defaults()));
        assertTrue(e.getMessage().contains("no provider module on the path"), e.getMessage());
    }
}
