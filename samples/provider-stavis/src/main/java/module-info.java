/**
 * An example third-party fixation predictor with training: {@code stavis}, a compact re-implementation of STAViS
 * (Tsiami, Koutras and Maragos, CVPR 2020) written only against the Fixate api, the spi and the DJL toolkit {@code
 * io.fixate.spi.djl}, the way an outside team would add a model. {@link io.fixate.samples.stavis.StavisProvider} is
 * the provider; {@code nets} holds the net (per-frame encoder, Conv3d temporal mixing, deeply supervised attention,
 * sound localisation, fusion) and its loss, {@code training} the two-stage training (visual, then audio-visual).
 */
module io.fixate.samples.stavis {
    requires io.fixate.spi;
    requires io.fixate.spi.djl;
    requires ai.djl.api;
    requires com.google.gson;

    provides io.fixate.spi.PredictorProvider with io.fixate.samples.stavis.StavisProvider;
}
