/**
 * STANet / STANet+ fixation predictors (DJL, PyTorch engine). Reserved for the STANet issue: the module exists so the
 * reactor layout and architecture rules are fixed before the model lands; it provides nothing yet.
 */
module io.fixate.provider.stanet {
    requires io.fixate.spi;
}
