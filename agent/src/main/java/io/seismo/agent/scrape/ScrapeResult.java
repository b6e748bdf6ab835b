package io.seismo.agent.scrape;

/**
 * How one scrape ended: the exposition it returned, or why there is none.
 *
 * @param startedEpochMs when the request was sent: the time of samples without their own timestamp
 * @param exposition     null when the scrape failed
 * @param failure        what went wrong (status, timeout, refused, too large); null on success
 */
public record ScrapeResult(long startedEpochMs, Exposition exposition, String failure) {
    public static ScrapeResult ok(long startedEpochMs, Exposition exposition) {
        return new ScrapeResult(startedEpochMs, exposition, null);
    }

    public static ScrapeResult failed(long startedEpochMs, String failure) {
        return new ScrapeResult(startedEpochMs, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
