package io.fixate.api;

/** How the map's values inside one block are reduced to the block's value. */
public enum Pooling {
    /** Area-weighted mean: how much attention the block holds on average. */
    MEAN,
    /** Maximum: whether any part of the block is looked at; keeps small salient details. */
    MAX
}
