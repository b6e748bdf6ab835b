package io.seismo.agent.ship;

/**
 * One HTTP response from the daemon, as far as the agent reads it.
 *
 * @param status     the status code
 * @param retryAfter the {@code Retry-After} header as sent, or empty
 * @param body       the start of the body (at most {@link ResponseReader#KEPT_BODY_BYTES} bytes, as UTF-8)
 * @param keepAlive  whether the connection may carry the next request
 */
record DaemonAnswer(int status, String retryAfter, String body, boolean keepAlive) {
}
