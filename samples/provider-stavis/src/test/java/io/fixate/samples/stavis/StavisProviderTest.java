package io.fixate.samples.stavis;

import ai.djl.Device;
import io.fixate.api.AudioRequirement;
import io.fixate.api.Capabilities;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.FixationMap;
import io.fixate.api.FixationPredictor;
import io.fixate.api.FrameWithAudio;
import io.fixate.api.InvalidOptionsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.ModelOptions;
import io.fixate.api.PredictionSession;
import io.fixate.conformance.PredictorConformance;
import io.fixate.fixtures.DamagedWeights;
import io.fixate.samples.stavis.nets.StavisNet;
import io.fixate.spi.djl.LoadedNet;
import io.fixate.spi.djl.WeightsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StavisProviderTest {

    @TempDir
    static Path folder;
    private static Path weights;

    private final StavisProvider provider = new StavisProvider();

    @BeforeAll
    static void saveRandomWeights() {
        weights = RandomStavis.save(folder.resolve("random"), 8);
    }

    private static Path copyOfWeights(String name) throws IOException {
        Path copy = Files.createDirectories(folder.resolve(name));
        try (Stream<Path> files = Files.list(weights)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void declaresTheClipsLookBehindAndLookAheadAndItsAudio() {
        Capabilities declared = provider.info().capabilities();
        assertEquals("stavis", provider.info().name());
        assertEquals(new Capabilities(true, 4, 3, 0, 0, AudioRequirement.DEFAULT, true, List.of()), declared,
                "8 frames centred on the target: 4 before, 3 after; frames of any size");
        try (FixationPredictor opened = provider.open(RandomStavis.options(RandomStavis.save(folder.resolve("six"),
                6)))) {
            assertEquals(3, opened.info().capabilities().contextFrames(), "6 frames: 3 before");
            assertEquals(2, opened.info().capabilities().lookAheadFrames(), "6 frames: 2 after");
            assertEquals(Map.of("visual", "compact", "audio", "compact"), opened.encoders());
        }
    }

    @Test
    void withoutWeightsTheBundledNetPredictsAndAMissingFolderIsNamed() {
        try (FixationPredictor bundled = provider.open(ModelOptions.defaults())) {
            assertEquals(Map.of("visual", "mobilenet-v2", "audio", "compact"), bundled.encoders(),
                    "the encoders of the bundled net, trained on OSIE with an imported MobileNetV2");
            assertEquals(4, bundled.info().capabilities().contextFrames());
            assertEquals(3, bundled.info().capabilities().lookAheadFrames());
            List<FixationMap> maps = bundled.predictClip(RandomStavis.clip(9, 40, 30));
            assertEquals(9, maps.size());
            for (FixationMap map : maps) {
                float[] sorted = map.toArray();
                Arrays.sort(sorted);
                assertTrue(Float.isFinite(sorted[0]) && Float.isFinite(sorted[sorted.length - 1]), "NaN sorts last");
                assertTrue(sorted[sorted.length - 1] > sorted[0], "a map with structure, not a constant");
            }
        }
        MissingWeightsException empty = assertThrows(MissingWeightsException.class,
                () -> provider.open(RandomStavis.options(folder.resolve("nothing-here"))));
        assertTrue(empty.getMessage().contains("manifest.json"), empty.getMessage());
        assertTrue(empty.getMessage().contains("fixate train-predictor --model stavis"), empty.getMessage());
    }

    @Test
    void badOptionsAreRejectedByName() {
        for (String[] property : new String[][] {{"audio", "maybe"}, {"blur", "0.1"}}) {
            ModelOptions options = RandomStavis.options(weights).toBuilder().property(property[0], property[1])
                    .build();
            InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> provider.open(options));
            assertTrue(e.getMessage().contains(property[0]), e.getMessage());
        }
        InvalidOptionsException size = assertThrows(InvalidOptionsException.class,
                () -> provider.open(RandomStavis.options(weights).toBuilder().inputSize(64).build()));
        assertTrue(size.getMessage().contains("32x32"), size.getMessage());
    }

    @Test
    void damagedParametersAreRefusedNamingTheFile() throws IOException {
        Path damaged = copyOfWeights("damaged");
        DamagedWeights.flipMiddleByteBehindTheSidecar(damaged.resolve(StavisWeights.PARAMETERS),
                WeightsFile.manifestOf(damaged.resolve(StavisWeights.PARAMETERS)));

        CorruptWeightsException e = assertThrows(CorruptWeightsException.class,
                () -> provider.open(RandomStavis.options(damaged)));
        assertTrue(e.getMessage().contains(StavisWeights.PARAMETERS), e.getMessage());
    }

    @Test
    void aManifestWithOtherShapesOrAnUnknownEncoderIsRefused() throws IOException {
        Path otherShape = copyOfWeights("other-shape");
        Path manifest = otherShape.resolve(StavisWeights.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"localisationMaps\": 8",
                "\"localisationMaps\": 9"));
        CorruptWeightsException shape = assertThrows(CorruptWeightsException.class,
                () -> provider.open(RandomStavis.options(otherShape)));
        assertTrue(shape.getMessage().contains(StavisWeights.PARAMETERS), shape.getMessage());

        Path otherEncoder = copyOfWeights("other-encoder");
        Path encoderManifest = otherEncoder.resolve(StavisWeights.MANIFEST);
        Files.writeString(encoderManifest, Files.readString(encoderManifest).replace("\"visualEncoder\": \"compact\"",
                "\"visualEncoder\": \"resnet\""));
        CorruptWeightsException encoder = assertThrows(CorruptWeightsException.class,
                () -> provider.open(RandomStavis.options(otherEncoder)));
        assertTrue(encoder.getMessage().contains("resnet"), encoder.getMessage());

        Path missingParameters = copyOfWeights("missing-parameters");
        Files.delete(missingParameters.resolve(StavisWeights.PARAMETERS));
        assertThrows(MissingWeightsException.class, () -> provider.open(RandomStavis.options(missingParameters)));
    }

    @Test
    void predictsOneMapPerFrameAtTheNetsSizeAndAudioOffChangesIt() {
        List<FrameWithAudio> clip = RandomStavis.clip(12, 48, 36);
        List<FixationMap> heard;
        List<FixationMap> silent;
        try (FixationPredictor on = provider.open(RandomStavis.options(weights));
             FixationPredictor off = provider.open(RandomStavis.options(weights).toBuilder().property("audio", "off")
                     .build())) {
            heard = on.predictClip(clip);
            silent = off.predictClip(clip);
        }
        assertEquals(12, heard.size());
        for (int i = 0; i < heard.size(); i++) {
            FixationMap map = heard.get(i);
            assertEquals(32, map.width());
            assertEquals(48, map.frameWidth());
            assertEquals(clip.get(i).frame().timestampMicros(), map.timestampMicros());
        }
        assertFalse(Arrays.equals(heard.get(5).toArray(), silent.get(5).toArray()),
                "silence instead of the tone changes the map");
    }

    @Test
    void nativeArraysReturnToTheirBaselineAfterEveryFrameAndTheFlush() {
        List<FrameWithAudio> clip = RandomStavis.clip(30, 40, 30);
        try (LoadedNet<StavisNet> loaded = StavisWeights.load(weights, Device.cpu());
             PredictionSession session = new StavisSession(loaded, true)) {
            int before = loaded.manager().getManagedArrays().size();
            int maps = 0;
            for (FrameWithAudio input : clip) {
                maps += session.push(input).size();
                assertEquals(before, loaded.manager().getManagedArrays().size(), "arrays after a frame");
            }
            assertEquals(27, maps, "the look-ahead holds back 3 frames");
            assertEquals(3, session.flush().size());
            assertEquals(before, loaded.manager().getManagedArrays().size(), "arrays after the flush");
        }
    }

    @TestFactory
    Stream<DynamicTest> conformsWithRandomWeights() {
        return PredictorConformance.tests(provider, RandomStavis.options(weights));
    }
}
