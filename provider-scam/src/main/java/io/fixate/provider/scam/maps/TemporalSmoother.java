package io.fixate.provider.scam.maps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Streaming recursive temporal smoothing of one clip's fused maps, the reference's {@code CAMsmooth} (fact sheet §4),
 * extended to give exactly one map per frame, in frame order. Memory stays bounded: at most five maps are held.
 *
 * <p><b>Reference rule</b> (frames numbered from 1, every input first normalised with Z): frame 3 is {@code out =
 * Z(mean(Z(f1..f5)))}, after which the window's newest slot (f5) is replaced by {@code out}. Each later
 * frame {@code k} shifts the window (oldest slot out), appends {@code Z(f(k+2))}, takes {@code out = Z(mean(window))}
 * and replaces that newest slot by {@code out} again, so the smoothing is recursive (IIR). The map given out for frame
 * {@code k} is {@code out} with the values below {@code 3·mean(out)} set to 0; the window keeps {@code out} before
 * this suppression. From frame 7 on the window holds four previous outputs and {@code f(k+2)}: a frame's content
 * first shows two frames early and then decays through the recursion. The reference gives nothing for frames 1–2 and
 * the last 5.
 *
 * <p><b>Edge policy</b> (this class; no slot is filled with an invented frame):
 * <ul>
 * <li>Frames 1 and 2 (and 3 of a clip shorter than 5 frames) use the centred window {@code [k-2, k+2]} shrunk to the
 *     frames that exist, without recursion: {@code Z(mean(Z(f1..f(min(n, k+2)))))}; frame 3 of a longer clip is thus
 *     exactly the reference's.</li>
 * <li>Frames {@code n-5..n-2} follow the reference rule unchanged (it stops early although their frames exist).</li>
 * <li>Frames {@code n-1} and {@code n}, whose look-ahead frame {@code k+2} lies beyond the clip, leave that slot out:
 *     the oldest slot is dropped, {@code out = Z(mean)} of the remaining slots, and {@code out} is appended.</li>
 * </ul>
 * Every output lags {@link #DELAY} frames behind its input: {@link #push} returns the map of frame {@code k - 2} once
 * frame {@code k} arrives, and {@link #flush} returns the rest and readies the smoother for another clip.
 */
public final class TemporalSmoother {

    /** Frames by which an output lags the input that completes it: the window reaches two frames ahead. */
    public static final int DELAY = 2;

    /** The reference's suppression factor: values below 3·mean of a smoothed map are set to 0. */
    public static final double REFERENCE_SUPPRESSION_FACTOR = 3;

    private static final int WINDOW = 5;
    /** Frames computed from the opening frames before the recursion starts; the last of them starts it. */
    private static final int OPENING_OUTPUTS = 3;

    private final double suppressionFactor;
    private final List<CamMap> openingFrames = new ArrayList<>(WINDOW);
    private final Deque<CamMap> window = new ArrayDeque<>(WINDOW);
    private CamMap firstOfClip;
    private int received;
    private int emitted;

    /** A smoother with the reference's suppression below 3·mean. */
    public TemporalSmoother() {
        this(REFERENCE_SUPPRESSION_FACTOR);
    }

    /**
     * @param suppressionFactor values below this multiple of each smoothed map's mean are set to 0 in the output;
     *                          0 disables the suppression
     * @throws IllegalArgumentException if the factor is negative or not finite
     */
    public TemporalSmoother(double suppressionFactor) {
        if (!(suppressionFactor >= 0 && Double.isFinite(suppressionFactor))) {
            throw new IllegalArgumentException("suppression factor must be finite and non-negative, got "
                    + suppressionFactor);
        }
        this.suppressionFactor = suppressionFactor;
    }

    /**
     * Adds the next frame's map of the clip.
     *
     * @return the smoothed map of frame {@code k - 2} when this is frame {@code k ≥ 3}, else nothing
     * @throws IllegalArgumentException if the map's size differs from the clip's first map
     */
    public List<CamMap> push(CamMap map) {
        Objects.requireNonNull(map, "map");
        if (firstOfClip == null) {
            firstOfClip = map;
        }
        firstOfClip.requireSameSizeAs(map);
        received++;
        CamMap normalized = map.normalized();
        if (received <= WINDOW) {
            openingFrames.add(normalized);
            return received > DELAY ? List.of(openingOutput(received - DELAY)) : List.of();
        }
        window.removeFirst();
        window.addLast(normalized);
        CamMap out = windowMean();
        window.removeLast();
        window.addLast(out);
        return List.of(emit(out));
    }

    /** Ends the clip: returns the smoothed maps of its frames not yet returned, in order, and forgets the clip. */
    public List<CamMap> flush() {
        List<CamMap> outputs = new ArrayList<>();
        while (emitted < received) {
            int frame = emitted + 1;
            if (frame <= OPENING_OUTPUTS) {
                outputs.add(openingOutput(frame));
            } else {
                window.removeFirst();
                CamMap out = windowMean();
                window.addLast(out);
                outputs.add(emit(out));
            }
        }
        openingFrames.clear();
        window.clear();
        firstOfClip = null;
        received = 0;
        emitted = 0;
        return outputs;
    }

    /** Output of opening frame {@code frame} (1-based) from the frames of {@code [frame-2, frame+2]} received. */
    private CamMap openingOutput(int frame) {
        List<CamMap> span = openingFrames.subList(Math.max(0, frame - 1 - DELAY),
                Math.min(openingFrames.size(), frame + DELAY));
        CamMap out = WeightedSum.mean(span).normalized();
        if (frame == OPENING_OUTPUTS) {
            window.addAll(openingFrames);
            window.removeLast();
            window.addLast(out);
            openingFrames.clear();
        }
        return emit(out);
    }

    private CamMap windowMean() {
        return WeightedSum.mean(window).normalized();
    }

    private CamMap emit(CamMap out) {
        emitted++;
        return suppressionFactor > 0 ? out.zeroedBelow(suppressionFactor * out.mean()) : out;
    }
}
