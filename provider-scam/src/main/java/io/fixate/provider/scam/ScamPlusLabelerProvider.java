package io.fixate.provider.scam;

import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.provider.scam.labeling.CamFusion;
import io.fixate.provider.scam.labeling.PipelineConfig;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.provider.scam.labeling.ScamPipeline;
import io.fixate.provider.scam.labeling.ScamPlusPipeline;
import io.fixate.provider.scam.labeling.Source;
import io.fixate.provider.scam.labeling.Stage;
import io.fixate.provider.scam.nets.PlusNet;
import io.fixate.provider.scam.recipe.LabelerTraining;
import io.fixate.provider.scam.recipe.LabelerWeights;
import io.fixate.provider.scam.recipe.PlusWeights;
import io.fixate.spi.TrainingData;
import io.fixate.spi.TrainingMonitor;
import io.fixate.spi.TrainingRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code scam-plus} labeler (alias {@code scam+}): SCAM's pasted fine CAMs of S, ST and SA fused with the CAMs of
 * the eight multigranularity nets (Wang et al., journal extension, §3.2–3.3), on weights that {@code fixate
 * train-labeler --labeler scam-plus} made (a SCAM labeler folder with its {@code plus} folder). Properties, for the
 * journal's ablations: {@code nets} = all (default) or a comma-separated list of the sources that take part among
 * s, st, sa and the + nets (s-short, s-long, s-cross, st-short, st-long, st-cross, sa-long, sa-cross; one alone gives
 * its plain normalised CAM); {@code fusion} = sel (default, Eq. 4) | avg; {@code switch} = on (default) | off;
 * {@code smoothing} = off (default: students learn better from unsmoothed maps, docs/stanet.md) | on; {@code
 * refine} = off (default) | on, the fixation refine layer on the SCAM nets' maps as for {@code scam}. Each frame's
 * map needs {@value ScamPlusPipeline#LOOK_AHEAD} frames on each side (ST+ Short); Long nets read the whole clip.
 */
public final class ScamPlusLabelerProvider extends ScamFamilyProvider {

    static final String NETS = "nets";
    static final String FUSION = "fusion";
    static final String SWITCH = "switch";

    public ScamPlusLabelerProvider() {
        super("scam-plus", List.of("scam+"), "SCAM+ pseudo-fixations from category tags: SCAM's fine CAMs and eight "
                + "short-, long- and cross-term nets (C-GCN with fixation refinement), fused by confidence",
                ScamPlusPipeline.LOOK_AHEAD);
    }

    @Override
    Set<String> properties() {
        return Set.of(NETS, FUSION, SWITCH, SMOOTHING, REFINE);
    }

    /** The SCAM part: fine stage over all three sources (the region of interest needs them), unsmoothed. */
    @Override
    PipelineConfig config(ModelOptions options, int coarseSize, int fineSize) {
        return PipelineConfig.of(Stage.FINE, CamFusion.SCAM_SEL).withSmoothing(false)
                .withInputSizes(coarseSize, fineSize)
                .withRefinement(choice(options, REFINE, "off", ON_OFF).equals("on"));
    }

    @Override
    boolean audioSwitch(ModelOptions options) {
        return isOn(options, SWITCH);
    }

    @Override
    ScamLabeler.Labelling labelling(ScamPipeline pipeline, LabelerWeights weights, Path folder,
                                    ModelOptions options) {
        PlusWeights plus = PlusWeights.load(folder, weights);
        List<String> chosen = chosenNets(options, plus);
        Set<Source> scamSources = EnumSet.noneOf(Source.class);
        Map<PlusSource, PlusNet> nets = new EnumMap<>(PlusSource.class);
        for (Source source : Source.values()) {
            if (chosen.contains(source.name().toLowerCase(Locale.ROOT))) {
                scamSources.add(source);
            }
        }
        plus.nets().forEach((source, net) -> {
            if (chosen.contains(source.id())) {
                nets.put(source, net);
            }
        });
        boolean average = choice(options, FUSION, "sel", List.of("sel", "avg")).equals("avg");
        boolean smoothing = choice(options, SMOOTHING, "off", ON_OFF).equals("on");
        ScamPlusPipeline plusPipeline = new ScamPlusPipeline(pipeline, scamSources, nets, plus::gallery,
                SPECTROGRAM, new ScamPlusPipeline.Settings(plus.settings().companions(), plus.seed(),
                weights.settings().coarseSize(), average, smoothing), weights.manager());
        return plusPipeline::label;
    }

    /**
     * The sources the {@code nets} property names, each a SCAM source or a trained + net.
     *
     * @throws InvalidOptionsException for an unknown name or a + net these weights do not have
     */
    private List<String> chosenNets(ModelOptions options, PlusWeights plus) {
        List<String> known = new ArrayList<>(List.of("s", "st", "sa"));
        plus.nets().keySet().forEach(source -> known.add(source.id()));
        String value = options.properties().getOrDefault(NETS, "all").trim().toLowerCase(Locale.ROOT);
        if (value.equals("all")) {
            return known;
        }
        List<String> chosen = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String name : chosen) {
            if (!known.contains(name)) {
                throw new InvalidOptionsException(info().name() + " property " + NETS + ": '" + name + "' is not one "
                        + "of the sources these weights have: all, " + String.join(", ", known));
            }
        }
        return chosen;
    }

    @Override
    public Path train(TrainingData data, TrainingRequest request, TrainingMonitor monitor) {
        return LabelerTraining.runPlus(data, request, monitor);
    }
}
