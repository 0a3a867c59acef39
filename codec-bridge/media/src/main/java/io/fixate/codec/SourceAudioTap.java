package io.fixate.codec;

import io.fixate.api.AudioBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a {@link MediaReader}'s decoded audio that overlaps its read range to a listener. Audio decoded while the
 * reader opens, before anyone could register, is held and replayed to the first listener registered before reading
 * starts; held audio is bounded by what opening decodes (up to the first frame in range).
 */
final class SourceAudioTap {

    private final long startMicros;
    private final long endMicros;
    private final List<AudioBlock> held = new ArrayList<>();
    private Consumer<AudioBlock> listener;
    private boolean holding = true;

    SourceAudioTap(ReadOptions options) {
        this.startMicros = options.startMicros();
        this.endMicros = options.endMicros();
    }

    void listen(Consumer<AudioBlock> newListener) {
        listener = newListener;
        if (newListener != null) {
            held.forEach(newListener);
            held.clear();
        }
    }

    /** Reading has begun: audio nobody listened to so far is dropped, and no more is held. */
    void stopHolding() {
        holding = false;
        held.clear();
    }

    void offer(AudioBlock block) {
        boolean inRange = block.timestampMicros() + block.durationMicros() > startMicros
                && block.timestampMicros() < endMicros;
        if (!inRange) {
            return;
        }
        if (listener != null) {
            listener.accept(block);
        } else if (holding) {
            held.add(block);
        }
    }
}
