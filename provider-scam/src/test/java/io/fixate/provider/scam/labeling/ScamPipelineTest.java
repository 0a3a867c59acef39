package io.fixate.provider.scam.labeling;

import io.fixate.api.FixationMap;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.maps.CamMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's fusion, coarse-to-fine and smoothing logic, with fixed CAMs in place of nets. */
class ScamPipelineTest {

    private static final int TAG = 0;
    /** Tag class wins: passes the soft filter with weight 0.7. */
    private static final float[] CONFIDENT = {0.7f, 0.2f, 0.1f};
    /** Another class wins: the soft filter gives weight 0. */
    private static final float[] WRONG_CLASS = {0.2f, 0.7f, 0.1f};

    @Test
    void aSourceFilteredOutBySoftFilterDoesNotInfluenceTheSelectiveFusion() {
        Set<Source> sources = EnumSet.of(Source.S, Source.ST);
        List<FixationMap> selective = coarse(CamFusion.SCAM_SEL, sources, peakAt(6, 6));
        List<FixationMap> selectiveOtherFilteredCam = coarse(CamFusion.SCAM_SEL, sources, peakAt(3, 5));
        List<FixationMap> spatialOnly = coarse(CamFusion.CAM_S, sources, peakAt(6, 6));

        assertMapsEqual(selective, selectiveOtherFilteredCam);
        assertMapsEqual(spatialOnly, selective);
        // the control: averaging does not filter, so the ST CAM changes the result
        assertFalse(sameValues(coarse(CamFusion.SCAM_AVG, sources, peakAt(6, 6)),
                coarse(CamFusion.SCAM_AVG, sources, peakAt(3, 5))));
    }

    @Test
    void theFineStagePastesTheFineCamInsideTheCoarseBox() {
        // coarse S CAM on the frame grid: ones in rows 10..19, columns 20..35, zeros elsewhere, so the box of the
        // cells above twice the mean is exactly that rectangle
        float[] rectangle = new float[CoordinateCodedClip.SIZE * CoordinateCodedClip.SIZE];
        for (int y = 10; y <= 19; y++) {
            for (int x = 20; x <= 35; x++) {
                rectangle[y * CoordinateCodedClip.SIZE + x] = 1;
            }
        }
        CamMap coarseCam = CamMap.of(CoordinateCodedClip.SIZE, CoordinateCodedClip.SIZE, rectangle);
        FixedCamSources coarse = new FixedCamSources((frames, source) -> new SourceCam(source, coarseCam, CONFIDENT));
        FixedCamSources fine = new FixedCamSources((frames, source) -> new SourceCam(source, ramp(5, 5), CONFIDENT));
        PipelineConfig config = PipelineConfig.of(Stage.FINE, CamFusion.SCAM_SEL)
                .withSources(EnumSet.of(Source.S)).withSmoothing(false);

        List<FixationMap> maps = label(new ScamPipeline(config, coarse, fine), 3);

        for (FrameTriple crops : fine.framesSeen) {
            for (VideoFrame crop : List.of(crops.previous(), crops.current(), crops.next())) {
                assertEquals(16, crop.width());
                assertEquals(10, crop.height());
                // pixel (x, y) of a synthetic frame is RGB (x, y, k): the crop starts at the box's corner
                assertEquals(20, crop.channel(0, 0, 0));
                assertEquals(10, crop.channel(0, 0, 1));
            }
        }
        for (FixationMap map : maps) {
            for (int y = 0; y < map.height(); y++) {
                for (int x = 0; x < map.width(); x++) {
                    boolean inBox = y >= 10 && y <= 19 && x >= 20 && x <= 35;
                    if (!inBox) {
                        assertEquals(0f, map.value(x, y), "outside the box at " + x + "," + y);
                    }
                }
            }
            // the ramp's maximum is its bottom-right corner, which lands on the box's
            assertEquals(1f, map.value(35, 19));
            assertTrue(map.value(28, 15) > 0);
        }
    }

