package io.fixate.cli.fuzz;

import io.fixate.cli.fuzz.FuzzResult.Outcome;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs fuzz cases in child JVMs, many cases per child, and tells what became of each: the worker's own result, a
 * {@link Outcome#HANG HANG} when none comes within the time limit (the child is killed after its threads are dumped),
 * or a {@link Outcome#DEATH DEATH} when the child exits on the case. A new child takes the cases after a hang or a
 * death, and after every {@code casesPerChild} cases, so that what one case leaks or breaks does not reach many.
 * Children crash into {@code hs_err_<pid>.log} files in the crash folder. Not thread-safe.
 */
public final class FuzzRunner implements AutoCloseable {

    /** How long a child may take to start before the worker command is taken to be broken. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long a killed or retired child gets to write its thread dump or exit. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Native frames of a crash log worth reporting: the crash site and its callers. */
    private static final int NATIVE_FRAMES = 12;
    /** The last lines of a child's own output kept for a hang or death (the JVM's crash banner, say). */
    private static final int OUTPUT_LINES = 40;

    private final List<String> command;
    private final Path crashDir;
    private final Duration caseTimeout;
    private final int casesPerChild;
    private Child child;

    /**
     * @param mainClass the worker: {@link FuzzWorker}, or a test's stand-in that speaks its protocol
     * @param classPath the class path of the children
     * @param crashDir  where the children's crash logs go
     */
    public FuzzRunner(String mainClass, String classPath, Path crashDir, Duration caseTimeout, int casesPerChild) {
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = List.of(java, "-Xmx1g", "-XX:ErrorFile=" + crashDir.resolve("hs_err_%p.log"),
                "-XX:-CreateCoredumpOnCrash", "-cp", classPath, mainClass);
        this.crashDir = crashDir;
        this.caseTimeout = caseTimeout;
        this.casesPerChild = casesPerChild;
    }

    /**
     * This JVM's class path, module path included: what a child needs to load the same classes. A folder of several
     * jars that are all on it is written {@code folder/*}, as the fixate launcher gives it (the JVM expands the
     * wildcard), so that replay commands stay short.
     */
    public static String currentClassPath() {
        List<Path> entries = Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(path -> path != null && !path.isEmpty())
                .flatMap(path -> Arrays.stream(path.split(File.pathSeparator)))
                .map(Path::of)
                .toList();
        Set<String> compact = new LinkedHashSet<>();
        for (Path entry : entries) {
            Path folder = entry.getParent();
            boolean wholeFolder = entry.toString().endsWith(".jar") && folder != null && isLibrary(folder, entries);
            compact.add(wholeFolder ? folder.resolve("*").toString() : entry.toString());
        }
        return String.join(File.pathSeparator, compact);
    }

    /** Whether {@code folder} holds several jars, all among {@code entries}; an unreadable one keeps its entries. */
    private static boolean isLibrary(Path folder, List<Path> entries) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
            return jars.size() > 1 && entries.containsAll(jars);
        } catch (IOException e) {
            return false;
        }
    }

    /** The command line that runs the worker on {@code caseFile} by hand, for a shell. */
    public String replayCommand(Path caseFile) {
        return Stream.concat(command.stream(), Stream.of(caseFile.toString()))
                .map(FuzzRunner::quoted)
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String word) {
        return word.matches("[\\w./:=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Runs one case: hands {@code caseFile} to a child and waits for its result or its end. */
    public FuzzResult run(Path caseFile) throws IOException, InterruptedException {
        if (child != null && child.served == casesPerChild) {
            child.retire();
            child = null;
        }
        if (child == null) {
            child = Child.start(command);
        }
        Child current = child;
        current.send(caseFile);
        List<String> trace = new ArrayList<>();
        long deadline = System.nanoTime() + caseTimeout.toNanos();
        try {
            for (String line = current.next(deadline); line != null; line = current.next(deadline)) {
                if (FuzzResult.isTrace(line)) {
                    trace.add(FuzzResult.traced(line));
                } else if (FuzzResult.isResult(line)) {
                    return FuzzResult.parse(line, trace);
                } else {
                    current.keep(line);
                }
            }
            child = null;
            return death(current);
        } catch (TimeoutException e) {
            child = null;
            return new FuzzResult(Outcome.HANG, "no result within " + caseTimeout.toSeconds() + " s",
                    current.killAfterThreadDump());
        }
    }

    private FuzzResult death(Child dead) throws InterruptedException, IOException {
        int exit = dead.process.waitFor();
        List<String> evidence = new ArrayList<>();
        evidence.add("exit code " + exit + (exit > 128 ? " (signal " + (exit - 128) + ")" : ""));
        Path crashLog = crashDir.resolve("hs_err_" + dead.process.pid() + ".log");
        if (Files.isRegularFile(crashLog)) {
            evidence.add("crash log: " + crashLog);
            evidence.addAll(nativeFrames(crashLog));
        }
        evidence.addAll(dead.output);
        return new FuzzResult(Outcome.DEATH, "the worker JVM exited with code " + exit, evidence);
    }

    /** The top frames of the crash log's native stack (the section after {@code Native frames:}). */
    private static List<String> nativeFrames(Path crashLog) throws IOException {
        try (Stream<String> lines = Files.lines(crashLog, StandardCharsets.ISO_8859_1)) {
            return lines.dropWhile(line -> !line.startsWith("Native frames:"))
                    .limit(NATIVE_FRAMES + 1)
                    .takeWhile(line -> !line.isBlank())
                    .toList();
        }
    }

    /** Lets the current child finish and exit; kills it when interrupted meanwhile. */
    @Override
    public void close() {
        if (child != null) {
            try {
                child.retire();
            } catch (InterruptedException e) {
                child.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            child = null;
        }
    }

    /** One worker JVM, and its output lines as they come (empty after the last one). */
    private static final class Child {
        final Process process;
        final Writer cases;
        final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        final List<String> output = new ArrayList<>();
        int served;

        private Child(Process process) {
            this.process = process;
            this.cases = process.outputWriter(StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readOutput, "fuzz-worker-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** Starts a worker and waits for it to say it is ready. */
        static Child start(List<String> command) throws IOException, InterruptedException {
            // stderr joins stdout: the JVM's crash banner and a library's complaints are kept as evidence
            Child child = new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            try {
                for (String line = child.next(deadline); line != null; line = child.next(deadline)) {
                    if (line.equals(FuzzResult.READY)) {
                        return child;
                    }
                    child.keep(line);
                }
            } catch (TimeoutException e) {
                // reported below, as an exit before starting is
            }
            int exit = child.process.destroyForcibly().waitFor();
            throw new IOException("the fuzz worker did not start (" + String.join(" ", command) + "), exit code "
                    + exit + ": " + String.join("\n", child.output));
        }

        private void readOutput() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                // the stream closes when the child dies: its end is reported below either way
            }
            lines.add(Optional.empty());
        }

        /** Names the next case; a child that died meanwhile is found out by {@link #next}. */
        void send(Path caseFile) {
            served++;
            output.clear();
            try {
                cases.write(caseFile + "\n");
                cases.flush();
            } catch (IOException e) {
                // a broken pipe: the child is gone, and its output ends
            }
        }

        /**
         * The next line, or null after the last one (the child has exited).
         *
         * @throws TimeoutException when no line came before {@code deadline} (of {@link System#nanoTime()}), or the
         *                          deadline has passed: a child that prints without end still times out
         */
        String next(long deadline) throws InterruptedException, TimeoutException {
            long left = deadline - System.nanoTime();
            Optional<String> line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new TimeoutException();
            }
            return line.orElse(null);
        }

        void keep(String line) {
            if (output.size() == OUTPUT_LINES) {
                output.remove(0);
            }
            output.add(line);
        }

        /**
         * Asks the JVM for a thread dump (SIGQUIT prints it on stdout), kills the child, and returns the main
         * thread's stack from the dump: where the case hung.
         */
        List<String> killAfterThreadDump() throws InterruptedException {
            List<String> dump = new ArrayList<>();
            try {
                new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor();
                long deadline = System.nanoTime() + GRACE.toNanos();
                // the dump ends with the JNI reference counts
                for (String line = next(deadline); line != null && !line.startsWith("JNI global refs");
                     line = next(deadline)) {
                    dump.add(line);
                }
            } catch (IOException | TimeoutException e) {
                dump.add("thread dump incomplete: " + e);
            }
            process.destroyForcibly().waitFor();
            List<String> main = dump.stream().dropWhile(line -> !line.startsWith("\"main\""))
                    .takeWhile(line -> !line.isBlank()).toList();
            return main.isEmpty() ? dump : main;
        }

        /** Closes stdin, which ends the worker's loop; a child that does not exit in time is killed. */
        void retire() throws InterruptedException {
            try {
                cases.close();
            } catch (IOException e) {
                // a child that is already gone needs no more
            }
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
