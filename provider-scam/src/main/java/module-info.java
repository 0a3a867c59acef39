/**
 * SCAM / SCAM+ pseudo-labelers and plain CAM (DJL, PyTorch engine). Work in progress: the map operations that turn
 * class activation maps into pseudo-fixations (selective fusion, coarse-to-fine boxes, temporal smoothing) are in
 * the internal package {@code io.fixate.provider.scam.maps}; the classification nets S, SA and ST (DJL blocks with
 * encoders chosen by name) are in the internal package {@code io.fixate.provider.scam.nets}. Their training and the
 * provider come next, so the module provides no labeler yet.
 */
module io.fixate.provider.scam {
    requires io.fixate.spi;
    requires ai.djl.api;
}