    @Test
    void singleSourceModesRunOnlyTheirNetWhileTheFineBoxUsesAllSources() {
        FixedCamSources coarse = new FixedCamSources((frames, source) -> new SourceCam(source, ramp(4, 4), CONFIDENT));
        FixedCamSources fine = new FixedCamSources((frames, source) -> new SourceCam(source, ramp(4, 4), CONFIDENT));

        label(new ScamPipeline(PipelineConfig.of(Stage.FINE, CamFusion.CAM_SA), coarse, fine), 2);

        assertEquals(List.of(EnumSet.allOf(Source.class), EnumSet.allOf(Source.class)), coarse.sourcesAsked);
        assertEquals(List.of(EnumSet.of(Source.SA), EnumSet.of(Source.SA)), fine.sourcesAsked);
    }

    @Test
    void smoothingGivesOneMapPerFrameInOrderAndChangesTheMaps() {
        // a hot cell that moves one column per frame
        FixedCamSources moving = new FixedCamSources((frames, source) -> {
            int k = (int) ((frames.current().timestampMicros() - CoordinateCodedClip.FIRST_TIMESTAMP)
                    / CoordinateCodedClip.FRAME_MICROS);
            return new SourceCam(source, peakAt(k % 8, 3), CONFIDENT);
        });
        PipelineConfig smoothed = PipelineConfig.of(Stage.COARSE, CamFusion.CAM_S).withSources(EnumSet.of(Source.S));

        List<FixationMap> on = label(new ScamPipeline(smoothed, moving, null), 8);
        List<FixationMap> off = label(new ScamPipeline(smoothed.withSmoothing(false), moving, null), 8);

        for (List<FixationMap> maps : List.of(on, off)) {
            assertEquals(8, maps.size());
            for (int k = 0; k < 8; k++) {
                assertEquals(CoordinateCodedClip.timestamp(k), maps.get(k).timestampMicros());
            }
        }
        for (int k = 0; k < 8; k++) {
            assertFalse(sameValues(List.of(on.get(k)), List.of(off.get(k))), "frame " + k);
        }
    }

    @Test
    void aConfigurationMustNameTheSourceOfItsSingleCamAndSaneNumbers() {
        PipelineConfig base = PipelineConfig.of(Stage.COARSE, CamFusion.SCAM_SEL);

        assertThrows(InvalidOptionsException.class,
                () -> new PipelineConfig(Stage.COARSE, CamFusion.CAM_SA, EnumSet.of(Source.S, Source.ST), 1e-4, true,
                        256, 356, false));
        assertThrows(InvalidOptionsException.class, () -> base.withSources(EnumSet.noneOf(Source.class)));
        assertThrows(InvalidOptionsException.class, () -> base.withInputSizes(0, 356));
        assertThrows(InvalidOptionsException.class, () -> new PipelineConfig(Stage.COARSE, CamFusion.SCAM_SEL,
                EnumSet.of(Source.S), 0, true, 256, 356, false));
    }

    @Test
    void aPipelineRefusesSourcesThatCannotAnswerForTheConfiguration() {
        CamSources onlySpatial = new CamSources() {
            @Override
            public Set<Source> available() {
                return EnumSet.of(Source.S);
            }

            @Override
            public List<SourceCam> cams(FrameTriple frames, int tag, Set<Source> sources) {
                throw new AssertionError("not called");
            }
        };
        PipelineConfig allSources = PipelineConfig.of(Stage.FINE, CamFusion.SCAM_SEL);

        assertThrows(IllegalArgumentException.class, () -> new ScamPipeline(allSources, onlySpatial, onlySpatial));
        assertThrows(IllegalArgumentException.class, () -> new ScamPipeline(
                PipelineConfig.of(Stage.COARSE, CamFusion.CAM_ST), onlySpatial, null));
    }

