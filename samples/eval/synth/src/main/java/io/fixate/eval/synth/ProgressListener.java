package io.fixate.eval.synth;

/** Hears how far a benchmark's generation has come, counted in frames over all clips. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called on the generating thread after every frame written and after every clip, written or kept; the count
     * never decreases.
     *
     * @param framesDone  frames finished so far, clips kept from an earlier run included
     * @param framesTotal frames of the whole benchmark
     */
    void update(long framesDone, long framesTotal);
}
