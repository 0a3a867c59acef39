package io.fixate.eval.synth;

/**
 * One object of a clip and everything that decides how it looks at any time.
 *
 * @param role       what the object is for
 * @param category   its category (the clip's own for the event and its twin)
 * @param appearance its look, the category's with the clip's colour jitter
 * @param radius     its size in pixels when not pulsing: half the side of the square its shape fits in
 * @param rotation   its fixed orientation in radians
 * @param motion     where it is over time
 * @param pulse      the envelope its size follows
 * @param voice      the envelope that gates its sound, or {@code null} for a silent object; the pulse itself for an
 *                   event in step with its sound, another envelope where picture and sound part
 * @param presence   when it is on screen
 * @param fast       whether it is the clip's fast-moving distractor
 */
record SceneObject(ObjectRole role, Category category, Appearance appearance, double radius, double rotation,
                   Motion motion, Envelope pulse, Envelope voice, Presence presence, boolean fast) {

    /** How much a full envelope enlarges the object: at envelope 1 its radius is 1 + this times the base. */
    static final double PULSE_GAIN = 0.4;
    /** The farthest any shape reaches from the centre, in radii (the corners of the square). */
    static final double SHAPE_REACH = 1.21;

    /** The largest distance from its centre that the object covers, at the peak of a pulse. */
    static double reach(double radius) {
        return radius * (1 + PULSE_GAIN) * SHAPE_REACH;
    }

    /** Whether the clip's sound comes from this object (at some time). */
    boolean sounding() {
        return voice != null;
    }

    /** This object pulsing with {@code newPulse} and sounding with {@code newVoice} ({@code null}: silent). */
    SceneObject withSound(Envelope newPulse, Envelope newVoice) {
        return new SceneObject(role, category, appearance, radius, rotation, motion, newPulse, newVoice, presence,
                fast);
    }

    /**
     * Position and size in the frame shown at {@code seconds}; the pulse is the root mean square of the envelope over
     * the frame's period {@code [seconds - period / 2, seconds + period / 2)}.
     */
    ObjectState stateAt(double seconds, double framePeriod) {
        double level = pulse.rms(seconds - framePeriod / 2, seconds + framePeriod / 2);
        return new ObjectState(motion.x(seconds), motion.y(seconds), radius * (1 + PULSE_GAIN * level));
    }

    /** Position and size of an object in one frame, in pixels. */
    record ObjectState(double x, double y, double radius) {
    }
}
