package io.fixate.eval.dataset;

import io.fixate.api.AudioBlock;
import io.fixate.api.VideoFrame;
import io.fixate.codec.output.VideoFileWriter;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes the small files the dataset fixtures are made of, creating parent folders as needed. */
final class Fixtures {

    /** Sample rate of every fixture's sound. */
    static final int SAMPLE_RATE = 16_000;

    private Fixtures() {
    }

    static Path text(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An mp4 of {@code frames} flat-grey frames, frame k of grey level {@link #greyOfFrame(int)}, with a 500 Hz tone
     * as long as the video when {@code withSound}, and no audio track otherwise.
     */
    static Path video(Path file, int width, int height, double frameRate, int frames, boolean withSound)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (VideoFileWriter writer = VideoFileWriter.open(file, width, height, frameRate, SAMPLE_RATE,
                withSound ? 1 : 0)) {
            if (withSound) {
                writer.writeAudio(AudioBlock.ofMono(tone((int) Math.ceil(SAMPLE_RATE * frames / frameRate)),
                        SAMPLE_RATE, 0));
            }
            for (int k = 0; k < frames; k++) {
                byte[] rgb = new byte[width * height * 3];
                Arrays.fill(rgb, (byte) greyOfFrame(k));
                writer.write(VideoFrame.ofRgb(width, height, Math.round(k * 1e6 / frameRate), rgb));
            }
        }
        return file;
    }

    /** The grey level of frame k of a fixture video or frame folder. */
    static int greyOfFrame(int k) {
        return 30 + 40 * k;
    }

    /** A 500 Hz tone of amplitude 0.5. */
    static float[] tone(int samples) {
        float[] tone = new float[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 500 * i / SAMPLE_RATE));
        }
        return tone;
    }

    /** A 16-bit grey PNG, {@code values[y][x]} in 0..65535. */
    static Path png16(Path file, int[][] values) throws IOException {
        BufferedImage image = new BufferedImage(values[0].length, values.length, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < values.length; y++) {
            for (int x = 0; x < values[0].length; x++) {
                image.getRaster().setSample(x, y, 0, values[y][x]);
            }
        }
        return image(file, image, "png");
    }

    /** A flat 16-bit grey PNG. */
    static Path png16(Path file, int width, int height, int value) throws IOException {
        int[][] values = new int[height][width];
        Arrays.stream(values).forEach(row -> Arrays.fill(row, value));
        return png16(file, values);
    }

    /** An 8-bit grey JPEG at the best quality, {@code values[y][x]} in 0..255. */
    static Path greyJpeg(Path file, int[][] values) throws IOException {
        BufferedImage image = new BufferedImage(values[0].length, values.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < values.length; y++) {
            for (int x = 0; x < values[0].length; x++) {
                image.getRaster().setSample(x, y, 0, values[y][x]);
            }
        }
        return image(file, image, "jpg");
    }

    /** A flat grey colour JPEG, as the frames of a STAViS frame folder are. */
    static Path colourJpeg(Path file, int width, int height, int grey) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int rgb = grey << 16 | grey << 8 | grey;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image(file, image, "jpg");
    }

    private static Path image(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed() && format.equals("jpg")) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
        }
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A mono 16-bit PCM WAV of {@code samples} in [-1, 1]. */
    static Path wav(Path file, float[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        ByteBuffer pcm = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            pcm.putShort((short) Math.round(sample * Short.MAX_VALUE));
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format,
                samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** A MAT-file (MATLAB 5 format, written by MFL) holding the variables given as name, array, name, array ... */
    static Path mat(Path file, Object... namesAndArrays) throws IOException {
        Files.createDirectories(file.getParent());
        MatFile mat = Mat5.newMatFile();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            mat.addArray((String) namesAndArrays[i], (Array) namesAndArrays[i + 1]);
        }
        Mat5.writeToFile(mat, file.toFile());
        return file;
    }
}
