package io.fixate.provider.scam.nets;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fixate.spi.djl.nn.Encoders;

import java.util.Arrays;

/** The three nets with compact encoders and random inputs of a given frame size, for the tests. */
enum Nets {
    S(1), ST(3), SA(1);

    static final int BATCH = 2;
    static final int CLASSES = 4;
    static final int SPECTROGRAM_FRAMES = 48;

    private final int frames;

    Nets(int frames) {
        this.frames = frames;
    }

    ScamNet create() {
        return switch (this) {
            case S -> new SNet(Encoders.visual(Encoders.COMPACT), CLASSES);
            case ST -> new StNet(Encoders.visual(Encoders.COMPACT), CLASSES);
            case SA -> new SaNet(Encoders.visual(Encoders.COMPACT), Encoders.audio(Encoders.COMPACT), CLASSES);
        };
    }

    Shape[] inputShapes(int batch, int height, int width) {
        Shape frame = new Shape(batch, 3, height, width);
        if (this == SA) {
            return new Shape[] {frame, new Shape(batch, 1, 257, SPECTROGRAM_FRAMES)};
        }
        Shape[] shapes = new Shape[frames];
        Arrays.fill(shapes, frame);
        return shapes;
    }

    /** A net initialised for {@code height × width} frames. */
    ScamNet initialized(NDManager manager, int height, int width) {
        ScamNet net = create();
        net.initialize(manager, DataType.FLOAT32, inputShapes(BATCH, height, width));
        return net;
    }

    /** Uniform random inputs: frames in [0, 1), spectrograms standard normal (they are z-scored). */
    NDList randomInputs(NDManager manager, int batch, int height, int width) {
        NDList inputs = new NDList();
        for (Shape shape : inputShapes(batch, height, width)) {
            inputs.add(shape.get(1) == 3 ? manager.randomUniform(0, 1, shape) : manager.randomNormal(shape));
        }
        return inputs;
    }

    static NDList infer(ScamNet net, NDManager manager, NDList inputs) {
        return net.forward(new ParameterStore(manager, false), inputs, false);
    }
}
