package io.seismo.daemon.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the Disruptor's fatal default: one bad event is logged, counted and skipped, and the handler
 * keeps running, so one poison line never stalls the pipeline.
 */
final class CountingExceptionHandler implements ExceptionHandler<Slot> {
    private static final Logger LOG = LoggerFactory.getLogger(CountingExceptionHandler.class);
    private final String handler;
    private final CounterDataPoint errors;

    CountingExceptionHandler(String handler, CounterDataPoint errors) {
        this.handler = handler;
        this.errors = errors;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, Slot slot) {
        errors.inc();
        BatchMeta meta = slot == null ? null : slot.meta;
        LOG.warn("{} failed on sequence {} (source {}, offset {}); skipped", handler, sequence,
                meta == null ? "-" : meta.path(), slot == null ? -1 : slot.offset, ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        errors.inc();
        LOG.error("{} failed to start", handler, ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        errors.inc();
        LOG.warn("{} failed to shut down cleanly", handler, ex);
    }
}
