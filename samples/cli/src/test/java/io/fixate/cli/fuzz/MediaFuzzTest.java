package io.fixate.cli.fuzz;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.cli.ExitCode;
import io.fixate.cli.FixateCli;
import io.fixate.cli.fuzz.FuzzResult.Outcome;
import io.fixate.cli.fuzz.MediaFields.Field;
import io.fixate.cli.fuzz.MediaFields.Role;
import io.fixate.cli.fuzz.MediaMutator.Mutant;
import io.fixate.codec.output.VideoFileWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fixate fuzz-media} on a generated one-second 64x48 clip with a tone: the container walks find the fields
 * that describe it, the mutations are a function of their seed, every case ends in an outcome, and a worker that
 * hangs or kills its JVM is reported as such while the run goes on in a new child.
 */
class MediaFuzzTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int FPS = 25;
    private static final int AUDIO_RATE = 16_000;

    @TempDir
    static Path clips;

    @TempDir
    Path dir;

    private static Path mp4;
    private static Path mkv;

    @BeforeAll
    static void writeSeedClips() throws IOException {
        mp4 = clip(clips.resolve("seed.mp4"));
        mkv = clip(clips.resolve("seed.mkv"));
    }

    /** One second of a bright bar sliding across a dark frame, with a 440 Hz tone. */
    private static Path clip(Path file) throws IOException {
        float[] tone = new float[AUDIO_RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / AUDIO_RATE));
        }
        try (VideoFileWriter writer = VideoFileWriter.open(file, WIDTH, HEIGHT, FPS, AUDIO_RATE, 1)) {
            writer.writeAudio(AudioBlock.ofMono(tone, AUDIO_RATE, 0));
            for (int index = 0; index < FPS; index++) {
                int bar = index * 2;
                writer.write(VideoFrame.create(WIDTH, HEIGHT, index * 1_000_000L / FPS, rgb -> {
                    for (int pixel = 0; pixel < WIDTH * HEIGHT; pixel++) {
                        byte level = (byte) (Math.abs(pixel % WIDTH - bar) < 4 ? 230 : 40);
                        rgb.put(level).put(level).put(level);
                    }
                }));
            }
        }
        return file;
    }

    @Test
    void theWalksFindThePictureSizeAndBothStreams() throws IOException {
        for (Path clip : List.of(mp4, mkv)) {
            byte[] bytes = Files.readAllBytes(clip);
            List<Field> fields = MediaFields.of(bytes);
            assertTrue(fields.stream().anyMatch(field -> field.role() == Role.DIMENSION
                    && field.read(bytes) == WIDTH), clip + ": a width field holding " + WIDTH);
            assertEquals(2, fields.stream().filter(field -> field.role() == Role.STREAM_KIND).count(),
                    clip + ": the kinds of its video and audio streams");
            for (Role role : Set.of(Role.SIZE, Role.TYPE, Role.TABLE_ENTRY, Role.DURATION, Role.RATE)) {
                assertTrue(fields.stream().anyMatch(field -> field.role() == role), clip + ": a " + role + " field");
            }
        }
    }

    @Test
    void theAviWalkFindsTheMainAndStreamHeaders() throws IOException {
        Path avi = Path.of(System.getProperty("fixate.shared.dir", "../shared"), "media", "real",
                "mmaction2_test.avi");
        assumeTrue(Files.isRegularFile(avi), avi + " is not here");
        byte[] bytes = Files.readAllBytes(avi);
        List<String> names = MediaFields.of(bytes).stream().map(Field::name).toList();
        assertTrue(names.contains("RIFF AVI /LIST hdrl/avih.dwTotalFrames"), names.toString());
        assertTrue(names.contains("RIFF AVI /LIST hdrl/LIST strl/strf.biWidth"), names.toString());
        assertTrue(names.stream().anyMatch(name -> name.endsWith("strh.fccType")), names.toString());
        assertTrue(names.stream().anyMatch(name -> name.contains("idx1[")), names.toString());
    }

    @Test
    void mutationsAreAFunctionOfTheirSeed() throws IOException {
        for (Path clip : List.of(mp4, mkv)) {
            byte[] seed = Files.readAllBytes(clip);
            byte[] untouched = seed.clone();
            for (int number = 1; number <= 10; number++) {
                Mutant first = MediaMutator.mutate(seed, 7, number);
                Mutant again = MediaMutator.mutate(seed, 7, number);
                assertArrayEquals(first.bytes(), again.bytes(), "case " + number + " of " + clip);
                assertEquals(first.mutations(), again.mutations(), "case " + number + " of " + clip);
                assertFalse(first.mutations().isEmpty());
                assertFalse(Arrays.equals(first.bytes(), MediaMutator.mutate(seed, 8, number).bytes()),
                        "another run seed, another case");
            }
            assertArrayEquals(untouched, seed, "the seed clip itself is not changed");
        }
    }

    @Test
    void everyCaseEndsInAnOutcome() throws IOException {
        StringWriter out = new StringWriter();
        Path cases = dir.resolve("cases");
        int exit = FixateCli.execute(new String[]{"fuzz-media", mp4.toString(), mkv.toString(), "--cases", "10",
                "--seed", "1", "--per-child", "4", "--out", cases.toString()},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

        String table = out.toString();
        assertTrue(exit == ExitCode.OK || exit == ExitCode.CHECK_FAILED, exit + ": " + table);
        int outcomes = count(table, "decoded to the end") + count(table, "typed errors")
                + count(table, "JVM deaths") + count(table, "hangs") + count(table, "untyped exceptions");
        assertEquals(10, outcomes, table);
        assertEquals(10, count(table, "all cases"), table);
        try (var kept = Files.list(cases)) {
            long failures = kept.filter(file -> file.getFileName().toString().startsWith("case_")).count();
            assertEquals(exit == ExitCode.OK, failures == 0, "only failing cases keep their files: " + table);
        }
    }

    @Test
    void aHangAndACrashAreToldApartAndTheRunGoesOn() throws IOException, InterruptedException, URISyntaxException {
        Path good = Files.copy(mp4, dir.resolve("good.mp4"));
        Path hang = Files.writeString(dir.resolve("hang.mp4"), "HANG");
        Path crash = Files.writeString(dir.resolve("crash.mp4"), "CRASH");
        Path testClasses = Path.of(MisbehavingFuzzWorker.class.getResource("MisbehavingFuzzWorker.class").toURI())
                .getParent().getParent().getParent().getParent();
        String classPath = FuzzRunner.currentClassPath() + File.pathSeparator + testClasses;

        List<FuzzResult> results = new ArrayList<>();
        try (FuzzRunner runner = new FuzzRunner(MisbehavingFuzzWorker.class.getName(), classPath, dir,
                Duration.ofSeconds(10), 50)) {
            for (Path file : List.of(good, hang, good, crash, good)) {
                results.add(runner.run(file));
            }
        }

        assertEquals(List.of(Outcome.OK, Outcome.HANG, Outcome.OK, Outcome.DEATH, Outcome.OK),
                results.stream().map(FuzzResult::outcome).toList(), results.toString());
        assertEquals(Integer.toString(FPS), results.get(0).detail(), "frames decoded");
        assertTrue(results.get(1).evidence().stream().anyMatch(line -> line.contains("MisbehavingFuzzWorker.decode")),
                "the hung thread's stack: " + results.get(1).evidence());
        List<String> death = results.get(3).evidence();
        assertTrue(death.stream().anyMatch(line -> line.startsWith("crash log: " + dir.resolve("hs_err_"))),
                death.toString());
        assertTrue(death.stream().anyMatch(line -> line.startsWith("Native frames:")), death.toString());
    }

    @Test
    void anUntypedExceptionReachesTheFuzzerWithItsStack() {
        FuzzResult thrown = FuzzResult.untyped(new IllegalStateException("two\nlines", new ArithmeticException("/ 0")));

        List<String> trace = new ArrayList<>();
        FuzzResult received = null;
        for (String line : thrown.protocolLines()) {
            if (FuzzResult.isTrace(line)) {
                trace.add(FuzzResult.traced(line));
            } else {
                received = FuzzResult.parse(line, trace);
            }
        }

        assertEquals(thrown, received);
        assertEquals("java.lang.IllegalStateException: two lines", received.detail());
        assertTrue(received.evidence().contains("Caused by: java.lang.ArithmeticException: / 0"), trace.toString());
    }

    @Test
    void theWorkerTellsTypedErrorsFromFrames() throws IOException {
        assertEquals(FuzzResult.ok(FPS), FuzzWorker.decode(mp4));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "a shopping list, not a video\n".repeat(50));
        assertEquals(Outcome.TYPED, FuzzWorker.decode(text).outcome(), "text");
        assertEquals(Outcome.TYPED, FuzzWorker.decode(dir).outcome(), "a folder: UncheckedIOException");
    }

    /** The count in the table row that starts with {@code label}. */
    private static int count(String table, String label) {
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(label) + " +(\\d+) ").matcher(table);
        assertTrue(row.find(), label + " in " + table);
        return Integer.parseInt(row.group(1));
    }
}
