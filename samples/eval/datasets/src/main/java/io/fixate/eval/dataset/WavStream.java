package io.fixate.eval.dataset;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptMediaException;
import io.fixate.api.UnsupportedMediaException;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAV file read block by block as float audio at its own sample rate and channel count, through Java Sound (PCM of
 * 8 to 32 bits, and 32-bit float). Not thread-safe; close it to release the file.
 */
final class WavStream implements AutoCloseable {

    /** Sample frames per block: a tenth of a second at 44.1 kHz, small enough to keep memory flat. */
    private static final int BLOCK_FRAMES = 4096;

    private final Path file;
    private final AudioInputStream floats;
    private final int sampleRate;
    private final int channels;
    private final byte[] buffer;
    private long framesRead;

    private WavStream(Path file, AudioInputStream floats) {
        this.file = file;
        this.floats = floats;
        AudioFormat format = floats.getFormat();
        this.sampleRate = Math.round(format.getSampleRate());
        this.channels = format.getChannels();
        this.buffer = new byte[BLOCK_FRAMES * format.getFrameSize()];
    }

    /**
     * Opens {@code file}.
     *
     * @throws UncheckedIOException      if the file is missing or unreadable
     * @throws CorruptMediaException     if it is not a WAV file Java Sound recognises
     * @throws UnsupportedMediaException if its sample encoding cannot be converted to float
     */
    static WavStream open(Path file) {
        DatasetFiles.requireFile(file);
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            AudioInputStream source = AudioSystem.getAudioInputStream(raw);
            AudioFormat in = source.getFormat();
            AudioFormat floatFormat = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, in.getSampleRate(), Float.SIZE,
                    in.getChannels(), in.getChannels() * Float.BYTES, in.getSampleRate(), false);
            if (in.getSampleRate() <= 0 || in.getChannels() <= 0
                    || !AudioSystem.isConversionSupported(floatFormat, in)) {
                throw new UnsupportedMediaException(file + " holds audio as " + in + ", which cannot be read as float"
                        + " samples");
            }
            return new WavStream(file, AudioSystem.getAudioInputStream(floatFormat, source));
        } catch (UnsupportedAudioFileException e) {
            closeAfterFailure(raw, e);
            throw new CorruptMediaException(file + " is not a WAV file Java Sound can read: " + e.getMessage(), e);
        } catch (IOException e) {
            closeAfterFailure(raw, e);
            throw new CorruptMediaException(file + " is a damaged WAV file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailure(raw, e);
            throw e;
        }
    }

    private static void closeAfterFailure(InputStream raw, Exception failure) {
        try {
            raw.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The next block of interleaved float samples, timed from the start of the file, or {@code null} at the end.
     *
     * @throws CorruptMediaException if reading fails part way
     */
    AudioBlock next() {
        int bytes;
        try {
            bytes = floats.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new CorruptMediaException(file + ": reading audio failed after " + framesRead + " sample frames: "
                    + e.getMessage(), e);
        }
        int frames = bytes / (channels * Float.BYTES);
        if (frames == 0) {
            return null;
        }
        float[] samples = new float[frames * channels];
        ByteBuffer.wrap(buffer, 0, frames * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                .get(samples);
        long timestamp = Math.round(framesRead * 1_000_000.0 / sampleRate);
        framesRead += frames;
        return AudioBlock.ofInterleaved(samples, sampleRate, channels, timestamp);
    }

    @Override
    public void close() {
        try {
            floats.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
