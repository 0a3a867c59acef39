package io.fixate.provider.scam.labeling;

import java.util.List;
import java.util.Set;

/**
 * Where the pipeline gets its per-frame CAMs and confidences: {@link NetCamSources} runs trained nets; a test can
 * answer with fixed maps.
 */
public interface CamSources {

    /** The sources this instance can answer for. */
    Set<Source> available();

    /**
     * The CAMs of class {@code tag} for the current frame of {@code frames}, one per requested source, in the
     * order of {@link Source}.
     *
     * @throws IllegalArgumentException if a requested source is not {@linkplain #available() available} or the tag
     *                                  is not one of the classes
     */
    List<SourceCam> cams(FrameTriple frames, int tag, Set<Source> sources);
}
