package io.seismo.agent.ship;

import io.seismo.agent.config.DaemonEndpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The request line and headers of a batch's POST, as bytes. What is the same for every batch (the path, the
 * host, the token, the agent's names) is encoded once; each batch adds its source's headers, its offsets and
 * its length. Every value is printable ASCII (see {@link HeaderValues}), so a header cannot be split or forged.
 */
final class RequestHead {
    private final String common;

    RequestHead(DaemonEndpoint endpoint, String agentId, String host) {
        URI url = endpoint.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String authority = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        this.common = "POST " + path + query + " HTTP/1.1\r\n"
                + "Host: " + HeaderValues.safe(authority) + "\r\n"
                + "Authorization: Bearer " + HeaderValues.safe(endpoint.token()) + "\r\n"
                + "Content-Type: " + LineFrame.MEDIA_TYPE + "\r\n"
                + "Seismo-Agent: " + HeaderValues.safe(agentId) + "\r\n"
                + "Seismo-Host: " + HeaderValues.safe(host) + "\r\n";
    }

    byte[] of(Batch batch) {
        String head = common
                + "Seismo-Service: " + HeaderValues.safe(batch.service()) + "\r\n"
                + "Seismo-Path: " + HeaderValues.safe(batch.location()) + "\r\n"
                + "Seismo-Kind: " + batch.source().kind().header() + "\r\n"
                + "Seismo-Source: " + HeaderValues.safe(batch.sourceId()) + "\r\n"
                + "Seismo-First-Offset: " + batch.firstOffset() + "\r\n"
                + "Seismo-Last-Offset: " + batch.lastOffset() + "\r\n"
                + "Content-Length: " + batch.bodyLength() + "\r\n"
                + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }
}
