package io.fixate.provider.stanet;

import io.fixate.provider.stanet.nets.FragmentCompanions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bounded memory of past fragments from which a STANet+ stream draws STA+Long's companions, which in training are
 * two far fragments (centres at least {@value #MIN_DISTANCE} frames from the target) from anywhere in the clip; a
 * stream has only its past. A fragment is kept when it is the stream's first or its centre frame lies at least {@value
 * #SPACING_MICROS} µs after the last kept one (one a second), and the oldest is released once more than {@code
 * capacity} are kept, so the memory spans about {@code capacity} seconds and its size does not grow with the stream.
 * The companions of a target are chosen deterministically among the kept fragments at least {@value #MIN_DISTANCE}
 * frames back: the newest such and the oldest kept (the near and the far past), the one fragment twice when there is
 * one, none before that. Not thread-safe.
 *
 * @param <T> what a kept fragment is (the session keeps its encoded frames and audio input)
 */
final class FragmentMemory<T> {

    /** The least distance, in frames, of a long-term companion's centre from the target, as in training. */
    static final int MIN_DISTANCE = FragmentCompanions.LONG_DISTANCE;
    /** The least time between the centres of two kept fragments. */
    static final long SPACING_MICROS = 1_000_000;

    private final int capacity;
    private final Consumer<T> release;
    private final Deque<Kept<T>> kept = new ArrayDeque<>();

    /**
     * @param capacity the most fragments kept (at least 1)
     * @param release  frees a fragment's resources once it is dropped
     */
    FragmentMemory(int capacity, Consumer<T> release) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the memory needs room for a fragment, got capacity " + capacity);
        }
        this.capacity = capacity;
        this.release = release;
    }

    /** Whether a fragment centred at {@code timestampMicros} is to be kept. */
    boolean due(long timestampMicros) {
        return kept.isEmpty() || timestampMicros - kept.getLast().timestampMicros() >= SPACING_MICROS;
    }

    /** Keeps {@code fragment}, centred at frame {@code index} of the stream, releasing the oldest beyond capacity. */
    void keep(int index, long timestampMicros, T fragment) {
        kept.addLast(new Kept<>(index, timestampMicros, fragment));
        if (kept.size() > capacity) {
            release.accept(kept.removeFirst().fragment());
        }
    }

    /** The two long-term companions of the target at frame {@code target}; empty while none is far enough back. */
    List<T> companions(int target) {
        Iterator<Kept<T>> newestFirst = kept.descendingIterator();
        while (newestFirst.hasNext()) {
            Kept<T> candidate = newestFirst.next();
            if (candidate.index() <= target - MIN_DISTANCE) {
                return List.of(candidate.fragment(), kept.getFirst().fragment());
            }
        }
        return List.of();
    }

    /** How many fragments are kept. */
    int size() {
        return kept.size();
    }

    /** Releases every kept fragment, as at the end of a stream. */
    void clear() {
        kept.forEach(entry -> release.accept(entry.fragment()));
        kept.clear();
    }

    private record Kept<T>(int index, long timestampMicros, T fragment) {
    }
}
