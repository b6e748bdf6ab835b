package io.seismo.tests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a daemon, each bounded by a timeout. */
public final class HttpProbe {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-ndjson")
                .header("Seismo-Service", "probe")
                .header("Seismo-Path", "/probe.log")
                .header("Seismo-Source", "probe-source")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** True once {@code /readyz} answers 200; false while the daemon is starting or not listening. */
    public boolean ready() {
        try {
            return get("/readyz").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The value of an unlabelled sample in {@code /metrics}, or -1 when absent. */
    public double metric(String name) throws IOException, InterruptedException {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return -1;
    }

    /**
     * The sum over every labelled series of a metric; 0 when it has none yet (a labelled counter starts empty).
     * Throws when the daemon does not declare the metric at all, so a renamed metric cannot pass as zero.
     */
    public double metricSum(String name) throws IOException, InterruptedException {
        String body = get("/metrics").body();
        if (!body.contains("# TYPE " + name.replaceFirst("_total$", "") + " ")
                && !body.contains("# TYPE " + name + " ")) {
            throw new IllegalStateException("the daemon's /metrics does not declare " + name);
        }
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return sum;
    }
}
