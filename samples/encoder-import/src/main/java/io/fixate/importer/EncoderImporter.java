package io.fixate.importer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.fixate.importer.tflite.TfliteModel;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.WeightsFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Imports a pretrained TensorFlow Lite network as SDK encoder weights: reads the file, recognises the network,
 * dequantises its layers into the SDK's encoder block and the network's classifier, and writes an {@link
 * EncoderFolder} recording the source file's name, SHA-256 and licence and the classifier's class names. Needs a DJL
 * engine at run time (the blocks are initialised to receive the weights); what it writes is loaded with DJL alone.
 */
public final class EncoderImporter {

    private EncoderImporter() {
    }

    /** What an import wrote. */
    public record ImportedEncoder(String encoder, Path folder, String sourceSha256, int classes) {
    }

    /**
     * Imports {@code tflite} into {@code outDir}, taking the class names from the labels file published beside it
     * ({@code imagenet_labels.txt} for MobileNetV2, {@code yamnet_class_map.csv} for YAMNet).
     *
     * @throws EncoderImportException when the file or its labels cannot be read, or are damaged or unknown
     * @throws IOException            when the folder cannot be written
     */
    public static ImportedEncoder importFile(Path tflite, Path outDir) throws IOException {
        return importFile(tflite, null, outDir);
    }

    /**
     * Imports {@code tflite} into {@code outDir} with the class names of {@code labels} (null: the labels file
     * published beside the network).
     *
     * @throws EncoderImportException when the file or its labels cannot be read, or are damaged or unknown
     * @throws IOException            when the folder cannot be written
     */
    public static ImportedEncoder importFile(Path tflite, Path labels, Path outDir) throws IOException {
        byte[] bytes = readInput(tflite);
        String name = tflite.getFileName().toString();
        TfliteModel model = TfliteModel.read(ByteBuffer.wrap(bytes), name);
        List<LayerWeights> all = LayerWeights.of(model);
        ImportableNetwork network = ImportableNetwork.recognise(all);
        if (network == null) {
            throw new UnknownNetworkException(name + " is a TensorFlow Lite model but none the importer knows"
                    + " (MobileNetV2 1.0 ImageNet, YAMNet)");
        }
        List<LayerWeights> layers = network.imported(all);
        Path labelsFile = labels != null ? labels : tflite.resolveSibling(network.labelsFile());
        List<String> classes = network.classes(new String(readInput(labelsFile), StandardCharsets.UTF_8)
                .lines().toList());
        if (classes.size() != network.classCount()) {
            throw new EncoderImportException(labelsFile + " names " + classes.size() + " classes, " + name + " has "
                    + network.classCount());
        }
        JsonObject files = new JsonObject();
        try (NDManager manager = NDManager.newBaseManager()) {
            Iterator<LayerWeights> remaining = layers.iterator();
            Block encoder = filled(network.encoder(), network.encoderInput(), remaining, manager, network, name);
            Block classifier = filled(network.classifier(), network.classifierInput(), remaining, manager, network,
                    name);
            if (remaining.hasNext()) {
                throw new UnknownNetworkException(name + " has layers after the " + network.encoderName()
                        + " classifier (" + remaining.next().name() + ")");
            }
            Files.createDirectories(outDir);
            files.add(EncoderFolder.ENCODER, save(encoder, outDir, network, EncoderFolder.ENCODER));
            files.add(EncoderFolder.CLASSIFIER, save(classifier, outDir, network, EncoderFolder.CLASSIFIER));
        }
        String sha256 = ProviderFiles.sha256Hex(bytes);
        ProviderFiles.writeAtomically(outDir.resolve(EncoderFolder.MANIFEST), manifest(network, name, sha256, files,
                classes).getBytes(StandardCharsets.UTF_8));
        return new ImportedEncoder(network.encoderName(), outDir, sha256, classes.size());
    }

    /** The folder's {@code encoder.json}: encoder, source file with SHA-256 and licence, weights files, classes. */
    private static String manifest(ImportableNetwork network, String sourceName, String sourceSha256,
                                   JsonObject files, List<String> classes) {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", EncoderFolder.FORMAT);
        manifest.addProperty(EncoderFolder.ENCODER, network.encoderName());
        JsonObject source = new JsonObject();
        source.addProperty("file", sourceName);
        source.addProperty("sha256", sourceSha256);
        source.addProperty("licence", ImportableNetwork.LICENCE);
        manifest.add("source", source);
        manifest.add("files", files);
        JsonArray names = new JsonArray();
        classes.forEach(names::add);
        manifest.add("classes", names);
        return new GsonBuilder().setPrettyPrinting().create().toJson(manifest);
    }

    /** {@code block} initialised and filled from the next layers, each checked to have its parameters' shapes. */
    private static Block filled(Block block, Shape input, Iterator<LayerWeights> layers, NDManager manager,
                                ImportableNetwork network, String source) {
        block.initialize(manager, DataType.FLOAT32, input);
        Iterator<Pair<String, Parameter>> parameters = block.getParameters().iterator();
        while (parameters.hasNext()) {
            Parameter weight = parameters.next().getValue();
            Parameter bias = parameters.hasNext() ? parameters.next().getValue() : null;
            if (!layers.hasNext() || bias == null) {
                throw new UnknownNetworkException(source + " has fewer layers than " + network.encoderName());
            }
            LayerWeights layer = layers.next();
            fill(weight, layer.weightShape(), layer.weight(), layer, source);
            fill(bias, new Shape(layer.bias().length), layer.bias(), layer, source);
        }
        return block;
    }

    /** Saves {@code part}'s weights into {@code folder}; returns the folder's record of them. */
    private static JsonObject save(Block block, Path folder, ImportableNetwork network, String part)
            throws IOException {
        Path weights = EncoderFolder.weightsOf(folder, part);
        WeightsFile.save(block, weights, EncoderFolder.modelId(network.encoderName(), part));
        JsonObject record = new JsonObject();
        record.addProperty("file", weights.getFileName().toString());
        record.addProperty("sha256", ProviderFiles.sha256Hex(weights));
        return record;
    }

    private static void fill(Parameter parameter, Shape shape, float[] values, LayerWeights layer, String source) {
        Shape expected = parameter.getArray().getShape();
        // a 1×1 convolution on pooled features is the linear layer that DJL holds as (out, in): same data
        if (!withoutTrailingOnes(expected).equals(withoutTrailingOnes(shape))) {
            throw new UnknownNetworkException(source + ": layer " + layer.name() + " has shape " + shape + " where "
                    + parameter.getName() + " has " + expected);
        }
        parameter.getArray().set(FloatBuffer.wrap(values));
    }

    private static Shape withoutTrailingOnes(Shape shape) {
        int rank = shape.dimension();
        while (rank > 1 && shape.get(rank - 1) == 1) {
            rank--;
        }
        return shape.slice(0, rank);
    }

    private static byte[] readInput(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EncoderImportException("no such file: " + file, e);
        } catch (IOException e) {
            throw new EncoderImportException("cannot read " + file + ": " + WeightsFile.reason(e), e);
        }
    }
}
