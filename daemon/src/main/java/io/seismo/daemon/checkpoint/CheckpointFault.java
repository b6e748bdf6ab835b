package io.seismo.daemon.checkpoint;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A hook between the steps of writing a checkpoint file, so that tests can stop the write at each step (by
 * throwing) and check what a restart then finds. Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface CheckpointFault {
    /**
     * TEST ONLY: the system property that turns one step into {@code Runtime.halt(137)}, the end-to-end tests'
     * stand-in for a {@code kill -9} at that step. Values: {@code afterWrite}, {@code beforeRename}, {@code afterRename}.
     */
    String CRASH_AT_PROPERTY = "seismo.test.crashAt";

    CheckpointFault NONE = step -> {
    };

    void at(Step step);

    /** The steps of a checkpoint write, in order. */
    enum Step {
        /** The temp file has every byte written, not yet forced to the device. */
        AFTER_WRITE("afterWrite"),
        /** The temp file is forced to the device, not yet renamed to its final name. */
        BEFORE_RENAME("beforeRename"),
        /** The file has its final name; the folder is not yet forced to the device. */
        AFTER_RENAME("afterRename");

        private final String propertyValue;

        Step(String propertyValue) {
            this.propertyValue = propertyValue;
        }

        static Step ofPropertyValue(String value) {
            return Arrays.stream(values()).filter(step -> step.propertyValue.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(CRASH_AT_PROPERTY + "=" + value + " is not one of "
                            + Arrays.stream(values()).map(step -> step.propertyValue).collect(Collectors.joining(", "))));
        }
    }

    /** {@link #NONE}, or a halt at the step named by the {@link #CRASH_AT_PROPERTY} system property (tests only). */
    static CheckpointFault fromSystemProperties() {
        String value = System.getProperty(CRASH_AT_PROPERTY);
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Step crashAt = Step.ofPropertyValue(value.trim());
        return step -> {
            if (step == crashAt) {
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
