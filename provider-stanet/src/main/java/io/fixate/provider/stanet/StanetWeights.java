package io.fixate.provider.stanet;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.WeightsException;
import io.fixate.provider.stanet.nets.StaNet;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.FrameFit;
import io.fixate.spi.djl.ManifestFile;
import io.fixate.spi.djl.NetFolder;
import io.fixate.spi.djl.WeightsFile;
import io.fixate.spi.djl.nn.Encoders;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained STA net on disk and in memory. The folder holds {@value #MANIFEST} ({@code {"format": "fixate-stanet/1",
 * "inputSize": S, "frameFit": "squash" or "pad", "visualEncoder": ..., "audioEncoder": ...}} plus whatever the trainer
 * records; a manifest without {@code frameFit}, written before frames could be padded, means squash) and {@value
 * #PARAMETERS}, the net's parameters with their {@link WeightsFile} manifest, whose model identifier names the
 * encoders ({@link #modelId}). The manifest is written last, so a folder with a manifest is complete.
 *
 * <p>Loading checks the format, rebuilds the net from the named encoders, initialises it for frames of S × S and the
 * audio input its audio encoder takes, and loads the parameters with their checksum and shape checks, the checksum
 * against both their {@link WeightsFile} manifest and the one {@value #MANIFEST} records. Closing releases the
 * parameters' native memory; the instance is then unusable.
 */
public final class StanetWeights implements AutoCloseable {

    static final String MANIFEST = NetFolder.MANIFEST;
    /** The parameters file in the folder. */
    public static final String PARAMETERS = "sta.params";
    static final String FORMAT = "fixate-stanet/1";

    private static final String FORMAT_KEY = "format";
    private static final String INPUT_SIZE_KEY = "inputSize";
    private static final String FRAME_FIT_KEY = "frameFit";
    private static final String VISUAL_KEY = "visualEncoder";
    private static final String AUDIO_KEY = "audioEncoder";
    /** What the folder holds, in messages. */
    private static final String WHAT = "STANet weights";

    private final StaNet net;
    private final int inputSize;
    private final FrameFit frameFit;
    private final NDManager manager;

    private StanetWeights(StaNet net, int inputSize, FrameFit frameFit, NDManager manager) {
        this.net = net;
        this.inputSize = inputSize;
        this.frameFit = frameFit;
        this.manager = manager;
    }

    /**
     * The input shapes of a batch of one for {@code net}: three frames (1, 3, S, S) and the centre frame's audio as
     * its audio encoder takes it ({@link AudioPreprocessor#batchShape}); what the net is initialised with before its
     * parameters are loaded.
     */
    public static Shape[] inputShapes(StaNet net, int inputSize) {
        Shape frame = new Shape(1, 3, inputSize, inputSize);
        return new Shape[] {frame, frame, frame, new AudioPreprocessor(net.audioEncoder()).batchShape(1)};
    }

    /** The {@link WeightsFile} model identifier of {@code net}'s architecture, which its encoders decide. */
    public static String modelId(StaNet net) {
        return "fixate-sta/1 visual=" + net.visualEncoder().name() + " audio=" + net.audioEncoder().name();
    }

    /** The input size a manifest's text declares, 0 when it declares none. */
    static int inputSizeOf(String manifest) {
        JsonElement size = JsonParser.parseString(manifest).getAsJsonObject().get(INPUT_SIZE_KEY);
        return size == null ? 0 : size.getAsInt();
    }

    /** Whether {@code folder} holds a complete trained net: its manifest, written last, exists. */
    public static boolean isComplete(Path folder) {
        return NetFolder.isComplete(folder);
    }

    /**
     * Writes {@code net}, which must be initialised, trained at frames of {@code inputSize} laid into the square as
     * {@code frameFit} says, into {@code folder}: parameters first, then the manifest with {@code extra}'s entries
     * (the trainer's record: data, settings, seed) and the parameters file's SHA-256, each file atomically.
     *
     * @throws IllegalArgumentException when {@code extra} uses a key the format reserves, or the size is not positive
     */
    public static void save(Path folder, StaNet net, int inputSize, FrameFit frameFit, JsonObject extra)
            throws IOException {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        NetFolder.save(folder, NetFolder.manifest(head(FORMAT, inputSize, frameFit, net), extra), net, PARAMETERS,
                modelId(net));
    }

    /**
     * The head of a manifest of {@code format} for nets built on {@code net}'s encoders, trained at frames of {@code
     * inputSize} laid into the square as {@code frameFit} says.
     */
    static JsonObject head(String format, int inputSize, FrameFit frameFit, StaNet net) {
        JsonObject head = new JsonObject();
        head.addProperty(FORMAT_KEY, format);
        head.addProperty(INPUT_SIZE_KEY, inputSize);
        head.addProperty(FRAME_FIT_KEY, frameFit.key());
        head.addProperty(VISUAL_KEY, net.visualEncoder().name());
        head.addProperty(AUDIO_KEY, net.audioEncoder().name());
        return head;
    }

    /**
     * Loads the STA net in {@code folder} onto {@code device}.
     *
     * @throws MissingWeightsException when the folder, its manifest or the parameters are missing
     * @throws CorruptWeightsException when the manifest is damaged, of another format or names an unknown encoder or
     *                                 frame fit,
     *                                 a file is a link out of the folder, or the parameters fail their checks (the
     *                                 SHA-256 the manifest records among them)
     * @throws WeightsException        when a file exists but cannot be read
     */
    public static StanetWeights load(Path folder, Device device) {
        Path manifestFile = folder.resolve(MANIFEST);
        JsonObject manifest = ManifestFile.read(manifestFile, FORMAT, WHAT, "fixate train-predictor");
        int inputSize;
        FrameFit frameFit;
        StaNet net;
        String parametersSha256;
        try {
            inputSize = manifest.get(INPUT_SIZE_KEY).getAsInt();
            frameFit = manifest.has(FRAME_FIT_KEY) ? FrameFit.ofKey(manifest.get(FRAME_FIT_KEY).getAsString())
                    : FrameFit.SQUASH;
            net = new StaNet(Encoders.visual(manifest.get(VISUAL_KEY).getAsString()),
                    Encoders.audio(manifest.get(AUDIO_KEY).getAsString()));
            parametersSha256 = manifest.get(NetFolder.PARAMETERS_SHA256).getAsString();
        } catch (RuntimeException e) {
            throw ManifestFile.invalid(manifestFile, WHAT, INPUT_SIZE_KEY + ", " + VISUAL_KEY + ", " + AUDIO_KEY
                    + ", " + NetFolder.PARAMETERS_SHA256 + " and optionally " + FRAME_FIT_KEY, e);
        }
        if (inputSize <= 0) {
            throw new CorruptWeightsException(WHAT + " manifest " + manifestFile + " gives input size " + inputSize);
        }
        return NetFolder.load(folder, device, net, inputShapes(net, inputSize), PARAMETERS, modelId(net),
                parametersSha256, manager -> new StanetWeights(net, inputSize, frameFit, manager));
    }

    /** The net, with its parameters loaded. */
    public StaNet net() {
        return net;
    }

    /** Side S of the square frames the net was trained on. */
    public int inputSize() {
        return inputSize;
    }

    /** How frames are laid into the square input, and so where they lie in the net's square map. */
    public FrameFit frameFit() {
        return frameFit;
    }

    /** The manager that holds the parameters, on the device they were loaded to. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
