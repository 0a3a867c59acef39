package io.fixate.importer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.VideoFrame;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.FrameNormalisation;
import io.fixate.spi.djl.FramePreprocessor;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.MobileNetV2;
import io.fixate.spi.djl.nn.VisualEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MobileNetV2 of {@code ../shared/models}, imported and run as the SDK's encoder plus its ImageNet head. */
class MobileNetV2ImportTest {

    private static final String SOURCE = "tf2_mobilenet_v2_1.0_224_ptq.tflite";
    private static final String SOURCE_SHA256 = "5d3137241276e79c86d14a74fe43581398ae0e815191d3dba45495b810840e8c";
    private static final int INPUT = 224;
    private static final int TOP = 5;

    @TempDir
    static Path imported;

    @BeforeAll
    static void importOnce() throws IOException {
        EncoderImporter.ImportedEncoder result = SharedModels.imported(SOURCE, imported, MobileNetV2.NAME,
                MobileNetV2.CLASSES);
        assertEquals(SOURCE_SHA256, result.sourceSha256());
    }

    @Test
    void catPhotoHasACatClassInTopFive() throws IOException {
        List<String> top = topClasses("cat_720p.jpg");
        assertTrue(top.stream().anyMatch(List.of("Egyptian cat", "tabby", "tiger cat")::contains), top::toString);
    }

    @Test
    void birdPhotoHasABirdInTopFive() throws IOException {
        List<String> top = topClasses("bird.jpg");
        // the ImageNet bird classes the photo can be taken for; the top-5 must hold one of them
        List<String> birds = List.of("brambling", "goldfinch", "house finch", "junco", "indigo bunting", "robin",
                "bulbul", "jay", "magpie", "chickadee", "water ouzel", "kite", "bald eagle", "vulture",
                "great grey owl", "hummingbird", "jacamar", "bee eater", "hornbill", "coucal", "lorikeet", "toucan");
        assertTrue(top.stream().anyMatch(birds::contains), top::toString);
    }

    @Test
    void folderRecordsSourceLicenceAndClasses() throws IOException {
        String manifest = Files.readString(imported.resolve(EncoderFolder.MANIFEST));
        assertTrue(manifest.contains(SOURCE_SHA256), manifest);
        assertTrue(manifest.contains("\"licence\": \"Apache-2.0\""), manifest);
        List<String> classes = EncoderFolder.classes(imported, MobileNetV2.NAME);
        assertEquals("background", classes.get(0));
        assertEquals("tabby, tabby cat", classes.get(282));
    }

    @Test
    void flippedByteInWeightsIsRefused(@TempDir Path copy) throws IOException {
        for (Path file : Files.list(imported).toList()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path weights = EncoderFolder.weightsOf(copy, EncoderFolder.ENCODER);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(weights, bytes);
        try (NDManager manager = NDManager.newBaseManager()) {
            VisualEncoder encoder = Encoders.visual(MobileNetV2.NAME);
            encoder.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, INPUT, INPUT));
            CorruptWeightsException e = assertThrows(CorruptWeightsException.class, () ->
                    EncoderFolder.load(encoder.block(), manager, copy, MobileNetV2.NAME, EncoderFolder.ENCODER));
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    /** The first names of the five classes with the highest logits for a check image. */
    private static List<String> topClasses(String image) throws IOException {
        VideoFrame frame = frame(SharedModels.file("check-images/" + image));
        List<String> classes = EncoderFolder.classes(imported, MobileNetV2.NAME);
        try (NDManager manager = NDManager.newBaseManager()) {
            VisualEncoder encoder = Encoders.visual(MobileNetV2.NAME);
            assertEquals(FrameNormalisation.SIGNED_UNIT, encoder.input());
            Block head = MobileNetV2.classifierHead();
            encoder.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, INPUT, INPUT));
            head.initialize(manager, DataType.FLOAT32, new Shape(1, encoder.channels(), INPUT / encoder.stride(),
                    INPUT / encoder.stride()));
            EncoderFolder.load(encoder.block(), manager, imported, MobileNetV2.NAME, EncoderFolder.ENCODER);
            EncoderFolder.load(head, manager, imported, MobileNetV2.NAME, EncoderFolder.CLASSIFIER);
            NDArray pixels = FramePreprocessor.evaluation(INPUT, encoder.input()).apply(frame, manager).expandDims(0);
            ParameterStore parameters = new ParameterStore(manager, false);
            NDList features = encoder.block().forward(parameters, new NDList(pixels), false);
            float[] logits = head.forward(parameters, features, false).singletonOrThrow().toFloatArray();
            List<String> top = SharedModels.top(logits, classes, TOP).stream().map(name -> name.split(",")[0])
                    .toList();
            System.out.println(image + " top-" + TOP + ": " + top);
            return top;
        }
    }

    private static VideoFrame frame(Path jpeg) throws IOException {
        BufferedImage image = ImageIO.read(jpeg.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int at = (y * image.getWidth() + x) * 3;
                rgb[at] = (byte) (pixel >> 16);
                rgb[at + 1] = (byte) (pixel >> 8);
                rgb[at + 2] = (byte) pixel;
            }
        }
        return VideoFrame.ofRgb(image.getWidth(), image.getHeight(), 0, rgb);
    }
}
