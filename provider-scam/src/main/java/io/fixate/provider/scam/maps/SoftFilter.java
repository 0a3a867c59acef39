package io.fixate.provider.scam.maps;

import java.util.Objects;

/**
 * The soft filter ∮(·) of paper Eq. 3: a source's CAM enters the selective fusion with the weight of its
 * classification confidence for the tag class only if that class wins its classification, otherwise with weight 0.
 * The reference code expresses the same rule by not saving a CAM unless {@code argmax(softmax) == tag} (fact sheet §2,
 * §4). On an exact tie for the top confidence this class follows the paper's strict inequality
 * ({@code C^v > C^u} for every {@code u ≠ v}) and returns 0, where an argmax would pick the lower class index.
 */
public final class SoftFilter {

    private SoftFilter() {
    }

    /**
     * The fusion weight of a source.
     *
     * @param confidences the source's classification confidences (softmax outputs, each in [0, 1]), one per class
     * @param tag         index of the clip's category tag among the classes
     * @return {@code confidences[tag]} if it is strictly greater than every other confidence, else 0
     * @throws IllegalArgumentException if a confidence is outside [0, 1] or {@code tag} is not a class index
     */
    public static double weight(float[] confidences, int tag) {
        Objects.requireNonNull(confidences, "confidences");
        if (tag < 0 || tag >= confidences.length) {
            throw new IllegalArgumentException(
                    "tag " + tag + " is not one of the " + confidences.length + " classes of the confidences");
        }
        for (int c = 0; c < confidences.length; c++) {
            if (!(confidences[c] >= 0f && confidences[c] <= 1f)) {
                throw new IllegalArgumentException(
                        "confidence " + confidences[c] + " of class " + c + " is not a probability in [0, 1]");
            }
        }
        for (int c = 0; c < confidences.length; c++) {
            if (c != tag && confidences[c] >= confidences[tag]) {
                return 0;
            }
        }
        return confidences[tag];
    }
}
