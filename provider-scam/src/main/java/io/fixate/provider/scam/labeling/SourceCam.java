package io.fixate.provider.scam.labeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.fixate.provider.scam.maps.CamMap;
import io.fixate.provider.scam.maps.WeightedCam;
import io.fixate.provider.scam.nets.ClassActivations;

import java.util.Objects;

/**
 * One source's answer for one frame: its CAM of the tag class (at the net's feature resolution, rectified, not
 * normalised) and its classification confidences over all classes.
 *
 * @param source      the net it came from
 * @param cam         the tag class's CAM
 * @param confidences softmax confidences, one per class, in [0, 1]
 */
public record SourceCam(Source source, CamMap cam, float[] confidences) {

    public SourceCam {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cam, "cam");
        confidences = confidences.clone();
    }

    @Override
    public float[] confidences() {
        return confidences.clone();
    }

    /** The CAM of class {@code tag} and the confidences of a net's forward output (of one sample). */
    static SourceCam of(Source source, ClassActivations activations, int tag) {
        NDArray cam = activations.cam(tag);
        Shape shape = cam.getShape();
        return new SourceCam(source, CamMap.of((int) shape.get(2), (int) shape.get(1), cam.toFloatArray()),
                activations.confidences().toFloatArray());
    }

    /** The CAM resized to another grid, with the same confidences. */
    SourceCam withCam(CamMap resized) {
        return new SourceCam(source, resized, confidences);
    }

    /** The CAM weighted by the soft filter (paper Eq. 3) of its confidence for {@code tag}. */
    WeightedCam softFiltered(int tag) {
        return WeightedCam.filtered(cam, confidences, tag);
    }
}
