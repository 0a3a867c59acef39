package io.fixate.samples.stavis.nets;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.fixate.api.AudioBlock;
import io.fixate.api.AudioRequirement;
import io.fixate.fixtures.MovingSquareClip;
import io.fixate.fixtures.NdManagerExtension;
import io.fixate.spi.djl.AudioPreprocessor;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NdManagerExtension.class)
class StavisNetTest {

    private static final int SIZE = 32;
    private static final int FRAMES = 4;
    private static final int MAPS = 3;

    private static StavisNet net(NDManager manager, StavisNet.Mode mode, int batch) {
        Engine.getInstance().setRandomSeed(3);
        StavisNet net = new StavisNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT), FRAMES,
                MAPS, mode);
        net.initialize(manager, DataType.FLOAT32, clipShape(batch), sound(manager, batch, true).getShape());
        return net;
    }

    private static Shape clipShape(int batch) {
        return new Shape(batch, FRAMES, 3, SIZE, SIZE);
    }

    /** {@code batch} half-second windows: the fixtures' tone, or silence. */
    private static NDArray sound(NDManager manager, int batch, boolean tone) {
        AudioBlock window = MovingSquareClip.clip().size(8, 8).frames(1, 25).frames(AudioRequirement.DEFAULT).get(0)
                .audio();
        AudioBlock heard = tone ? window : AudioBlock.silence(window.frameCount(), window.sampleRate(), 1, 0);
        return new AudioPreprocessor(Encoders.audio(Encoders.COMPACT)).batch(manager,
                java.util.Collections.nCopies(batch, heard));
    }

    @Test
    void visualModeOutputsTheVisualMapAndOneSideMapPerDepth(NDManager manager) {
        StavisNet net = net(manager, StavisNet.Mode.VISUAL, 2);
        NDList out = net.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(clipShape(2)), sound(manager, 2, true)), false);

        Shape map = new Shape(2, 1, SIZE, SIZE);
        assertEquals(List.of(map, map, map, map), List.of(out.getShapes()), "visual map and the compact encoder's "
                + "three side maps");
        assertArrayEquals(out.getShapes(), net.getOutputShapes(new Shape[] {clipShape(2)}));
    }

    @Test
    void audioVisualModeOutputsTheFusedMapAndTheLocalisationMaps(NDManager manager) {
        StavisNet net = net(manager, StavisNet.Mode.AUDIO_VISUAL, 2);
        NDList out = net.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(clipShape(2)), sound(manager, 2, true)), false);

        assertEquals(List.of(new Shape(2, 1, SIZE, SIZE), new Shape(2, MAPS, SIZE, SIZE)), List.of(out.getShapes()));
        float mean = out.get(0).mean().getFloat();
        assertTrue(mean < -3, "the fusion's offset of −6 starts the map nearly empty, mean logit " + mean);
    }

    /** The pretrained encoders by name: MobileNetV2's depths at strides 8, 16, 32, YAMNet's raw 0.975 s window. */
    @Test
    void buildsOnMobileNetAndYamnet(NDManager manager) {
        StavisNet net = new StavisNet(Encoders.visual(MobileNetV2.NAME), Encoders.audio(YamNet.NAME), FRAMES, MAPS,
                StavisNet.Mode.AUDIO_VISUAL);
        AudioPreprocessor audio = new AudioPreprocessor(net.audioEncoder());
        Shape clip = new Shape(1, FRAMES, 3, 64, 64);
        net.initialize(manager, DataType.FLOAT32, clip, audio.batchShape(1));

        NDList out = net.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(clip),
                manager.randomNormal(audio.batchShape(1))), false);

        assertEquals(List.of(new Shape(1, 1, 64, 64), new Shape(1, MAPS, 64, 64)), List.of(out.getShapes()));
    }

    @Test
    void refusesAClipOfAnotherLength(NDManager manager) {
        StavisNet net = net(manager, StavisNet.Mode.VISUAL, 1);
        assertThrows(IllegalArgumentException.class, () -> net.forward(new ParameterStore(manager, false),
                new NDList(manager.zeros(new Shape(1, FRAMES + 1, 3, SIZE, SIZE)), sound(manager, 1, true)), false));
    }

    /**
     * Silence instead of the tone changes the fused logits exactly by the fusion's weights on the localisation maps
     * times the change of those maps: the sound reaches the map through the localisation maps alone.
     */
    @Test
    void soundChangesTheMapOnlyThroughTheLocalisationMaps(NDManager manager) {
        StavisNet net = net(manager, StavisNet.Mode.AUDIO_VISUAL, 1);
        NDArray clip = manager.randomNormal(clipShape(1));
        NDList heard = net.forward(new ParameterStore(manager, false), new NDList(clip, sound(manager, 1, true)),
                false);
        NDList silent = net.forward(new ParameterStore(manager, false), new NDList(clip, sound(manager, 1, false)),
                false);

        NDArray fusion = Parameters.of(net, "fusion_weight").reshape(-1);
        long visualChannels = fusion.size() - MAPS;
        NDArray weights = fusion.get(visualChannels + ":").reshape(1, MAPS, 1, 1);
        NDArray expected = heard.get(1).sub(silent.get(1)).mul(weights).sum(new int[] {1}, true);
        NDArray change = heard.get(0).sub(silent.get(0));

        assertTrue(change.abs().max().getFloat() > 1e-4, "the sound changes the map");
        assertArrayEquals(expected.toFloatArray(), change.toFloatArray(), 1e-4f);
    }

    @Test
    void theLossReachesTheFirstMixingThroughTheResizes(NDManager manager) {
        StavisNet net = net(manager, StavisNet.Mode.VISUAL, 2);
        NDArray weight = Parameters.of(net, "mixing0_weight");
        weight.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(clipShape(2)), sound(manager, 2, true)), true);
            NDArray target = manager.randomUniform(0, 1, new Shape(2, 1, SIZE, SIZE));
            collector.backward(net.loss().evaluate(new NDList(target), out));
        }
        NDArray gradient = weight.getGradient();
        float size = gradient.abs().sum().getFloat();
        assertTrue(Float.isFinite(size) && size > 0, "gradient of the first Conv3d: " + size);
    }
}
