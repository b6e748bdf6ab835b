package io.seismo.agent.tail;

/** Where verified lines go (the file's open batch); it may refuse a line when full, and is offered it again later. */
@FunctionalInterface
public interface LineSink {
    boolean offer(Line line);
}
