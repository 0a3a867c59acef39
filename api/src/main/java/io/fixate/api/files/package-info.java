/**
 * How every Fixate module writes a file or folder so that it appears complete or not at all, even when the process
 * is killed: outputs, weights, checkpoints, label folders and generated benchmarks. Infrastructure shared by the
 * modules rather than part of the model contract: hosts may use it, and it may grow.
 */
package io.fixate.api.files;
