package io.seismo.agent.ship;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.seismo.agent.config.DaemonEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSenderTest {
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    private static final char[] STORE_PASSWORD = "test-password".toCharArray();

    private final ExecutorService exchanges = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Lets go of peers that hold a connection without reading or answering. */
    private final CountDownLatch stopStalling = new CountDownLatch(1);

    @AfterEach
    void stopEverything() throws Exception {
        stopStalling.countDown();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        exchanges.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void shouldPostTheBatchWithItsHeadersAndCarryTheNextOneOnTheSameConnection() throws Exception {
        List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<InetSocketAddress> peers = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/ingest", exchange -> {
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(exchange.getRequestBody().readAllBytes());
            peers.add(exchange.getRemoteAddress());
            answer(exchange, "{\"accepted\":" + bodies.size() + "}");
        });
        server.start();
        toClose.add(() -> server.stop(0));
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/ingest");
        BatchSender sender = sender(url, Duration.ofSeconds(10));

        byte[] recycled = "{\"o\":100,\"l\":\"one\"}\n{\"o\":104,\"l\":\"two\"}\nLEFT OVER".getBytes(StandardCharsets.UTF_8);
        int length = recycled.length - "LEFT OVER".length();
        ShipSource source = new ShipSource("dev:ino", "checkout", "/var/log/café.log", ShipSource.Kind.LOG);
        ShipResult first = sender.send(new Batch(source, 100, 108, 2, recycled, length)).get(10, TimeUnit.SECONDS);
        ShipResult second = sender.send(new Batch(source, 108, 112, 1, recycled, 21)).get(10, TimeUnit.SECONDS);

        assertThat(first).isEqualTo(ShipResult.answered(200, java.util.OptionalLong.empty(), "{\"accepted\":1}"));
        assertThat(second.body()).isEqualTo("{\"accepted\":2}");
        assertThat(new String(bodies.get(0), StandardCharsets.UTF_8))
                .isEqualTo("{\"o\":100,\"l\":\"one\"}\n{\"o\":104,\"l\":\"two\"}\n");
        assertThat(bodies.get(1)).isEqualTo(Arrays.copyOf(recycled, 21));
        Map<String, List<String>> sent = headers.get(0);
        assertThat(sent.get("Host")).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        assertThat(sent.get("Authorization")).containsExactly("Bearer secret-token");
        assertThat(sent.get("Content-type")).containsExactly("application/vnd.seismo.lines");
        assertThat(sent.get("Seismo-agent")).containsExactly("agent-1");
        assertThat(sent.get("Seismo-host")).containsExactly("host-1");
        assertThat(sent.get("Seismo-service")).containsExactly("checkout");
        assertThat(sent.get("Seismo-path")).containsExactly("/var/log/caf%C3%A9.log");
        assertThat(sent.get("Seismo-kind")).containsExactly("log");
        assertThat(sent.get("Seismo-source")).containsExactly("dev:ino");
        assertThat(sent.get("Seismo-first-offset")).containsExactly("100");
        assertThat(sent.get("Seismo-last-offset")).containsExactly("108");
        assertThat(headers.get(1).get("Seismo-last-offset")).containsExactly("112");
        assertThat(peers.get(1)).as("the second batch goes over the kept-alive connection").isEqualTo(peers.get(0));
    }

    @Test
    void shouldSendAgainOnAFreshConnectionWhenTheDaemonClosedTheKeptOne() throws Exception {
        // Answers one request per connection without saying it will close, then closes: the next request on that
        // connection finds it gone (closed, or reset if it came before the close) before any answer.
        RawHttpPeer peer = peer((socket, self) -> {
            self.readRequest(socket.getInputStream());
            RawHttpPeer.answer(socket, "HTTP/1.1 200 OK", "{}");
        });
        BatchSender sender = sender(peer.url(), Duration.ofSeconds(10));

        ShipResult first = send(sender, "{\"o\":0,\"l\":\"a\"}\n");
        ShipResult second = send(sender, "{\"o\":2,\"l\":\"b\"}\n");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).as(String.valueOf(second.failure())).isEqualTo(200);
        assertThat(peer.connections()).isEqualTo(2);
        assertThat(peer.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("{\"o\":0,\"l\":\"a\"}\n", "{\"o\":2,\"l\":\"b\"}\n");
    }

    @Test
    void shouldSayWhenTheDaemonHangsUpWithoutAnsweringAndNotSendAgainOnANewConnection() throws Exception {
        RawHttpPeer peer = peer((socket, self) -> self.readRequest(socket.getInputStream()));
        BatchSender sender = sender(peer.url(), Duration.ofSeconds(10));

        ShipResult result = send(sender, "{\"o\":0,\"l\":\"a\"}\n");

        assertThat(result.failure()).isInstanceOf(EOFException.class)
                .hasMessage("the daemon closed the connection without answering");
        assertThat(peer.connections()).as("only a kept-alive connection is tried again").isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnADaemonThatTakesTheRequestButNeverAnswers() throws Exception {
        RawHttpPeer peer = peerThatReadsTheRequestAndNeverAnswers();
        BatchSender sender = sender(peer.url(), Duration.ofMillis(300));

        ShipResult result = send(sender, "{\"o\":0,\"l\":\"a\"}\n");

        assertThat(result.answered()).isFalse();
        assertThat(result.failure()).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("no answer from the daemon within PT0.3S");
        assertThat(peer.connections()).as("a request that timed out is not sent again at once").isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnADaemonThatStopsReadingTheBody() throws Exception {
        RawHttpPeer peer = peer((socket, self) -> stall());
        BatchSender sender = sender(peer.url(), Duration.ofMillis(500));
        byte[] body = new byte[64 << 20]; // more than the loopback's socket buffers hold

        ShipResult result = sender.send(batchOf(body, body.length)).get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.failure()).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void shouldCheckDeadlinesOnlyWhileARequestIsOnItsWay() throws Exception {
        RawHttpPeer peer = peer((socket, self) -> {
            InputStream in = socket.getInputStream();
            if (self.readRequest(in) != null && self.requests().size() > 1) {
                stall();
            }
            RawHttpPeer.answer(socket, "HTTP/1.1 200 OK", "{}");
        });
        BatchSender sender = sender(peer.url(), Duration.ofSeconds(60));
        assertThat(sender.checkingDeadlines()).as("nothing sent yet").isFalse();

        assertThat(send(sender, "{\"o\":0,\"l\":\"a\"}\n").status()).isEqualTo(200);
        awaitChecking(sender, false);
        assertThat(sender.checkingDeadlines()).as("idle after the answer").isFalse();

        var stalled = sender.send(batchOf("{\"o\":2,\"l\":\"b\"}\n"));
        awaitRequests(peer, 2);
        assertThat(sender.checkingDeadlines()).as("a request on its way").isTrue();
        stopStalling.countDown();
        assertThat(stalled.get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        awaitChecking(sender, false);
        assertThat(sender.checkingDeadlines()).as("idle again").isFalse();
    }

    @Test
    void shouldFailAtOnceWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        BatchSender sender = sender(URI.create("http://127.0.0.1:" + port + "/v1/ingest"), Duration.ofSeconds(10));

        ShipResult result = send(sender, "{\"o\":0,\"l\":\"a\"}\n");

        assertThat(result.failure()).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldFailARequestOnItsWayWhenTheSenderCloses() throws Exception {
        RawHttpPeer peer = peerThatReadsTheRequestAndNeverAnswers();
        BatchSender sender = sender(peer.url(), Duration.ofSeconds(60));
        var pending = sender.send(batchOf("{\"o\":0,\"l\":\"a\"}\n"));
        awaitRequests(peer, 1);

        sender.close();

        ShipResult result = pending.get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.answered()).isFalse();
        assertThat(result.failure()).isNotInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void shouldSpeakTlsAndCheckTheDaemonsNameAgainstItsCertificate(@TempDir Path dir) throws Exception {
        KeyStore store = selfSignedFor127001(dir);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        serverContext.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/v1/ingest", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, "{\"accepted\":1}");
        });
        server.start();
        toClose.add(() -> server.stop(0));
        SSLContext clientContext = SSLContext.getInstance("TLS");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        clientContext.init(null, trust.getTrustManagers(), null);
        int port = server.getAddress().getPort();
        BatchSender byAddress = new BatchSender(endpoint(URI.create("https://127.0.0.1:" + port + "/v1/ingest"),
                Duration.ofSeconds(10)), "agent-1", "host-1", exchanges, timer, clientContext.getSocketFactory());
        BatchSender byWrongName = new BatchSender(endpoint(URI.create("https://localhost:" + port + "/v1/ingest"),
                Duration.ofSeconds(10)), "agent-1", "host-1", exchanges, timer, clientContext.getSocketFactory());
        toClose.add(byAddress);
        toClose.add(byWrongName);

        ShipResult trusted = send(byAddress, "{\"o\":0,\"l\":\"a\"}\n");
        ShipResult misnamed = send(byWrongName, "{\"o\":0,\"l\":\"a\"}\n");

        assertThat(trusted.status()).as(String.valueOf(trusted.failure())).isEqualTo(200);
        assertThat(trusted.body()).isEqualTo("{\"accepted\":1}");
        assertThat(misnamed.failure()).as("the certificate names 127.0.0.1, not localhost")
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldLetGoOfTheBodyOnceTheDaemonAnsweredWhileTheConnectionStaysOpen() throws Exception {
        RawHttpPeer peer = peer((socket, self) -> {
            InputStream in = socket.getInputStream();
            while (self.readRequest(in) != null) {
                RawHttpPeer.answer(socket, "HTTP/1.1 200 OK", "{}");
            }
        });
        BatchSender sender = sender(peer.url(), Duration.ofSeconds(10));

        WeakReference<byte[]> body = sendLargeBatch(sender);

        assertThat(peer.requests()).singleElement().satisfies(r -> assertThat(r.body()).hasSize(4 << 20));
        assertThat(collectedWithin(body, LONGEST_WAIT))
                .as("the body of an answered batch is unreachable while the sender and its connection live")
                .isTrue();
        Reference.reachabilityFence(sender);
    }

    private static WeakReference<byte[]> sendLargeBatch(BatchSender sender) throws Exception {
        byte[] array = new byte[4 << 20];
        Arrays.fill(array, (byte) 'x');
        ShipResult result = sender.send(batchOf(array, array.length)).get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(200);
        return new WeakReference<>(array);
    }

    private static boolean collectedWithin(WeakReference<?> reference, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (reference.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }

    private BatchSender sender(URI url, Duration timeout) {
        BatchSender sender = new BatchSender(endpoint(url, timeout), "agent-1", "host-1", exchanges, timer);
        toClose.add(sender);
        return sender;
    }

    private RawHttpPeer peer(RawHttpPeer.Conversation conversation) throws IOException {
        RawHttpPeer peer = new RawHttpPeer(conversation);
        toClose.add(peer);
        return peer;
    }

    private static DaemonEndpoint endpoint(URI url, Duration timeout) {
        return new DaemonEndpoint(url, "secret-token", timeout);
    }

    private static ShipResult send(BatchSender sender, String body) throws Exception {
        return sender.send(batchOf(body)).get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Batch batchOf(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return batchOf(bytes, bytes.length);
    }

    private static Batch batchOf(byte[] body, int length) {
        return new Batch(new ShipSource("src-1", "svc", "/var/log/a.log", ShipSource.Kind.LOG), 0, length, 1, body, length);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A daemon that takes a whole request and then never answers. */
    private RawHttpPeer peerThatReadsTheRequestAndNeverAnswers() throws IOException {
        return peer((socket, self) -> {
            self.readRequest(socket.getInputStream());
            stall();
        });
    }

    /** Holds the connection without reading or answering until the test ends (bounded all the same). */
    private void stall() {
        try {
            stopStalling.await(LONGEST_WAIT.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitChecking(BatchSender sender, boolean checking) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (sender.checkingDeadlines() != checking && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void awaitRequests(RawHttpPeer peer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (peer.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(peer.requests()).hasSize(count);
    }

    /** A key pair whose certificate names only the address 127.0.0.1, made with the JDK's keytool. */
    private static KeyStore selfSignedFor127001(Path dir) throws Exception {
        Path file = dir.resolve("daemon.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "daemon", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=seismo-test", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }
}
