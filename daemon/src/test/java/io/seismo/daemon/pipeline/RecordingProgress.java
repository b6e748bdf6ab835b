package io.seismo.daemon.pipeline;

import com.lmax.disruptor.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A handler's progress as the next stage would see it: each value shown, and what a probe of the value read at
 * that moment.
 */
final class RecordingProgress extends Sequence {
    final List<Long> shown = new ArrayList<>();
    final List<Long> probedWhenShown = new ArrayList<>();
    private final LongUnaryOperator probe;

    RecordingProgress(LongUnaryOperator probe) {
        this.probe = probe;
    }

    @Override
    public void set(long value) {
        shown.add(value);
        probedWhenShown.add(probe.applyAsLong(value));
        super.set(value);
    }
}
