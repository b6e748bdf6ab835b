package io.seismo.daemon.cli;

import io.seismo.daemon.config.DaemonConfig;
import io.seismo.daemon.config.DaemonConfigLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a command reaches a running daemon: {@code --url}, else the address in {@code --config}, else
 * {@code http://127.0.0.1:7070}; and, for calls that change something, a bearer token from {@code --token},
 * {@code --token-file} or the first of the config's tokens.
 */
public final class DaemonAddress {
    private static final String DEFAULT_URL = "http://127.0.0.1:7070";

    @Option(names = "--url", description = "The daemon's base URL (default: from --config, else " + DEFAULT_URL + ").")
    String url;

    @Option(names = {"-c", "--config"}, description = "Read the daemon's address (and token) from this seismo.yaml.")
    Path config;

    @Option(names = "--token", description = "Bearer token for calls that change something (default: --token-file, else the config's first token).")
    String token;

    @Option(names = "--token-file", description = "Read the bearer token from this file.")
    Path tokenFile;

    /**
     * Made on first use: picocli builds this mixin for every command of every process, the daemon and the
     * agent included, and each client starts a selector thread.
     */
    private HttpClient client;

    String baseUrl() {
        if (url != null) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        if (config != null) {
            DaemonConfig loaded = loadedConfig();
            String host = loaded.listenHost().equals("0.0.0.0") ? "127.0.0.1" : loaded.listenHost();
            return "http://" + host + ":" + loaded.listenPort();
        }
        return DEFAULT_URL;
    }

    /** A request to {@code path} of the daemon, carrying the token when one is known. */
    HttpRequest.Builder request(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        String bearer = bearerToken();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        }
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String bearerToken() throws IOException {
        if (token != null) {
            return token;
        }
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        if (config != null) {
            DaemonConfig loaded = loadedConfig();
            return loaded.tokens().isEmpty() ? null : loaded.tokens().get(0);
        }
        return null;
    }

    private DaemonConfig loadedConfig() {
        return new DaemonConfigLoader(System.getenv()).load(config);
    }
}
