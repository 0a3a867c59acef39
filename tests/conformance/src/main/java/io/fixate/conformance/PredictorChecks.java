package io.fixate.conformance;

import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.api.ProviderInfo;
import io.fixate.api.UnsupportedMediaException;
import io.fixate.api.VideoFrame;
import io.fixate.fixtures.MovingSquareClip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.fixate.conformance.MapAssertions.assertOneMapPerFrame;
import static io.fixate.conformance.MapAssertions.assertSameMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checks {@link PredictorConformance} runs against one predictor provider. */
final class PredictorChecks {

    /** Frames beyond the look-ahead in each test clip: enough to see maps come out while frames still arrive. */
    private static final int FRAMES_PAST_LOOK_AHEAD = 3;
    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;
    /** Single frames of the synthetic clip, made in memory so that the kit needs no files. */
    private static final MovingSquareClip SQUARES = squares(0);

    private final ProviderInfo info;
    private final Function<ModelOptions, FixationPredictor> opener;
    private final ModelOptions options;
    private final Capabilities capabilities;

    PredictorChecks(ProviderInfo info, Function<ModelOptions, FixationPredictor> opener, ModelOptions options) {
        this.info = info;
        this.opener = opener;
        this.options = options;
        this.capabilities = info.capabilities();
    }

    private List<FrameWithAudio> clip() {
        return squares(capabilities.lookAheadFrames() + FRAMES_PAST_LOOK_AHEAD).frames(capabilities.audio());
    }

    private static List<VideoFrame> framesOf(List<FrameWithAudio> clip) {
        return clip.stream().map(FrameWithAudio::frame).toList();
    }

    /** Runs {@code check} on a session of a predictor opened with the options given, closing both afterwards. */
    private void withSession(Consumer<PredictionSession> check) {
        try (FixationPredictor predictor = open();
             PredictionSession session = predictor.openSession()) {
            check.accept(session);
        }
    }

    void opensAndCloses() {
        try (FixationPredictor predictor = open()) {
            assertEquals(info.name(), predictor.info().name(), "name of the opened predictor");
            assertEquals(capabilities, predictor.info().capabilities(), "capabilities of the opened predictor");
            try (PredictionSession session = predictor.openSession()) {
                assertEquals(capabilities.lookAheadFrames(), session.lookAheadFrames(), "session look-ahead");
                assertEquals(capabilities.audio(), session.audioRequirement(), "session audio requirement");
            }
        }
    }

    void streamsWithAudio() {
        withSession(session -> stream(session, clip(), session::push));
    }

    void streamsWithoutAudio() {
        withSession(session -> stream(session, clip(), input -> session.push(input.frame())));
    }

    /**
     * Pushes {@code clip} and flushes, checking that exactly the declared look-ahead is withheld until the flush and
     * that the maps describe the frames.
     */
    private List<FixationMap> stream(PredictionSession session, List<FrameWithAudio> clip,
                                     Function<FrameWithAudio, List<FixationMap>> push) {
        int lookAhead = capabilities.lookAheadFrames();
        List<FixationMap> maps = new ArrayList<>();
        for (int pushed = 1; pushed <= clip.size(); pushed++) {
            maps.addAll(push.apply(clip.get(pushed - 1)));
            assertEquals(Math.max(0, pushed - lookAhead), maps.size(),
                    "maps ready after " + pushed + " frames with a look-ahead of " + lookAhead);
        }
        List<FixationMap> flushed = session.flush();
        assertEquals(Math.min(lookAhead, clip.size()), flushed.size(), "maps released by flush()");
        maps.addAll(flushed);
        assertOneMapPerFrame(framesOf(clip), maps);
        return maps;
    }

    void streamingEqualsPredictClip() {
        List<FrameWithAudio> clip = clip();
        try (FixationPredictor predictor = open()) {
            List<FixationMap> streamed;
            try (PredictionSession session = predictor.openSession()) {
                streamed = stream(session, clip, session::push);
            }
            assertSameMaps(streamed, predictor.predictClip(clip));
        }
    }

    void flushStartsAFreshStream() {
        List<FrameWithAudio> clip = clip();
        withSession(session -> {
            List<FixationMap> first = stream(session, clip, session::push);
            List<FixationMap> again = stream(session, clip, session::push);
            assertSameMaps(first, again);
        });
    }

    void rejectsUnknownProperties() {
        ModelOptions typo = options.toBuilder().property("fixate.conformance.no-such-property", "1").build();
        assertThrows(InvalidOptionsException.class, () -> opener.apply(typo).close());
    }

    void negativeThreadCountsCannotBeBuilt() {
        assertThrows(InvalidOptionsException.class, () -> ModelOptions.builder().threads(-1));
    }

    void refusesFramesAfterClose() {
        try (FixationPredictor predictor = open()) {
            PredictionSession session = predictor.openSession();
            session.close();
            assertThrows(IllegalStateException.class, () -> session.push(SQUARES.frame(0)));
        }
    }

    void rejectsFramesOutOfOrder() {
        withSession(session -> {
            session.push(SQUARES.frame(2));
            assertThrows(IllegalArgumentException.class, () -> session.push(SQUARES.frame(1)));
            assertThrows(IllegalArgumentException.class, () -> session.push(SQUARES.frame(2)));
        });
    }

    void rejectsAudioAtAnotherRate() {
        AudioRequirement wanted = capabilities.audio();
        int otherRate = wanted.sampleRate() == 48_000 ? 44_100 : 48_000;
        FrameWithAudio input = SQUARES.withTone(SQUARES.frame(0),
                new AudioRequirement(otherRate, wanted.windowMicros()));
        withSession(session -> assertThrows(UnsupportedMediaException.class, () -> session.push(input)));
    }

    void rejectsFrameSizeChangesWithinAStream() {
        withSession(session -> {
            session.push(SQUARES.frame(0));
            VideoFrame larger = MovingSquareClip.clip().size(2 * WIDTH, 2 * HEIGHT).frame(1);
            assertThrows(UnsupportedMediaException.class, () -> session.push(larger));
        });
    }

    /** The first {@code frames} frames of the synthetic clip at the kit's frame size. */
    static MovingSquareClip squares(int frames) {
        return MovingSquareClip.clip().size(WIDTH, HEIGHT).frames(frames, 25);
    }

    /** The predictor with the options given; skips the check where it needs weights that they do not give. */
    private FixationPredictor open() {
        return Opening.orSkip(info.name(), () -> opener.apply(options));
    }
}
