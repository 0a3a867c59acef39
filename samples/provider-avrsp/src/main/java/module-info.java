/**
 * An example third-party provider with training: {@code avrsp}, a compact re-implementation of AVRSP (relevance-guided
 * audio-visual saliency prediction), written only against the Fixate api, the spi and the spi's DJL toolkit. {@code
 * nets} holds the net and its blocks (RAVF, MS, MRG, the naive fusions of the paper's ablation) and its loss, {@code
 * training} the two-phase training from recorded gaze and any teacher's maps.
 */
module io.fixate.samples.avrsp {
    requires io.fixate.spi;
    requires io.fixate.spi.djl;
    requires ai.djl.api;
    requires com.google.gson;

    provides io.fixate.spi.PredictorProvider with io.fixate.samples.avrsp.AvrspPredictorProvider;
}
