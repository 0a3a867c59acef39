package io.fixate.provider.scam.labeling;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** CAM sources that answer from a function of the frames and the source, and remember what they were asked. */
final class FixedCamSources implements CamSources {

    private final BiFunction<FrameTriple, Source, SourceCam> answer;
    final List<FrameTriple> framesSeen = new ArrayList<>();
    final List<Set<Source>> sourcesAsked = new ArrayList<>();

    FixedCamSources(BiFunction<FrameTriple, Source, SourceCam> answer) {
        this.answer = answer;
    }

    @Override
    public Set<Source> available() {
        return EnumSet.allOf(Source.class);
    }

    @Override
    public List<SourceCam> cams(FrameTriple frames, int tag, Set<Source> sources) {
        framesSeen.add(frames);
        sourcesAsked.add(sources);
        return sources.stream().sorted().map(source -> answer.apply(frames, source)).toList();
    }
}
