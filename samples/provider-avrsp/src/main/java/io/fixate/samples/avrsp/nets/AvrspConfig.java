package io.fixate.samples.avrsp.nets;

import com.google.gson.JsonObject;
import io.fixate.api.InvalidOptionsException;
import io.fixate.spi.djl.nn.Encoders;

/**
 * The architecture of an AVRSP net: everything that decides the shapes of its parameters, hence what its weights
 * folder must record and what a training run is bound to. The ablations of the paper (fusion method, MS, MRG) are
 * architecture choices, not prediction options: each needs weights trained with it.
 *
 * @param frames        frames of a clip, the last one being the frame predicted (8 to 16)
 * @param visualEncoder name of the per-frame visual encoder ({@link Encoders})
 * @param audioEncoder  name of the per-frame audio encoder ({@link Encoders})
 * @param fusion        how audio joins the lowest-resolution visual feature
 * @param synergy       whether the multi-scale synergy (MS) enhances the visual features
 * @param regulator     whether the multi-scale regulator gates (MRG) carry the fused feature to finer scales
 * @param blocks        RAVF blocks (1 or 2); ignored by the naive fusions but recorded all the same
 * @param heads         attention heads of each RAVF block (2 to 4), dividing {@link AvrspNet#WIDTH}
 */
public record AvrspConfig(int frames, String visualEncoder, String audioEncoder, Fusion fusion, boolean synergy,
                          boolean regulator, int blocks, int heads) {

    public static final int MIN_FRAMES = 8;
    public static final int MAX_FRAMES = 16;
    public static final int MAX_BLOCKS = 2;
    public static final int MIN_HEADS = 2;
    public static final int MAX_HEADS = 4;

    /** The compact defaults: 8 frames, compact encoders, RAVF with one block of two heads, MS and MRG on. */
    public static final AvrspConfig DEFAULT = new AvrspConfig(MIN_FRAMES, Encoders.COMPACT, Encoders.COMPACT,
            Fusion.RAVF, true, true, 1, 2);

    /** @throws InvalidOptionsException for a count out of range or an unknown encoder */
    public AvrspConfig {
        require(frames >= MIN_FRAMES && frames <= MAX_FRAMES, "frames must be in [" + MIN_FRAMES + ", " + MAX_FRAMES
                + "], got " + frames);
        require(blocks >= 1 && blocks <= MAX_BLOCKS, "ravf-blocks must be 1 or 2, got " + blocks);
        require(heads >= MIN_HEADS && heads <= MAX_HEADS && AvrspNet.WIDTH % heads == 0,
                "heads must be 2 or 4 (dividing the width " + AvrspNet.WIDTH + "), got " + heads);
        Encoders.visual(visualEncoder);
        Encoders.audio(audioEncoder);
        if (fusion == null) {
            throw new InvalidOptionsException("a fusion must be given");
        }
    }

    /** The identifier weights files are saved under: two nets share it exactly when their parameters match. */
    public String modelId() {
        return "fixate-avrsp/1 frames=" + frames + " visual=" + visualEncoder + " audio=" + audioEncoder + " fusion="
                + fusion.key() + " ms=" + onOff(synergy) + " mrg=" + onOff(regulator) + " blocks=" + blocks
                + " heads=" + heads;
    }

    /** The architecture as manifest entries. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("frames", frames);
        json.addProperty("visualEncoder", visualEncoder);
        json.addProperty("audioEncoder", audioEncoder);
        json.addProperty("fusion", fusion.key());
        json.addProperty("ms", onOff(synergy));
        json.addProperty("mrg", onOff(regulator));
        json.addProperty("ravfBlocks", blocks);
        json.addProperty("heads", heads);
        return json;
    }

    /**
     * The architecture a manifest records.
     *
     * @throws RuntimeException (Gson's or {@link InvalidOptionsException}) when an entry is missing or invalid
     */
    public static AvrspConfig fromJson(JsonObject json) {
        return new AvrspConfig(json.get("frames").getAsInt(), json.get("visualEncoder").getAsString(),
                json.get("audioEncoder").getAsString(), Fusion.ofKey(json.get("fusion").getAsString(), "fusion"),
                isOn(json.get("ms").getAsString()), isOn(json.get("mrg").getAsString()),
                json.get("ravfBlocks").getAsInt(), json.get("heads").getAsInt());
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static boolean isOn(String value) {
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException("expected on or off, got " + value);
        }
        return value.equals("on");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException(message);
        }
    }
}
