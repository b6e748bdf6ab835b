package io.seismo.agent.ship;

import io.seismo.agent.config.DaemonEndpoint;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The agent's connections to the daemon: opened when every open one is busy, kept alive between requests, the
 * most recently used handed out first (so a quiet agent keeps one warm). An {@code https} URL gets TLS with the
 * host name checked against the daemon's certificate, as a browser would.
 */
final class DaemonConnections implements AutoCloseable {
    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final Duration requestTimeout;
    private final int connectTimeoutMillis;
    private final ConcurrentLinkedDeque<DaemonConnection> idle = new ConcurrentLinkedDeque<>();
    private final Set<DaemonConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param tls the factory for an {@code https} URL's sockets; not used for {@code http} */
    DaemonConnections(DaemonEndpoint endpoint, SSLSocketFactory tls) {
        URI url = endpoint.url();
        boolean secure = url.getScheme().toLowerCase(Locale.ROOT).equals("https");
        this.host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        this.port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        this.tls = secure ? tls : null;
        this.requestTimeout = endpoint.requestTimeout();
        this.connectTimeoutMillis = (int) Math.max(1, endpoint.connectTimeout().toMillis());
    }

    /** An idle connection, or a new one. */
    DaemonConnection take() throws IOException {
        for (DaemonConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (!c.isClosed()) {
                return c;
            }
            open.remove(c);
        }
        return openNew();
    }

    /** A new connection, for a request whose kept-alive one had gone stale. */
    DaemonConnection openNew() throws IOException {
        if (closed) {
            throw new IOException("the agent is stopping");
        }
        Socket raw = new Socket();
        try {
            raw.setTcpNoDelay(true);
            raw.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            Socket socket = tls == null ? raw : handshake(raw);
            DaemonConnection connection = new DaemonConnection(socket, raw, requestTimeout);
            open.add(connection);
            if (closed) {
                release(connection);
                throw new IOException("the agent is stopping");
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Takes a connection back after a request: kept for the next one if the answer allows, else closed. */
    void giveBack(DaemonConnection connection, boolean keepAlive) {
        if (keepAlive && !closed && !connection.isClosed()) {
            idle.addFirst(connection);
            if (closed && idle.remove(connection)) {
                release(connection);
            }
        } else {
            release(connection);
        }
    }

    void release(DaemonConnection connection) {
        open.remove(connection);
        connection.close();
    }

    /** Closes connections whose request has run past its deadline. Called every so often on a timer. */
    void closeOverdue() {
        long now = System.nanoTime();
        for (DaemonConnection connection : open) {
            connection.closeIfOverdue(now);
        }
    }

    /** Closes every connection, idle or busy: a request still on its way fails at once. */
    @Override
    public void close() {
        closed = true;
        for (DaemonConnection connection : open) {
            release(connection);
        }
        idle.clear();
    }

    private Socket handshake(Socket raw) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        // The handshake's reads are bounded like the connect; requests are bounded by their deadline instead.
        raw.setSoTimeout(connectTimeoutMillis);
        socket.startHandshake();
        raw.setSoTimeout(0);
        return socket;
    }
}
