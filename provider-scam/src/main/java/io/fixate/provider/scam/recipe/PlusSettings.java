package io.fixate.provider.scam.recipe;

import io.fixate.api.InvalidOptionsException;
import io.fixate.provider.scam.labeling.PlusSource;
import io.fixate.spi.djl.nn.ConservativeGcn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of the SCAM+ stages of a labeler's training run (the {@code scam-plus} labeler), from the plus keys of
 * {@link io.fixate.spi.TrainingRequest#settings()}; batch, frame stride and input size are the SCAM nets' (the + nets
 * run on whole frames at the coarse size). Defaults follow the journal (m = 3, n = 2, FRL on, the conservative update
 * of Eqs. 7–8) and are sized for the compact encoders on two CPU cores.
 *
 * @param epochs       epochs of each + net
 * @param learningRate SGD learning rate of the + nets (weight decay is the SCAM nets'), lower than theirs: the
 *                     branch starts trained and gets the gradients of three nodes, and ST+ diverged at 0.01
 * @param steps        m, the C-GCN's reasoning steps
 * @param update       the papers' conservative update or the reference's gated-message ConvGRU
 * @param refine       whether the fixation refine layer follows every reasoning step
 * @param companions   n, the companions of a Long or Cross target (Short always has two)
 * @param galleryClips per class, the training clips whose fragments the Cross nets meet at labelling time
 * @param nets         the + nets to train
 * @param shared       whether the + nets of one source are one net, trained on the samples of all its granularities
 *                     (3 nets instead of 8, a deviation from the journal's separately trained nets, to save time)
 */
public record PlusSettings(int epochs, float learningRate, int steps, ConservativeGcn.Update update, boolean refine,
                           int companions, int galleryClips, Set<PlusSource> nets, boolean shared) {

    static final String EPOCHS = "plus-epochs";
    static final String LEARNING_RATE = "plus-lr";
    static final String STEPS = "gcn-steps";
    static final String UPDATE = "gcn-update";
    static final String REFINE = "frl";
    static final String COMPANIONS = "companions";
    static final String GALLERY = "gallery-clips";
    static final String NETS = "plus-nets";
    static final String SHARED = "shared-nets";

    /** The setting keys of the + stages; every other key of a request is the SCAM nets'. */
    public static final Set<String> KEYS = Set.of(EPOCHS, LEARNING_RATE, STEPS, UPDATE, REFINE, COMPANIONS, GALLERY,
            NETS, SHARED);

    private static final List<String> UPDATES = List.of("conservative", "gated-gru");
    private static final int MAX_STEPS = 8;
    private static final int MAX_COMPANIONS = 4;
    private static final int MAX_GALLERY = 32;

    /** @throws InvalidOptionsException for a count or rate out of range or no net to train */
    public PlusSettings {
        require(epochs > 0, EPOCHS + " must be positive");
        require(learningRate > 0 && Float.isFinite(learningRate), LEARNING_RATE + " must be positive");
        require(steps >= 1 && steps <= MAX_STEPS, STEPS + " must be 1 to " + MAX_STEPS);
        require(companions >= 1 && companions <= MAX_COMPANIONS, COMPANIONS + " must be 1 to " + MAX_COMPANIONS);
        require(galleryClips >= 1 && galleryClips <= MAX_GALLERY, GALLERY + " must be 1 to " + MAX_GALLERY);
        require(!nets.isEmpty(), NETS + " must name at least one net");
        nets = Collections.unmodifiableSet(EnumSet.copyOf(nets));
        require(!shared || companions == 2, SHARED + "=on needs " + COMPANIONS + "=2: one net takes Short's two "
                + "companions and Long's and Cross's alike");
    }

    /**
     * Settings from the plus entries of {@code entries} (other keys are ignored); absent keys take their defaults.
     *
     * @throws InvalidOptionsException for a malformed value
     */
    public static PlusSettings parse(Map<String, String> entries) {
        return new PlusSettings(integer(entries, EPOCHS, "4"), (float) number(entries, LEARNING_RATE, "0.002"),
                integer(entries, STEPS, Integer.toString(ConservativeGcn.DEFAULT_STEPS)),
                choice(entries, UPDATE, "conservative", UPDATES).equals("conservative")
                        ? ConservativeGcn.Update.CONSERVATIVE : ConservativeGcn.Update.GATED_GRU,
                choice(entries, REFINE, "on", List.of("on", "off")).equals("on"), integer(entries, COMPANIONS, "2"),
                integer(entries, GALLERY, "4"), nets(entries.getOrDefault(NETS, "all").trim()),
                choice(entries, SHARED, "off", List.of("on", "off")).equals("on"));
    }

    /** Every setting, defaults included, as the entries {@link #parse} reads. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(EPOCHS, Integer.toString(epochs));
        entries.put(LEARNING_RATE, Float.toString(learningRate));
        entries.put(STEPS, Integer.toString(steps));
        entries.put(UPDATE, UPDATES.get(update.ordinal()));
        entries.put(REFINE, refine ? "on" : "off");
        entries.put(COMPANIONS, Integer.toString(companions));
        entries.put(GALLERY, Integer.toString(galleryClips));
        entries.put(NETS, nets.stream().map(PlusSource::id).collect(Collectors.joining(",")));
        entries.put(SHARED, shared ? "on" : "off");
        return entries;
    }

    /**
     * The weights files of the + nets by name, each with the nets it serves: one per net, or with shared nets one per
     * source (named s, st, sa) serving its granularities.
     */
    Map<String, List<PlusSource>> netFiles() {
        Map<String, List<PlusSource>> files = new LinkedHashMap<>();
        for (PlusSource net : nets) {
            String name = shared ? net.source().name().toLowerCase(Locale.ROOT) : net.id();
            files.computeIfAbsent(name, key -> new ArrayList<>()).add(net);
        }
        return files;
    }

    /** What sets the C-GCN apart, in the + nets' architecture ids. */
    String reasoningId() {
        return "m" + steps + "/" + UPDATES.get(update.ordinal()) + (refine ? "/frl" : "");
    }

    /** The + nets named by a comma-separated list of ids, or all of them. */
    static Set<PlusSource> nets(String list) {
        if (list.equals("all")) {
            return EnumSet.allOf(PlusSource.class);
        }
        Set<PlusSource> nets = EnumSet.noneOf(PlusSource.class);
        for (String id : list.split(",")) {
            nets.add(Arrays.stream(PlusSource.values()).filter(net -> net.id().equals(id.trim().toLowerCase(
                    Locale.ROOT))).findFirst().orElseThrow(() -> new InvalidOptionsException("SCAM+ setting " + NETS
                    + ": unknown net '" + id.trim() + "'; known: all, " + Arrays.stream(PlusSource.values())
                    .map(PlusSource::id).collect(Collectors.joining(", ")))));
        }
        return nets;
    }

    private static int integer(Map<String, String> entries, String key, String fallback) {
        return (int) number(entries, key, fallback);
    }

    private static double number(Map<String, String> entries, String key, String fallback) {
        String text = entries.getOrDefault(key, fallback).trim();
        try {
            return key.equals(LEARNING_RATE) ? Double.parseDouble(text) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException("SCAM+ setting " + key + " must be a" + (key.equals(LEARNING_RATE)
                    ? " number" : "n integer") + ", got '" + text + "'");
        }
    }

    private static String choice(Map<String, String> entries, String key, String fallback, List<String> choices) {
        String text = entries.getOrDefault(key, fallback).trim();
        if (!choices.contains(text)) {
            throw new InvalidOptionsException("SCAM+ setting " + key + " must be one of " + choices + ", got '"
                    + text + "'");
        }
        return text;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidOptionsException("SCAM+ settings: " + message);
        }
    }
}
