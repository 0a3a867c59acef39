package io.fixate.samples.avrsp.nets;

import io.fixate.api.InvalidOptionsException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the net joins the audio tokens to the lowest-resolution visual feature: the paper's relevance-guided fusion
 * ({@link RelevanceFusion}) or one of the naive fusions its Table V compares it with ({@link NaiveFusion}), so that the
 * ablation can be trained and scored here.
 */
public enum Fusion {
    /** Relevance-guided audio-visual fusion, the paper's RAVF. */
    RAVF,
    /** Concatenation of the visual feature and the broadcast audio vector, then a 1×1×1 convolution. */
    CONCAT,
    /** Low-rank bilinear fusion: the product of a visual and an audio projection, projected back. */
    BILINEAR,
    /** Element-wise addition of the broadcast audio vector. */
    ADD,
    /** Element-wise multiplication by the broadcast audio vector. */
    MUL;

    /** The name settings and manifests use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Fusion::key).toList();
    }

    /**
     * The fusion named {@code key}.
     *
     * @throws InvalidOptionsException naming {@code setting} and the known keys when there is none
     */
    public static Fusion ofKey(String key, String setting) {
        for (Fusion fusion : values()) {
            if (fusion.key().equals(key)) {
                return fusion;
            }
        }
        throw new InvalidOptionsException(setting + " must be one of " + String.join(", ", keys()) + ", got '" + key
                + "'");
    }
}
