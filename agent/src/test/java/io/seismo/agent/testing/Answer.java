package io.seismo.agent.testing;

/** How the fake daemon answers one request: a status and, optionally, {@code Retry-After} seconds. */
public record Answer(int status, Integer retryAfterSeconds) {
    public static Answer ok() {
        return new Answer(200, null);
    }

    public static Answer status(int status) {
        return new Answer(status, null);
    }

    public static Answer status(int status, int retryAfterSeconds) {
        return new Answer(status, retryAfterSeconds);
    }

    /** Never answers: the request stays open until the client gives up or the server closes. */
    public static Answer never() {
        return new Answer(0, null);
    }

    public boolean accepts() {
        return status == 200;
    }
}
