package io.seismo.bench.e2e;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server on a free loopback port, with {@code TCP_NODELAY} on its connections as the daemon's
 * Vert.x server has. Without it the server's answer (headers, then body, in two writes) waits for the client's
 * delayed ACK: about 40 ms added to every request, which made the stand-in, not the agent, set the pace.
 */
final class LoopbackHttpServer {
    static {
        // Read once, when the JDK's server configuration first loads: set before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServer() {
    }

    /** A started server answering every path with {@code handler}. */
    static HttpServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }
}
