package io.fixate.provider.scam.labeling;

/**
 * The audio switch as the pipeline asks it: is the audio of the current frame of these frames relevant to what they
 * show? Where it is not, the SA net's CAM stays out of the multi-source fusions (paper §3.5): its audio-visual
 * attention would point at whatever the unrelated sound resembles.
 */
@FunctionalInterface
public interface AudioRelevance {

    /** No switch: audio is always taken as relevant, even silence; the ablation "without switch". */
    AudioRelevance ALWAYS = (frames, soundPresent) -> true;

    /**
     * Whether the audio of {@code frames.current()} is relevant to it.
     *
     * @param soundPresent false where the clip has no sound and the audio window is silence in its place
     */
    boolean relevant(FrameTriple frames, boolean soundPresent);
}
