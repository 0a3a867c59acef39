package io.fixate.provider.scam.labeling;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.fixate.provider.scam.nets.ClassActivations;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.training.Batches;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.nn.FixationRefineLayer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CAMs from trained classification nets, at inference (batch 1, no training mode). Frames are square-resized to the
 * nets' input size and normalised as each net's visual encoder declares ({@link FramePreprocessor#evaluation}, as in
 * training); the SA net gets the spectrogram of the frame's audio window. Every call works in a sub-manager of the
 * given manager that is closed before returning, so only plain Java maps outlive a frame and native memory does not
 * grow with the clip.
 *
 * <p>Not thread-safe: one instance serves one clip at a time.
 */
public final class NetCamSources implements CamSources {

    private final Map<Source, ScamNet> nets;
    private final Map<Source, Batches> inputs;
    private final NDManager manager;
    private final FixationRefineLayer refine;

    /** Sources whose CAMs are the nets' own. */
    public NetCamSources(Map<Source, ScamNet> nets, int inputSize, AudioSpectrogram audio, NDManager manager) {
        this(nets, inputSize, audio, false, manager);
    }

    /**
     * @param nets      initialised nets by source; any subset of the sources
     * @param inputSize side of the square frames the nets were trained on
     * @param audio     the audio front end the SA net was trained with (its window length must match the clip's)
     * @param refine    whether each net's fused class maps go through the {@link FixationRefineLayer} (T_d 0.8, T_r
     *                  0.6) before the CAM is taken
     * @param manager   the manager holding the nets' parameters; per-frame work happens in its sub-managers
     * @throws IllegalArgumentException if a net does not read what its source needs
     */
    public NetCamSources(Map<Source, ScamNet> nets, int inputSize, AudioSpectrogram audio, boolean refine,
                         NDManager manager) {
        this.nets = new EnumMap<>(Source.class);
        this.inputs = new EnumMap<>(Source.class);
        nets.forEach((source, net) -> {
            if (net.input() != source.input()) {
                throw new IllegalArgumentException("source " + source + " reads " + source.input() + ", but its "
                        + net.getClass().getSimpleName() + " reads " + net.input());
            }
            this.nets.put(source, net);
            this.inputs.put(source, Batches.of(net, FramePreprocessor.evaluation(inputSize,
                    net.visualEncoder().input()), audio));
        });
        this.manager = manager;
        this.refine = refine ? new FixationRefineLayer() : null;
    }

    @Override
    public Set<Source> available() {
        return nets.keySet();
    }

    @Override
    public List<SourceCam> cams(FrameTriple frames, int tag, Set<Source> sources) {
        List<SourceCam> cams = new ArrayList<>();
        try (NDManager step = manager.newSubManager()) {
            ParameterStore parameters = new ParameterStore(step, false);
            for (Source source : Source.values()) {
                if (sources.contains(source)) {
                    ScamNet net = netOf(source);
                    NDList outputs = net.forward(parameters,
                            inputs.get(source).inputs(List.of(frames.asSample(tag)), step), false);
                    ClassActivations activations = net.activations(outputs);
                    cams.add(SourceCam.of(source, refine == null ? activations
                            : activations.withFused(refine.refine(activations.fused())), tag));
                }
            }
        }
        return cams;
    }

    private ScamNet netOf(Source source) {
        ScamNet net = nets.get(source);
        if (net == null) {
            throw new IllegalArgumentException("no net for source " + source + "; available: " + nets.keySet());
        }
        return net;
    }
}
