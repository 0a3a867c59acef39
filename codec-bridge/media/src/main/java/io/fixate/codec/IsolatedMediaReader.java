package io.fixate.codec;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.internal.DecodeWorker;
import io.fixate.codec.internal.FrameStream;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link MediaReader} run in a child JVM, for files from untrusted sources (uploads, downloads, a user's folder in
 * a host that must not die): FFmpeg parses the file in the child, so a native crash on a malicious or badly damaged
 * file ends the child and surfaces here as a {@link CorruptMediaException}, and a decoder that stops making progress
 * is killed after a stall timeout. Frames, windows, warnings and the reader's typed errors arrive as the in-process
 * reader gives them. The price is a JVM start (0.6-0.7 s more than opening in-process, to the first frame, on a 2-core
 * machine) and a copy of every frame through a pipe; files the host made itself need none of it.
 *
 * <p>The child runs {@code java} of this JVM with this JVM's class path and module path, so the codec bridge and its
 * FFmpeg natives must be on one of them. Not thread-safe; close it to end the child.
 */
public final class IsolatedMediaReader implements FrameSource {

    /** How long the child may go without sending anything while the host waits for it. */
    public static final long DEFAULT_STALL_MILLIS = 60_000;
    private static final int STDERR_LINES_KEPT = 20;

    private final Path file;
    private final Process process;
    private final DataInputStream in;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final long stallMillis;
    private final MediaInfo info;
    private final List<String> warnings = new ArrayList<>();
    private Consumer<AudioBlock> listener;
    private volatile long waitingSince;
    private volatile boolean killedForStalling;
    private boolean started;
    private boolean ended;
    private boolean closed;

    private IsolatedMediaReader(Path file, Process process, long stallMillis) {
        this.file = file;
        this.process = process;
        this.stallMillis = stallMillis;
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 20));
        Thread drain = new Thread(this::keepStderrTail, "fixate-decoder-stderr");
        drain.setDaemon(true);
        drain.start();
        Thread watchdog = new Thread(this::watch, "fixate-decoder-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        this.info = receiveInfo();
    }

    /** Opens {@code file} in a child process with the {@link #DEFAULT_STALL_MILLIS default stall timeout}. */
    public static IsolatedMediaReader open(Path file, ReadOptions options) {
        return open(file, options, DEFAULT_STALL_MILLIS);
    }

    /**
     * Opens {@code file} in a child process, which decodes up to its first frame in range.
     *
     * @param stallMillis how long the child may send nothing while the host waits, before it is killed
     * @throws CorruptMediaException as {@link MediaReader#open}, and when the child crashes or stalls
     * @throws UncheckedIOException  as {@link MediaReader#open}, and when the child cannot be started
     */
    public static IsolatedMediaReader open(Path file, ReadOptions options, long stallMillis) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:+UseSerialGC", "-XX:ErrorFile=" + crashReport("%p"), "-cp", classPath()));
        String nativeCache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (nativeCache != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + nativeCache);
        }
        command.addAll(List.of(DecodeWorker.class.getName(), file.toAbsolutePath().toString(),
                Integer.toString(options.audio().sampleRate()), Long.toString(options.audio().windowMicros()),
                Long.toString(options.startMicros()), Long.toString(options.durationMicros()),
                Boolean.toString(options.tolerateDamage())));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the decoding process for " + file + ": " + e.getMessage(),
                    e);
        }
        try {
            return new IsolatedMediaReader(file, process, stallMillis);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Where the child JVM writes its report of a native crash, {@code %p} standing for its process id. */
    private static Path crashReport(String pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "fixate-decoder-crash-" + pid + ".log");
    }

    private static String classPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return modules.isEmpty() ? classes : classes.isEmpty() ? modules : classes + File.pathSeparator + modules;
    }

    private MediaInfo receiveInfo() {
        byte tag = receiveTag();
        try {
            if (tag == FrameStream.INFO) {
                return FrameStream.readInfo(in);
            }
            if (tag == FrameStream.ERROR) {
                FrameStream.Failure failure = FrameStream.readError(in);
                throw failure.error();
            }
        } catch (IOException e) {
            throw childFailed(e);
        }
        throw childFailed(null);
    }

    @Override
    public MediaInfo info() {
        return info;
    }

    @Override
    public void onSourceAudio(Consumer<AudioBlock> newListener) {
        ensureOpen();
        listener = newListener;
    }

    @Override
    public FrameWithAudio read() {
        ensureOpen();
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            sendGo();
        }
        try {
            while (true) {
                byte tag = receiveTag();
                switch (tag) {
                    case FrameStream.FRAME:
                        return FrameStream.readFrame(in);
                    case FrameStream.SOURCE_AUDIO:
                        AudioBlock block = FrameStream.readSourceAudio(in);
                        if (listener != null) {
                            listener.accept(block);
                        }
                        break;
                    case FrameStream.END:
                        ended = true;
                        warnings.addAll(FrameStream.readEnd(in));
                        return null;
                    case FrameStream.ERROR:
                        ended = true;
                        FrameStream.Failure failure = FrameStream.readError(in);
                        warnings.addAll(failure.warnings());
                        throw failure.error();
                    default:
                        throw childFailed(null);
                }
            }
        } catch (IOException e) {
            throw childFailed(e);
        }
    }

    private void sendGo() {
        try {
            OutputStream control = process.getOutputStream();
            control.write(((listener != null ? DecodeWorker.GO_WITH_AUDIO : "go") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            control.flush();
        } catch (IOException e) {
            throw childFailed(e);
        }
    }

    /** The next message's tag, waiting under the watchdog's eye. */
    private byte receiveTag() {
        waitingSince = System.nanoTime();
        try {
            int tag = in.read();
            if (tag < 0) {
                throw childFailed(new EOFException("the decoding process closed its output"));
            }
            return (byte) tag;
        } catch (IOException e) {
            throw childFailed(e);
        } finally {
            waitingSince = 0;
        }
    }

    /** Why the child stopped talking, as a typed error naming the file. */
    private CorruptMediaException childFailed(IOException cause) {
        ended = true;
        String why;
        if (killedForStalling) {
            why = "the decoding process made no progress for " + stallMillis / 1000 + " s and was stopped";
        } else {
            int code = exitCode();
            why = "the decoding process " + (code > 128 ? "crashed (signal " + (code - 128) + ")"
                    : code >= 0 ? "ended with exit code " + code : "stopped answering");
        }
        String detail;
        Path report = crashReport(Long.toString(process.pid()));
        if (Files.exists(report)) {
            detail = "; the JVM's crash report, with FFmpeg's stack: " + report;
        } else {
            synchronized (stderrTail) {
                detail = stderrTail.isEmpty() ? "" : "; its last words: " + stderrTail.peekLast();
            }
        }
        CorruptMediaException error = new CorruptMediaException(file + " could not be decoded safely: " + why
                + " (FFmpeg probably failed on damaged or hostile data)" + detail);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    private int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void keepStderrTail() {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // the child is gone; what it said so far is kept
        }
    }

    /** Kills the child when the host has waited longer than the stall timeout for its next message. */
    private void watch() {
        while (process.isAlive()) {
            long since = waitingSince;
            if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                killedForStalling = true;
                process.destroyForcibly();
                return;
            }
            try {
                Thread.sleep(Math.min(1_000, Math.max(10, stallMillis / 10)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("isolated media reader of " + file + " is closed");
        }
    }

    /** Ends the child process; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroyForcibly();
        try {
            in.close();
        } catch (IOException e) {
            // the pipe of a killed process; nothing is lost
        }
    }
}
