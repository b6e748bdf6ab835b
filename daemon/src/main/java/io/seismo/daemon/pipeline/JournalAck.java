package io.seismo.daemon.pipeline;

/**
 * Called by the journal handler once every line of a batch is durable (or could not be written), on the
 * journal thread: implementations hand the answer back to their own thread and return at once.
 */
public interface JournalAck {
    void journaled();

    void failed(Throwable cause);
}
