package io.fixate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fixate.api.CorruptWeightsException;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.TrainingDivergedException;
import io.fixate.api.TruncatedMediaException;
import org.junit.jupiter.api.Test;

/** Each kind of failure keeps the exit code README documents, so that scripts can tell them apart. */
class ExitCodeTest {

    @Test
    void aDivergedTrainingIsNotAWrongOption() {
        assertEquals(ExitCode.DIVERGED, FixateCli.exitCodeOf(new TrainingDivergedException("net x diverged")));
        assertEquals(ExitCode.USAGE, FixateCli.exitCodeOf(new InvalidOptionsException("bad option")));
    }

    @Test
    void damagedInputAndDamagedWeightsHaveTheirOwnCodes() {
        assertEquals(ExitCode.BAD_INPUT,
                FixateCli.exitCodeOf(new TruncatedMediaException("cut", 3, 120_000, 2_000_000)));
        assertEquals(ExitCode.WEIGHTS, FixateCli.exitCodeOf(new CorruptWeightsException("bad sum")));
    }
}
