/**
 * The seeded procedural audio-visual benchmark with known ground truth: scenes, sounds, simulated observers, splits,
 * written as videos with fixation maps ({@code fixate synth}).
 */
module io.fixate.eval.synth {
    requires transitive io.fixate.api;
    requires io.fixate.codec;
    requires com.google.gson;

    exports io.fixate.eval.synth;
}
