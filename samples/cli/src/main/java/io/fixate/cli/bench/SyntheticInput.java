package io.fixate.cli.bench;

import io.fixate.eval.synth.BenchmarkFootage;
import io.fixate.eval.synth.BenchmarkSpec;

/**
 * The generated input of the bench commands: the first clip of the synthetic benchmark drawn at 640×360, 25 fps,
 * {@value #SECONDS} s long (moving shapes, their sounds), so that speed and memory are measured on pictures and sound
 * like those models are trained on.
 */
public final class SyntheticInput {

    /** Length of the clip; longer streams repeat it. */
    public static final int SECONDS = 10;

    private SyntheticInput() {
    }

    public static BenchmarkFootage footage() {
        return BenchmarkFootage.firstClip(BenchmarkSpec.DEFAULT.withSize(640, 360).withFrameRate(25)
                .withClipSeconds(SECONDS));
    }
}
