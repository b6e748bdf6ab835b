package io.seismo.dist.demo;

import java.util.Objects;

/** An ordinary irregularity (a slow query, a cache miss) that replaces the normal outcome now and then. */
record Noise(double probability, Remark remark) {

    Noise {
        Objects.requireNonNull(remark, "remark");
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within [0, 1], got " + probability);
        }
    }
}
