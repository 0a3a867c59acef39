package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.nn.Layers;
import io.fixate.spi.djl.nn.VisualEncoder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The visual encoder of a net that sees frames (the SCAM nets and the sound switch): its frames are normalised as the
 * encoder declares ({@link #input()}), a training run may start it from imported weights ({@link #loadImported}) and
 * keep it as it is ({@link #freeze}). The net adds {@link VisualEncoder#block()} as its child; this only runs it.
 */
public final class FrameEncoder {

    private final VisualEncoder encoder;
    private boolean frozen;

    public FrameEncoder(VisualEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** The encoder itself. */
    public VisualEncoder encoder() {
        return encoder;
    }

    /** How the frames fed to the net must be normalised: what the encoder's weights were trained on. */
    public FrameNormalisation input() {
        return encoder.input();
    }

    /**
     * Puts the encoder part of an imported folder ({@code fixate import-encoder}) into the encoder's block, which must
     * be initialised.
     *
     * @throws io.fixate.api.MissingWeightsException when the folder or its files are missing
     * @throws io.fixate.api.CorruptWeightsException when the folder holds another encoder, or a check fails
     */
    public void loadImported(NDManager manager, Path folder) {
        EncoderFolder.load(encoder.block(), manager, folder, encoder.name(), EncoderFolder.ENCODER);
    }

    /**
     * Keeps the encoder as it is while the rest of the net trains: its weights get no gradient and it runs in
     * inference mode, so that batch-norm statistics (where the encoder has them) do not drift either.
     */
    public void freeze() {
        encoder.block().freezeParameters(true);
        frozen = true;
    }

    /** The deepest feature map (B, C, h, w) of (B, 3, H, W) frames; in inference mode once frozen. */
    public NDArray features(ParameterStore parameters, NDArray frames, boolean training) {
        return Layers.apply(encoder.block(), parameters, training && !frozen, frames);
    }
}
