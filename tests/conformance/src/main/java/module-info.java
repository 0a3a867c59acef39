/**
 * The Fixate provider conformance kit: JUnit 5 dynamic tests that any {@link io.fixate.spi.PredictorProvider} or
 * {@link io.fixate.spi.LabelerProvider} must pass, for third-party provider authors to run in their own builds.
 */
module io.fixate.conformance {
    requires transitive io.fixate.spi;
    requires transitive org.junit.jupiter.api;
    requires io.fixate.test.fixtures;

    exports io.fixate.conformance;
}
