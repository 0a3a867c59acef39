package io.fixate.importer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;
import io.fixate.spi.djl.nn.YamNet;

import java.util.ArrayList;
import java.util.List;

/**
 * A network the importer recognises in a TensorFlow Lite file by its layers' shapes, with the SDK blocks its weights
 * go into: the encoder (registered in {@link Encoders}) and the source's classifier on the encoder's output.
 */
enum ImportableNetwork {

    MOBILENET_V2(MobileNetV2.NAME, "imagenet_labels.txt", new Shape(1, 3, 224, 224), new Shape(1, 320, 7, 7), 0,
            new Shape(32, 3, 3, 3), MobileNetV2.CLASSES) {
        @Override
        Block encoder() {
            return Encoders.visual(MobileNetV2.NAME).block();
        }

        @Override
        Block classifier() {
            return MobileNetV2.classifierHead();
        }

        @Override
        List<String> classes(List<String> lines) {
            return lines;
        }
    },

    /** Its first three layers (DFT and mel matrices) are the front end, which the SDK computes exactly. */
    YAMNET(YamNet.NAME, "yamnet_class_map.csv", new Shape(1, YamNet.REQUIREMENT.windowSamples()),
            new Shape(1, YamNet.EMBEDDING_SIZE), 3, new Shape(32, 1, 3, 3), YamNet.CLASSES) {
        @Override
        Block encoder() {
            return Encoders.audio(YamNet.NAME).block();
        }

        @Override
        Block classifier() {
            return YamNet.classifierHead();
        }

        /** {@code index,mid,display_name} lines after a header; a display name with commas is quoted. */
        @Override
        List<String> classes(List<String> lines) {
            List<String> names = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.split(",", 3);
                if (fields.length == 3) {
                    names.add(fields[2].strip().replaceAll("^\"|\"$", ""));
                }
            }
            return names;
        }
    };

    /** The licence of every network the importer knows (TensorFlow Models, Coral test data). */
    static final String LICENCE = "Apache-2.0";

    private final String encoderName;
    private final String labelsFile;
    private final Shape encoderInput;
    private final Shape classifierInput;
    private final int frontEndLayers;
    private final Shape firstLayer;
    private final int classCount;

    ImportableNetwork(String encoderName, String labelsFile, Shape encoderInput, Shape classifierInput,
                      int frontEndLayers, Shape firstLayer, int classCount) {
        this.encoderName = encoderName;
        this.labelsFile = labelsFile;
        this.encoderInput = encoderInput;
        this.classifierInput = classifierInput;
        this.frontEndLayers = frontEndLayers;
        this.firstLayer = firstLayer;
        this.classCount = classCount;
    }

    /** A fresh, uninitialised encoder block. */
    abstract Block encoder();

    /** A fresh, uninitialised classifier block for the encoder's output. */
    abstract Block classifier();

    /** The class names in a labels file's lines, index by index. */
    abstract List<String> classes(List<String> lines);

    String encoderName() {
        return encoderName;
    }

    /** The usual name of the labels file published beside the network. */
    String labelsFile() {
        return labelsFile;
    }

    Shape encoderInput() {
        return encoderInput;
    }

    Shape classifierInput() {
        return classifierInput;
    }

    int classCount() {
        return classCount;
    }

    /** The layers of the file that carry weights into the SDK's blocks, after the front end it computes itself. */
    List<LayerWeights> imported(List<LayerWeights> layers) {
        return layers.subList(frontEndLayers, layers.size());
    }

    /** The network whose first and last layers {@code layers} has, or null. */
    static ImportableNetwork recognise(List<LayerWeights> layers) {
        if (layers.isEmpty()) {
            return null;
        }
        LayerWeights last = layers.get(layers.size() - 1);
        for (ImportableNetwork network : values()) {
            if (layers.size() > network.frontEndLayers
                    && layers.get(network.frontEndLayers).weightShape().equals(network.firstLayer)
                    && last.bias().length == network.classCount) {
                return network;
            }
        }
        return null;
    }
}
