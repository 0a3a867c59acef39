/**
 * No code of its own: this descriptor puts the tests, patched into it, on the module path, so that discovery, the
 * conformance kit and the end-to-end runs see the modules as a host's modular application does.
 */
module io.fixate.tests.integration {
    requires io.fixate.conformance;
    requires io.fixate.test.fixtures;
}
