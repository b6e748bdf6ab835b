package io.seismo.sink;

/**
 * Creates sinks of one type ({@code stdout}, {@code webhook}, {@code slack}, ...). Providers are found with
 * {@link java.util.ServiceLoader}: a new sink is one provider class plus a line in
 * {@code META-INF/services/io.seismo.sink.AlertSinkProvider}.
 */
public interface AlertSinkProvider {

    /** The value of {@code type} in the sink configuration that selects this provider. */
    String type();

    /**
     * Builds a sink, or throws {@link IllegalArgumentException} naming the option that is missing or bad.
     */
    AlertSink create(SinkSpec spec, SinkContext context);
}
