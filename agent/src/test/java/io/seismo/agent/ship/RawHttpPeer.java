package io.seismo.agent.ship;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 that speaks HTTP/1.1 by hand, one thread per connection, for what a well-behaved
 * server library will not do on demand: close a kept-alive connection, never answer, stop reading.
 */
final class RawHttpPeer implements AutoCloseable {
    /** What the peer does with one accepted connection. */
    interface Conversation {
        void have(Socket socket, RawHttpPeer peer) throws IOException;
    }

    /** A request as read off the wire. */
    record Request(String head, byte[] body) {
    }

    private final ServerSocket server;
    private final Conversation conversation;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RawHttpPeer(Conversation conversation) throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.conversation = conversation;
        Thread acceptor = new Thread(this::accept, "raw-http-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/ingest");
    }

    int connections() {
        return connections.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Reads one request: the head up to its blank line, then as many body bytes as its Content-Length says. */
    Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) { // CR LF CR LF: the blank line that ends the head
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            lastFour = lastFour << 8 | b;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        Request request = new Request(text, in.readNBytes(length));
        requests.add(request);
        return request;
    }

    static void answer(Socket socket, String statusAndHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write((statusAndHeaders + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread talk = new Thread(() -> talk(socket), "raw-http-peer-connection");
                talk.setDaemon(true);
                talk.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket socket) {
        try (socket) {
            conversation.have(socket, this);
        } catch (IOException e) {
            // the client went away, or the test closed the peer
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
