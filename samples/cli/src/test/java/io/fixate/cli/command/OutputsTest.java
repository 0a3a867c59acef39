package io.fixate.cli.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outputs of a {@code predict} run appear all together or not at all, whether the run fails, is stopped with
 * SIGTERM (as Ctrl-C does) or is killed outright; the runs that are stopped from outside run in a child JVM.
 */
class OutputsTest {

    private static final List<String> OUTPUTS = List.of("maps", "out.json", "out.mp4");
    private static final int FRAMES = 3;
    /** A shell command that does nothing, for a child JVM without limits. */
    private static final String NO_SETUP = "true";

    @TempDir
    Path dir;

    /** The folder the outputs go to; {@link #dir} also holds the child JVM's error output. */
    private Path folder;

    @BeforeEach
    void earlierRun() throws IOException {
        folder = Files.createDirectory(dir.resolve("outputs"));
        try (Outputs outputs = OutputsRun.open(folder)) {
            OutputsRun.write(outputs, FRAMES);
            outputs.commit();
        }
    }

    /** Every file and folder under the outputs folder with its bytes, so two snapshots differ if anything changed. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> !p.equals(folder)).toList()) {
                String content = Files.isDirectory(path) ? "(folder)"
                        : new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                entries.put(folder.relativize(path).toString(), content);
            }
        }
        return entries;
    }

    /** The entries of {@code snapshot} under names that are not hidden, as temporary names are. */
    private static Map<String, String> visible(Map<String, String> snapshot) {
        Map<String, String> visible = new TreeMap<>(snapshot);
        visible.keySet().removeIf(name -> name.startsWith("."));
        return visible;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommitReplacesEveryOutputAndLeavesNothingHidden() throws IOException {
        Map<String, String> before = snapshot();
        try (Outputs outputs = OutputsRun.open(folder)) {
            OutputsRun.write(outputs, FRAMES + 1);
            assertEquals(before, visible(snapshot()), "nothing changes before the commit");
            outputs.commit();
        }
        assertEquals(OUTPUTS, names(folder));
        assertEquals(List.of("map_000000.png", "map_000001.png", "map_000002.png", "map_000003.png"),
                names(folder.resolve("maps")));
        assertNotEquals(before.get("out.json"), snapshot().get("out.json"));
    }

    @Test
    void withoutACommitEveryOutputStaysAsItWas() throws IOException {
        Map<String, String> before = snapshot();
        try (Outputs outputs = OutputsRun.open(folder)) {
            OutputsRun.write(outputs, FRAMES + 1);
        }
        assertEquals(before, snapshot());
    }

    @Test
    void aHeatmapThatCannotBeRenamedLeavesTheJsonAndMapsAsTheyWere() throws IOException {
        try (Outputs outputs = OutputsRun.open(folder)) {
            OutputsRun.write(outputs, FRAMES + 1);
            // a folder with a file in it where the video goes: renaming the finished video onto it fails
            Files.delete(folder.resolve("out.mp4"));
            Files.createDirectories(folder.resolve("out.mp4/in the way"));
            Map<String, String> before = snapshot();

            IOException e = assertThrows(IOException.class, outputs::commit);

            assertTrue(e.getMessage().contains("out.mp4"), e.getMessage());
            assertEquals(visible(before), snapshot(), "the JSON and maps as they were, and no temporary file");
        }
    }

    @Test
    void aFullDiskWhileTheVideoIsFinishedChangesNoOutput() throws Exception {
        Map<String, String> before = snapshot();
        // 1024 bytes per file at most (ulimit counts 512-byte blocks): the JSON and the map images fit, but the video
        // of noise does not, and FFmpeg buffers it in memory until its trailer is written
        String output = runChild("ulimit -f 2", "commit", "2");

        assertTrue(output.startsWith("commit failed: ") && output.contains("File too large"), output);
        assertEquals(before, snapshot());
    }

    @Test
    void stoppedBySigtermTheRunRemovesItsTemporaryFiles() throws Exception {
        Map<String, String> before = snapshot();
        Process child = startChild(NO_SETUP, "forever");
        awaitWriting(child);

        child.destroy();

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits");
        assertEquals(128 + 15, child.exitValue(), "ended by SIGTERM");
        assertEquals(before, snapshot(), "the earlier outputs byte for byte, nothing else");
    }

    @Test
    void killedOutrightTheRunLeavesEarlierOutputsAndTheNextRunItsTemporaryFiles() throws Exception {
        Map<String, String> before = snapshot();
        Process child = startChild(NO_SETUP, "forever");
        awaitWriting(child);

        child.destroyForcibly();

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits");
        List<String> left = names(folder);
        assertTrue(left.stream().anyMatch(name -> name.matches("\\.out\\.mp4\\.[0-9a-f]{16}\\.tmp")), left::toString);
        assertTrue(left.stream().anyMatch(name -> name.matches("\\.out\\.json\\.[0-9a-f]{16}\\.tmp")), left::toString);
        assertTrue(left.contains(".maps.partial"), left::toString);
        assertEquals(before, visible(snapshot()), "the earlier outputs byte for byte");

        try (Outputs outputs = OutputsRun.open(folder)) {
            OutputsRun.write(outputs, 1);
            outputs.commit();
        }
        assertEquals(OUTPUTS, names(folder));
    }

    /**
     * Starts {@link OutputsRun} on the outputs folder in a child JVM, through a shell that runs {@code setup} first
     * (to set a limit, say). Everything this JVM has on its class and module paths goes on the child's class path.
     */
    private Process startChild(String setup, String... args) throws IOException {
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // without the performance data file, which a file size limit would refuse
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", setup + " && exec \"$@\"", "sh",
                java, "-XX:-UsePerfData", "-cp", classPath, OutputsRun.class.getName(), folder.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
    }

    /** Runs {@link OutputsRun} to its end in a child JVM and returns what it printed. */
    private String runChild(String setup, String... args) throws Exception {
        Process child = startChild(setup, args);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM exits");
        assertEquals(0, child.exitValue(), this::childErrors);
        return output;
    }

    private void awaitWriting(Process child) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", lines.readLine(), this::childErrors);
    }

    private String childErrors() {
        try {
            return "child JVM's errors:\n" + Files.readString(dir.resolve("child.err"));
        } catch (IOException e) {
            return "no error output from the child JVM: " + e;
        }
    }
}
