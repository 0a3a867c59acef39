package io.fixate.codec.host;

/** Encoding of one PCM sample in a host's audio buffer. */
public enum SampleFormat {
    /** Signed 16-bit integer, scaled to [-1, 1) by 1/32768. */
    S16(2),
    /** Signed 32-bit integer, scaled to [-1, 1) by 1/2^31. */
    S32(4),
    /** 32-bit IEEE float, taken as is. */
    F32(4);

    private final int bytesPerSample;

    SampleFormat(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    /** Bytes one sample of one channel occupies. */
    public int bytesPerSample() {
        return bytesPerSample;
    }
}
