/**
 * STANet / STANet+ fixation predictors (DJL, PyTorch engine). Work in progress; every package is internal: {@code
 * nets} holds the STA net (three frames and the centre frame's audio to two fixation logit maps, with encoders chosen
 * by name through {@link io.fixate.spi.djl.nn.Encoders}) and its training loss. The predictor provider that loads
 * trained weights comes next, so the module provides no predictor yet.
 */
module io.fixate.provider.stanet {
    requires io.fixate.spi;
    requires ai.djl.api;
}
