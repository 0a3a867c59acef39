package io.fixate.provider.scam.recipe;

import io.fixate.api.AudioBlock;
import io.fixate.api.CorruptWeightsException;
import io.fixate.api.MissingWeightsException;
import io.fixate.api.VideoFrame;
import io.fixate.provider.scam.labeling.GalleryClip;
import io.fixate.provider.scam.maps.SquashedFrame;
import io.fixate.provider.scam.training.TrainingSample;
import io.fixate.spi.ProviderFiles;
import io.fixate.spi.djl.WeightsFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The per-class gallery of the Cross nets (spec §1.1), stored with the labeler's weights: for each class, a few of
 * its training clips, each kept as {@value #FRAGMENTS} fragments spread evenly over the clip (frames squashed to the
 * nets' size, audio windows as decoded). Clips with sound come first, so that SA+ Cross has audio companions.
 *
 * <p>File: the format name, the frame side, then per class the number of clips and per clip the number of fragments,
 * each three RGB frames and, if present, its mono audio (rate, sample count, samples). Its SHA-256 is recorded in the
 * SCAM+ manifest and checked before it is read.
 */
final class CrossGallery {

    static final String FILE = "gallery.bin";
    /** Fragments kept of each gallery clip. */
    static final int FRAGMENTS = 4;

    private static final String FORMAT = "fixate-scam-gallery/1";

    private final int side;
    private final List<List<GalleryClip>> byClass;

    private CrossGallery(int side, List<List<GalleryClip>> byClass) {
        this.side = side;
        this.byClass = byClass;
    }

    /**
     * Up to {@code perClass} clips of each class, drawn by {@code seed} among those with sound (then the silent
     * ones).
     */
    static CrossGallery build(List<DecodedClip> clips, int classes, int perClass, int side, long seed) {
        List<List<GalleryClip>> byClass = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int tag = 0; tag < classes; tag++) {
            int label = tag;
            List<DecodedClip> ofClass = new ArrayList<>(clips.stream().filter(clip -> clip.tag() == label).toList());
            shuffle(ofClass, random);
            ofClass.sort(Comparator.comparing(clip -> clip.node(0, label).audio() == null));
            List<GalleryClip> kept = new ArrayList<>();
            for (DecodedClip clip : ofClass.subList(0, Math.min(perClass, ofClass.size()))) {
                List<TrainingSample> fragments = new ArrayList<>();
                for (int i = 0; i < FRAGMENTS; i++) {
                    TrainingSample node = clip.node((int) ((i + 0.5) * clip.length() / FRAGMENTS), label);
                    fragments.add(new TrainingSample(SquashedFrame.of(node.previous(), side),
                            SquashedFrame.of(node.current(), side), SquashedFrame.of(node.next(), side),
                            node.audio() == null ? null : node.audio().toMono(), label));
                }
                kept.add(new GalleryClip(fragments));
            }
            byClass.add(List.copyOf(kept));
        }
        return new CrossGallery(side, List.copyOf(byClass));
    }

    /** The gallery clips of class {@code tag}; empty where the training data had no clip of it. */
    List<GalleryClip> clipsOf(int tag) {
        return byClass.get(tag);
    }

    void save(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(side);
            out.writeInt(byClass.size());
            for (List<GalleryClip> clips : byClass) {
                out.writeInt(clips.size());
                for (GalleryClip clip : clips) {
                    out.writeInt(clip.length());
                    for (TrainingSample fragment : clip.fragments()) {
                        for (VideoFrame frame : List.of(fragment.previous(), fragment.current(), fragment.next())) {
                            byte[] rgb = new byte[side * side * 3];
                            frame.rgb().get(0, rgb);
                            out.write(rgb);
                        }
                        writeAudio(out, fragment.audio());
                    }
                }
            }
        }
        ProviderFiles.writeAtomically(file, bytes.toByteArray());
    }

    /**
     * Reads the gallery in {@code file}, after checking it against the SHA-256 that {@code record} holds for it.
     *
     * @throws MissingWeightsException when the file is missing
     * @throws CorruptWeightsException when it fails its checksum, is of another format or class count, or is cut
     */
    static CrossGallery load(Path file, String recordedSha256, int classes, Path record) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MissingWeightsException("the SCAM+ gallery " + file + " is missing; train the labeler again");
        } catch (IOException e) {
            throw new CorruptWeightsException("cannot read the SCAM+ gallery " + file + ": " + WeightsFile.reason(e),
                    e);
        }
        WeightsFile.requireSha256(file, recordedSha256, ProviderFiles.sha256Hex(content), record);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            String format = in.readUTF();
            int side = in.readInt();
            int classCount = in.readInt();
            if (!FORMAT.equals(format) || side < 1 || classCount != classes) {
                throw new CorruptWeightsException(file + " is not a SCAM+ gallery of " + classes + " classes");
            }
            List<List<GalleryClip>> byClass = new ArrayList<>();
            for (int tag = 0; tag < classes; tag++) {
                List<GalleryClip> clips = new ArrayList<>();
                for (int clip = in.readInt(); clip > 0; clip--) {
                    List<TrainingSample> fragments = new ArrayList<>();
                    for (int fragment = in.readInt(); fragment > 0; fragment--) {
                        fragments.add(new TrainingSample(readFrame(in, side), readFrame(in, side),
                                readFrame(in, side), readAudio(in), tag));
                    }
                    clips.add(new GalleryClip(fragments));
                }
                byClass.add(List.copyOf(clips));
            }
            return new CrossGallery(side, List.copyOf(byClass));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptWeightsException corrupt) {
                throw corrupt;
            }
            throw new CorruptWeightsException("the SCAM+ gallery " + file + " is damaged: " + WeightsFile.reason(e),
                    e);
        }
    }

    private static void writeAudio(DataOutputStream out, AudioBlock audio) throws IOException {
        out.writeBoolean(audio != null);
        if (audio != null) {
            out.writeInt(audio.sampleRate());
            out.writeLong(audio.timestampMicros());
            float[] samples = audio.copyInterleaved();
            out.writeInt(samples.length);
            for (float sample : samples) {
                out.writeFloat(sample);
            }
        }
    }

    private static AudioBlock readAudio(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int rate = in.readInt();
        long timestamp = in.readLong();
        float[] samples = new float[in.readInt()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = in.readFloat();
        }
        return AudioBlock.ofMono(samples, rate, timestamp);
    }

    private static VideoFrame readFrame(DataInputStream in, int side) throws IOException {
        byte[] rgb = new byte[side * side * 3];
        in.readFully(rgb);
        return VideoFrame.ofRgb(side, side, 0, rgb);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
