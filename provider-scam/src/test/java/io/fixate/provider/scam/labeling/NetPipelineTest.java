package io.fixate.provider.scam.labeling;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.fixate.api.FixationMap;
import io.fixate.api.FrameWithAudio;
import io.fixate.provider.scam.nets.SNet;
import io.fixate.provider.scam.nets.SaNet;
import io.fixate.provider.scam.nets.ScamNet;
import io.fixate.provider.scam.nets.StNet;
import io.fixate.spi.djl.AudioSpectrogram;
import io.fixate.spi.djl.nn.Encoders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline over untrained (seeded) nets with compact encoders on tiny synthetic clips. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetPipelineTest {

    private static final int CLASSES = 3;
    private static final int TAG = 2;
    private static final int COARSE_INPUT = 32;
    private static final int FINE_INPUT = 48;

    private final AudioSpectrogram audio = new AudioSpectrogram(CoordinateCodedClip.AUDIO_WINDOW);
    private NDManager manager;
    private Map<Source, ScamNet> coarseNets;
    private Map<Source, ScamNet> fineNets;

    @BeforeAll
    void createNets() {
        Engine.getInstance().setRandomSeed(11);
        manager = NDManager.newBaseManager();
        coarseNets = nets(COARSE_INPUT);
        fineNets = nets(FINE_INPUT);
    }

    @AfterAll
    void release() {
        manager.close();
    }

    static Stream<Arguments> everyMode() {
        return Stream.of(Stage.values())
                .flatMap(stage -> Stream.of(CamFusion.values()).map(fusion -> Arguments.of(stage, fusion)));
    }

    @ParameterizedTest
    @MethodSource("everyMode")
    void everyModeGivesOneFrameSizedMapInRangePerFrameWithItsTimestamp(Stage stage, CamFusion fusion) {
        List<FixationMap> maps = label(PipelineConfig.of(stage, fusion), 4);

        assertEquals(4, maps.size());
        for (int k = 0; k < maps.size(); k++) {
            FixationMap map = maps.get(k);
            assertEquals(CoordinateCodedClip.timestamp(k), map.timestampMicros());
            assertEquals(CoordinateCodedClip.SIZE, map.frameWidth());
            assertEquals(CoordinateCodedClip.SIZE, map.frameHeight());
            assertEquals(CoordinateCodedClip.SIZE, map.width());
            assertEquals(CoordinateCodedClip.SIZE, map.height());
            for (float value : map.toArray()) {
                assertTrue(value >= 0 && value <= 1, "value " + value);
            }
        }
    }

    @Test
    void netSourcesGiveTheTagCamAtFeatureResolutionAndSoftmaxConfidences() {
        NetCamSources sources = new NetCamSources(coarseNets, COARSE_INPUT, audio, manager);
        List<FrameWithAudio> clip = CoordinateCodedClip.frames(3);
        FrameTriple frames = new FrameTriple(clip.get(0).frame(), clip.get(1).frame(), clip.get(2).frame(),
                clip.get(1).audio());

        List<SourceCam> cams = sources.cams(frames, TAG, EnumSet.of(Source.ST, Source.SA));

        assertEquals(List.of(Source.ST, Source.SA), cams.stream().map(SourceCam::source).toList());
        for (SourceCam cam : cams) {
            // compact encoders have stride 8
            assertEquals(COARSE_INPUT / 8, cam.cam().width());
            assertEquals(COARSE_INPUT / 8, cam.cam().height());
            float total = 0;
            for (float confidence : cam.confidences()) {
                total += confidence;
            }
            assertEquals(CLASSES, cam.confidences().length);
            assertEquals(1f, total, 1e-5f);
            for (float value : cam.cam().toArray()) {
                assertTrue(value >= 0, "a CAM is rectified");
            }
        }
    }

    @Test
    void nativeArraysDoNotAccumulateOverAClip() {
        // the measure sees arrays of sub-managers left open, so a per-frame manager that is not closed would show
        try (NDManager leak = manager.newSubManager()) {
            int before = manager.getManagedArrays().size();
            leak.zeros(new Shape(1));
            assertEquals(before + 1, manager.getManagedArrays().size());
        }
        int arraysBefore = manager.getManagedArrays().size();

        List<FixationMap> maps = label(PipelineConfig.of(Stage.FINE, CamFusion.SCAM_SEL), 20);

        assertEquals(20, maps.size());
        assertEquals(arraysBefore, manager.getManagedArrays().size());
    }

    private List<FixationMap> label(PipelineConfig config, int frames) {
        ScamPipeline pipeline = ScamPipeline.withNets(config.withInputSizes(COARSE_INPUT, FINE_INPUT), coarseNets,
                fineNets, audio, manager);
        List<FixationMap> maps = new ArrayList<>();
        pipeline.label(CoordinateCodedClip.frames(frames), TAG, maps::add);
        return maps;
    }

    private Map<Source, ScamNet> nets(int inputSize) {
        Shape frame = new Shape(1, 3, inputSize, inputSize);
        Shape spectrogram = new Shape(1, 1).addAll(audio.outputShape());
        Map<Source, ScamNet> nets = new EnumMap<>(Source.class);
        nets.put(Source.S, initialized(new SNet(Encoders.visual(Encoders.COMPACT), CLASSES), frame));
        nets.put(Source.ST, initialized(new StNet(Encoders.visual(Encoders.COMPACT), CLASSES), frame, frame, frame));
        nets.put(Source.SA, initialized(new SaNet(Encoders.visual(Encoders.COMPACT),
                Encoders.audio(Encoders.COMPACT), CLASSES), frame, spectrogram));
        return nets;
    }

    private ScamNet initialized(ScamNet net, Shape... inputShapes) {
        net.initialize(manager, DataType.FLOAT32, inputShapes);
        return net;
    }
}
