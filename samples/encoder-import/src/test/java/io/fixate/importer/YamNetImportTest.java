package io.fixate.importer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.fixate.api.FrameWithAudio;
import io.fixate.codec.MediaReader;
import io.fixate.codec.ReadOptions;
import io.fixate.importer.tflite.TfliteModel;
import io.fixate.spi.djl.EncoderFolder;
import io.fixate.spi.djl.nn.AudioEncoder;
import io.fixate.spi.djl.nn.Encoders;
import io.fixate.spi.djl.nn.YamNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAMNet of {@code ../shared/models}, imported and run on the soundtracks of real clips. */
class YamNetImportTest {

    private static final String SOURCE = "yamnet.tflite";
    /** One window a second of the clip, each 0.975 s of 16 kHz mono. */
    private static final long WINDOW_SPACING_MICROS = 1_000_000;
    private static final int TOP = 3;

    @TempDir
    static Path imported;

    @BeforeAll
    static void importOnce() throws IOException {
        SharedModels.imported(SOURCE, imported, YamNet.NAME, YamNet.CLASSES);
    }

    @Test
    void gridSpeakerIsSpeech() {
        List<String> top = topClasses(SharedModels.file("../media/grid/bbaf2n.mpg"));
        assertEquals("Speech", top.get(0), top::toString);
    }

    @Test
    void bigBuckBunnySoundtrackIsMusic() {
        List<String> top = topClasses(SharedModels.file("../media/real/media_big_buck_bunny_0_30.webm"));
        assertEquals("Music", top.get(0), top::toString);
    }

    @Test
    void theMelFilterbankIsTheOneInTheFile() throws IOException {
        TfliteModel model = TfliteModel.read(ByteBuffer.wrap(Files.readAllBytes(SharedModels.file(SOURCE))), SOURCE);
        float[] sdk = YamNet.melFilterbank();
        // the file's third matrix product is the mel one, (64, 257) band by bin, quantised to 8 bits
        int operator = 0;
        int seen = 0;
        while (seen < 3) {
            if (model.operators().get(operator++).builtinCode() == TfliteModel.FULLY_CONNECTED) {
                seen++;
            }
        }
        int weights = model.operators().get(operator - 1).inputs()[1];
        float[] file = model.values(weights);
        float step = model.tensors().get(weights).quantisation().scale()[0];
        for (int band = 0; band < 64; band++) {
            for (int bin = 0; bin < 257; bin++) {
                assertEquals(file[band * 257 + bin], sdk[bin * 64 + band], step, "band " + band + " bin " + bin);
            }
        }
    }

    /** The classes with the highest mean score (a sigmoid per class, as YAMNet) over the clip's windows. */
    private static List<String> topClasses(Path clip) {
        List<float[]> windows = windows(clip);
        List<String> classes = EncoderFolder.classes(imported, YamNet.NAME);
        try (NDManager manager = NDManager.newBaseManager()) {
            AudioEncoder encoder = Encoders.audio(YamNet.NAME);
            assertEquals(AudioEncoder.Input.WAVEFORM, encoder.input());
            int samples = encoder.requirement().windowSamples();
            Block head = YamNet.classifierHead();
            encoder.block().initialize(manager, DataType.FLOAT32, new Shape(1, samples));
            head.initialize(manager, DataType.FLOAT32, new Shape(1, encoder.embeddingSize()));
            EncoderFolder.load(encoder.block(), manager, imported, YamNet.NAME, EncoderFolder.ENCODER);
            EncoderFolder.load(head, manager, imported, YamNet.NAME, EncoderFolder.CLASSIFIER);
            float[] batch = new float[windows.size() * samples];
            for (int i = 0; i < windows.size(); i++) {
                System.arraycopy(windows.get(i), 0, batch, i * samples, samples);
            }
            NDArray input = manager.create(batch, new Shape(windows.size(), samples));
            ParameterStore parameters = new ParameterStore(manager, false);
            NDList embedding = encoder.block().forward(parameters, new NDList(input), false);
            float[] scores = Activation.sigmoid(head.forward(parameters, embedding, false).singletonOrThrow())
                    .mean(new int[] {0}).toFloatArray();
            List<String> top = SharedModels.top(scores, classes, TOP);
            System.out.println(clip.getFileName() + " top-" + TOP + " over " + windows.size() + " windows: " + top);
            return top;
        }
    }

    /** 15600 raw samples around every second of the clip. */
    private static List<float[]> windows(Path clip) {
        List<float[]> windows = new ArrayList<>();
        long next = WINDOW_SPACING_MICROS / 2;
        try (MediaReader reader = MediaReader.open(clip, ReadOptions.of(YamNet.REQUIREMENT))) {
            for (FrameWithAudio frame = reader.read(); frame != null; frame = reader.read()) {
                if (frame.frame().timestampMicros() >= next && frame.audioPresent()) {
                    windows.add(frame.audio().copyInterleaved());
                    next += WINDOW_SPACING_MICROS;
                }
            }
        }
        assertTrue(windows.size() >= 2, clip + " gave " + windows.size() + " windows");
        return windows;
    }
}
