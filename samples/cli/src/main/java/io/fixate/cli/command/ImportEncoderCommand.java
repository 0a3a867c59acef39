package io.fixate.cli.command;

import io.fixate.cli.ExitCode;
import io.fixate.importer.EncoderImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fixate import-encoder}: a pretrained TensorFlow Lite network into the SDK's encoder weights. */
@Command(name = "import-encoder", mixinStandardHelpOptions = true,
        description = "Import a pretrained TensorFlow Lite network (MobileNetV2 1.0 ImageNet, YAMNet) as encoder"
                + " weights: dequantised, checksummed, with the source file's SHA-256, licence and class names"
                + " (docs/encoders.md).")
public final class ImportEncoderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The .tflite file.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the weights to.")
    Path out;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names, one a line (default: imagenet_labels.txt or yamnet_class_map.csv beside FILE).")
    Path labels;

    @Override
    public Integer call() throws IOException {
        EncoderImporter.ImportedEncoder imported = EncoderImporter.importFile(file, labels, out);
        System.out.println("imported " + imported.encoder() + " (source SHA-256 " + imported.sourceSha256() + ", "
                + imported.classes() + " classes) into " + imported.folder());
        return ExitCode.OK;
    }
}
