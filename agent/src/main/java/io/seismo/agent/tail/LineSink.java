package io.seismo.agent.tail;

/**
 * Where verified lines go (the file's open batch); it may refuse a line when full, and is offered it again later.
 * The line is a view valid during the call only: a sink copies what it keeps (the batch encodes it).
 */
@FunctionalInterface
public interface LineSink {
    boolean offer(LineView line);
}
