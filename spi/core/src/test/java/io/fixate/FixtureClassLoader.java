package io.fixate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class loader that makes test fixtures look like providers on the class path: it defines the classes of one
 * fixture holder itself (so that they belong to its unnamed module, as class-path providers do), serves the services
 * files it is given instead of any others, and pretends some classes are missing.
 */
final class FixtureClassLoader extends ClassLoader {

    private final String fixturePrefix;
    private final Set<String> absentClasses;
    private final Map<String, URL> servicesFiles;

    /**
     * @param fixtures      the holder class; it and its nested classes are defined by this loader
     * @param absentClasses binary names that cannot be found, as when a provider's library is missing
     * @param services      service interface to the provider class names its services file lists
     * @param directory     where to write the services files
     */
    FixtureClassLoader(Class<?> fixtures, Set<String> absentClasses, Map<Class<?>, List<String>> services,
                       Path directory) throws IOException {
        super(FixtureClassLoader.class.getClassLoader());
        this.fixturePrefix = fixtures.getName();
        this.absentClasses = absentClasses;
        this.servicesFiles = new HashMap<>();
        for (Map.Entry<Class<?>, List<String>> service : services.entrySet()) {
            Path file = Files.write(directory.resolve(service.getKey().getName()), service.getValue());
            servicesFiles.put("META-INF/services/" + service.getKey().getName(), file.toUri().toURL());
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (absentClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        if (!name.startsWith(fixturePrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineFixture(name);
        }
    }

    private Class<?> defineFixture(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = FixtureClassLoader.class.getModule().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL file = servicesFiles.get(name);
        if (file != null) {
            return Collections.enumeration(List.of(file));
        }
        return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