    @Test
    void theSwitchKeepsTheAudioCamOutWhereTheSoundIsIrrelevantOrAbsent() {
        // S hot at (1, 1), SA hot at (6, 6), both passing the soft filter
        FixedCamSources cams = new FixedCamSources((frames, source) -> new SourceCam(source,
                source == Source.S ? peakAt(1, 1) : peakAt(6, 6), CONFIDENT));
        PipelineConfig config = PipelineConfig.of(Stage.COARSE, CamFusion.SCAM_SEL)
                .withSources(EnumSet.of(Source.S, Source.SA)).withSmoothing(false);
        List<FixationMap> spatialOnly = label(new ScamPipeline(config.withSources(EnumSet.of(Source.S)), cams, null),
                3);

        List<FixationMap> switchedOff = label(new ScamPipeline(config, cams, null, (frames, sound) -> false), 3);
        List<FixationMap> withoutSwitch = label(new ScamPipeline(config, cams, null), 3);
        List<Boolean> soundSeen = new ArrayList<>();
        label(new ScamPipeline(config, cams, null, (frames, sound) -> soundSeen.add(sound)), 3);

        assertMapsEqual(spatialOnly, switchedOff);
        assertFalse(sameValues(spatialOnly, withoutSwitch), "without the switch SA takes part");
        assertEquals(List.of(true, true, true), soundSeen, "the synthetic clip has sound on every frame");
    }

    @Test
    void theSwitchKeepsSaDerivedCamsWhereNoOtherSourceIsLeft() {
        SourceCam spatial = new SourceCam(Source.S, peakAt(1, 1), CONFIDENT);
        SourceCam audioVisual = new SourceCam(Source.SA, peakAt(6, 6), CONFIDENT);
        SourceCam audioVisualPlus = new SourceCam(Source.SA, peakAt(5, 5), CONFIDENT);

        assertEquals(List.of(spatial), ScamPipeline.switched(List.of(spatial, audioVisual, audioVisualPlus), false));
        assertEquals(List.of(audioVisual, audioVisualPlus),
                ScamPipeline.switched(List.of(audioVisual, audioVisualPlus), false));
        assertEquals(List.of(spatial, audioVisual), ScamPipeline.switched(List.of(spatial, audioVisual), true));
    }

    /** Coarse maps of a 3-frame clip: S, hot at (1, 1), passes the soft filter; ST, the given map, fails it. */
    private static List<FixationMap> coarse(CamFusion fusion, Set<Source> sources, CamMap spatioTemporal) {
        FixedCamSources cams = new FixedCamSources((frames, source) -> source == Source.S
                ? new SourceCam(source, peakAt(1, 1), CONFIDENT)
                : new SourceCam(source, spatioTemporal, WRONG_CLASS));
        PipelineConfig config = PipelineConfig.of(Stage.COARSE, fusion).withSources(sources).withSmoothing(false);
        return label(new ScamPipeline(config, cams, null), 3);
    }

    private static List<FixationMap> label(ScamPipeline pipeline, int frames) {
        List<FixationMap> maps = new ArrayList<>();
        pipeline.label(CoordinateCodedClip.frames(frames), TAG, maps::add);
        return maps;
    }

    /** An 8 × 8 map, 0 except 1 at (x, y). */
    private static CamMap peakAt(int x, int y) {
        float[] values = new float[64];
        values[y * 8 + x] = 1;
        return CamMap.of(8, 8, values);
    }

    /** A map rising to its bottom-right corner: value 1 + index. */
    private static CamMap ramp(int width, int height) {
        float[] values = new float[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + i;
        }
        return CamMap.of(width, height, values);
    }

    private static void assertMapsEqual(List<FixationMap> expected, List<FixationMap> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).toArray(), actual.get(k).toArray(), 1e-6f, "frame " + k);
        }
    }

    private static boolean sameValues(List<FixationMap> first, List<FixationMap> second) {
        for (int k = 0; k < first.size(); k++) {
            float[] a = first.get(k).toArray();
            float[] b = second.get(k).toArray();
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 1e-6f) {
                    return false;
                }
            }
        }
        return true;
    }
}
