package io.seismo.sink;

import io.vertx.core.Vertx;

/** What sinks share with the daemon: its Vert.x instance (for HTTP clients). */
public record SinkContext(Vertx vertx) {
}
