package io.seismo.daemon.ingest;

import io.seismo.daemon.pipeline.JournalAck;
import io.vertx.core.Context;
import io.vertx.core.Promise;

/** Brings the journal's answer back to the event loop that owns the request (Vert.x: never complete off-context). */
final class ContextAck implements JournalAck {
    private final Context context;
    private final Promise<Void> promise;

    ContextAck(Context context, Promise<Void> promise) {
        this.context = context;
        this.promise = promise;
    }

    @Override
    public void journaled() {
        context.runOnContext(v -> promise.tryComplete());
    }

    @Override
    public void failed(Throwable cause) {
        context.runOnContext(v -> promise.tryFail(cause));
    }
}
