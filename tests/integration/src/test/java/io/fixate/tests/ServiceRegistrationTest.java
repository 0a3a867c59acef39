package io.fixate.tests;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Fixate module that provides a service registers it twice: {@code provides} in its module descriptor for the
 * module path, {@code META-INF/services} for the class path. This test reads both from each module's own jar or
 * class directory on the test's paths and demands they list the same implementations.
 */
class ServiceRegistrationTest {

    private static final String SERVICES = "META-INF/services/";

    @Test
    void moduleDescriptorsAndServicesFilesAgree() {
        List<ModuleReference> modules = fixateModulesOnThePaths();
        List<String> registering = modules.stream().filter(m -> !registrations(m).isEmpty())
                .map(m -> m.descriptor().name()).toList();
        assertTrue(registering.contains("io.fixate.samples.baseline"),
                "the check must at least see the baseline provider, but saw " + registering);
        assertAll(modules.stream().map(module -> () -> {
            Map<String, Set<String>> fromDescriptor = new TreeMap<>();
            for (ModuleDescriptor.Provides provides : module.descriptor().provides()) {
                fromDescriptor.put(provides.service(), new TreeSet<>(provides.providers()));
            }
            assertEquals(fromDescriptor, registrations(module),
                    module.descriptor().name() + " (" + module.location().orElse(null) + "): module-info provides "
                            + "vs. META-INF/services");
        }));
    }

    /** The Fixate modules among the entries of the module path and class path. */
    private static List<ModuleReference> fixateModulesOnThePaths() {
        return Stream.of("jdk.module.path", "java.class.path")
                .map(System::getProperty)
                .filter(paths -> paths != null && !paths.isEmpty())
                .flatMap(paths -> Arrays.stream(paths.split(File.pathSeparator)))
                .filter(entry -> !entry.isEmpty())
                .map(ServiceRegistrationTest::explicitModuleAt)
                .flatMap(Optional::stream)
                .filter(module -> module.descriptor().name().startsWith("io.fixate."))
                .collect(Collectors.toMap(m -> m.descriptor().name(), m -> m, (first, second) -> first, TreeMap::new))
                .values().stream().toList();
    }

    /** The module declared by a module-info at {@code entry}, if there is one; automatic modules do not count. */
    private static Optional<ModuleReference> explicitModuleAt(String entry) {
        try {
            return ModuleFinder.of(Path.of(entry)).findAll().stream()
                    .filter(module -> !module.descriptor().isAutomatic())
                    .findFirst();
        } catch (FindException e) {
            return Optional.empty(); // a plain jar whose name is no valid module name
        }
    }

    /** Service to implementations, as the module's own services files list them. */
    private static Map<String, Set<String>> registrations(ModuleReference module) {
        Map<String, Set<String>> registered = new TreeMap<>();
        try (ModuleReader reader = module.open()) {
            List<String> files = reader.list().filter(name -> name.startsWith(SERVICES) && !name.endsWith("/"))
                    .toList();
            for (String file : files) {
                try (InputStream in = reader.open(file).orElseThrow()) {
                    registered.put(file.substring(SERVICES.length()), implementations(in));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + module.location().orElse(null), e);
        }
        return registered;
    }

    /** The class names in a services file: one per line, {@code #} starts a comment. */
    private static Set<String> implementations(InputStream servicesFile) throws IOException {
        return new String(servicesFile.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
