/**
 * SCAM / SCAM+ pseudo-labelers and plain CAM (DJL, PyTorch engine). Reserved for the SCAM issue: the module exists
 * so the reactor layout and architecture rules are fixed before the model lands; it provides nothing yet.
 */
module io.fixate.provider.scam {
    requires io.fixate.spi;
}
