package io.seismo.dist.demo;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What one service logs for a call.
 *
 * @param entry    the "handling …" line written when the call starts, or null for services that log
 *                 only the outcome
 * @param success  the healthy outcome
 * @param noise    rare irregular outcomes that still succeed; their probabilities add up to at most 1
 * @param failures what the service says when it is broken, one picked at random per call
 */
record ServiceScript(
        Protocol protocol,
        Subject subject,
        Phrase entry,
        Remark success,
        List<Noise> noise,
        List<Remark> failures) {

    ServiceScript {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(success, "success");
        noise = List.copyOf(noise);
        failures = List.copyOf(failures);
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("a service script needs at least one failure remark");
        }
        if (noise.stream().mapToDouble(Noise::probability).sum() > 1) {
            throw new IllegalArgumentException("noise probabilities add up to more than 1");
        }
    }

    /** One draw per call, noisy or not, so the random sequence does not depend on the outcome. */
    Remark outcome(Random random) {
        double ticket = random.nextDouble();
        for (Noise candidate : noise) {
            ticket -= candidate.probability();
            if (ticket < 0) {
                return candidate.remark();
            }
        }
        return success;
    }

    Remark failure(Random random) {
        return failures.get(random.nextInt(failures.size()));
    }
}
