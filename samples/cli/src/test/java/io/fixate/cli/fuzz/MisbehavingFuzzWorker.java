package io.fixate.cli.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link FuzzWorker} that hangs on a case file holding {@code HANG} and crashes its JVM on one holding
 * {@code CRASH}, and decodes any other file as the real worker does: real hangs and deaths for the fuzzer's watchdog.
 */
final class MisbehavingFuzzWorker {

    private MisbehavingFuzzWorker() {
    }

    public static void main(String[] args) throws IOException {
        FuzzWorker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
                MisbehavingFuzzWorker::decode);
    }

    private static FuzzResult decode(Path file) {
        try {
            switch (Files.readString(file, StandardCharsets.ISO_8859_1)) {
                case "HANG" -> Thread.sleep(Long.MAX_VALUE);
                case "CRASH" -> crash();
                default -> {
                    return FuzzWorker.decode(file);
                }
            }
            throw new AssertionError("still running after " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes to address 0: a SIGSEGV in the JVM, which writes its crash log and aborts (exit code 134). */
    private static void crash() throws ReflectiveOperationException {
        Class<?> unsafe = Class.forName("sun.misc.Unsafe");
        Field instance = unsafe.getDeclaredField("theUnsafe");
        instance.setAccessible(true);
        unsafe.getMethod("putAddress", long.class, long.class).invoke(instance.get(null), 0L, 0L);
    }
}
