/**
 * SCAM and SCAM+ pseudo-labelers ({@code scam}, {@code scam-plus}) and plain CAM ({@code cam}) on DJL with the
 * PyTorch engine, trained by this module from tagged clips ({@link io.fixate.spi.TrainableLabelerProvider}). Every
 * package but the providers' is internal: {@code nets} holds the S, ST and SA classification nets and the SCAM+ nets
 * over them, {@code audio} the audio-only classifier and the sound switch, {@code training} the checkpointing trainer,
 * {@code maps} the operations that turn class activation maps into pseudo-fixations (selective fusion, coarse-to-fine
 * boxes, temporal smoothing), {@code labeling} the streaming coarse-to-fine pipeline over trained nets and the SCAM+
 * pipeline with its companions, and {@code recipe} the training run over all nets and the trained labeler's folder
 * (manifest, checksummed weights).
 */
module io.fixate.provider.scam {
    requires io.fixate.spi;
    requires io.fixate.spi.djl;
    requires ai.djl.api;
    requires com.google.gson;

    provides io.fixate.spi.LabelerProvider with io.fixate.provider.scam.ScamLabelerProvider,
            io.fixate.provider.scam.CamLabelerProvider, io.fixate.provider.scam.ScamPlusLabelerProvider;
}
