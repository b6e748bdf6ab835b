package io.seismo.daemon.ingest;

/** A framed ingest body ({@link LineFrames}) whose headers do not add up; the message says where and how. */
final class MalformedFramesException extends Exception {
    MalformedFramesException(String message) {
        super(message, null, false, false);
    }
}
