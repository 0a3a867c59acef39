/**
 * STANet / STANet+ fixation predictors (DJL, PyTorch engine). {@link
 * io.fixate.provider.stanet.StanetPredictorProvider} is the {@code stanet} predictor, which runs the STA net with the
 * weights bundled in the module's resources or those of a folder of trained weights ({@link
 * io.fixate.provider.stanet.StanetWeights}) given as {@link io.fixate.api.ModelOptions#weights}. Every package is
 * internal: {@code nets} holds the STA net (three frames and the centre frame's audio to two fixation logit maps,
 * with encoders chosen by name through {@link io.fixate.spi.djl.nn.Encoders}) and its training loss, {@code
 * training} the distillation of any pseudo-labeler into it (the provider is a {@link
 * io.fixate.spi.TrainablePredictorProvider}). {@link io.fixate.provider.stanet.StanetPlusPredictorProvider} is the
 * {@code stanet-plus} predictor, STANet+: the STA net, STA+Short and STA+Long (C-GCN over three fragments) fused by
 * the journal's Eq. 17, with trained weights given as a folder or the bundled ones (synthetic benchmark).
 */
module io.fixate.provider.stanet {
    requires io.fixate.spi;
    requires io.fixate.spi.djl;
    requires ai.djl.api;
    requires com.google.gson;

    provides io.fixate.spi.PredictorProvider with io.fixate.provider.stanet.StanetPredictorProvider,
            io.fixate.provider.stanet.StanetPlusPredictorProvider;
}
