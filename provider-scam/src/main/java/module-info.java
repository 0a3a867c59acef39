/**
 * SCAM / SCAM+ pseudo-labelers and plain CAM (DJL, PyTorch engine). Work in progress; every package is internal:
 * {@code nets} holds the S, ST and SA classification nets (encoders chosen by name), {@code audio} the audio-only
 * classifier and the sound switch, {@code training} the checkpointing trainer, {@code maps} the operations that turn
 * class activation maps into pseudo-fixations (selective fusion, coarse-to-fine boxes, temporal smoothing) and
 * {@code labeling} the streaming coarse-to-fine pipeline over trained nets. The labeler provider that loads trained
 * weights comes next, so the module provides no labeler yet.
 */
module io.fixate.provider.scam {
    requires io.fixate.spi;
    requires ai.djl.api;
}
