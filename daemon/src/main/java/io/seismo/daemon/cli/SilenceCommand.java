package io.seismo.daemon.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seismo silence add|list|expire}: the daemon's silences through its HTTP API, as {@code amtool silence}
 * does for Alertmanager. Exit codes: 0 done, 1 the daemon refused or could not be reached, 2 bad usage.
 */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Mute alerts by label matchers for a while: add, list and expire silences.",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
public final class SilenceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a silence; prints its id. Example: seismo silence add 'service=\"checkout\"' --duration 2h --comment 'deploy'")
    static final class Add implements Callable<Integer> {
        @Mixin
        DaemonAddress daemon = new DaemonAddress();

        @Parameters(arity = "1..*", paramLabel = "MATCHER", description = "Label matchers: name=\"v\", name!=\"v\", name=~\"re\", name!~\"re\".")
        List<String> matchers;

        @Option(names = {"-d", "--duration"}, converter = DurationOption.class, description = "How long it lasts (default 1h).")
        Duration duration;

        @Option(names = "--end", description = "When it ends, as an ISO-8601 instant (instead of --duration).")
        Instant end;

        @Option(names = "--start", description = "When it starts, as an ISO-8601 instant (default: now).")
        Instant start;

        @Option(names = "--comment", description = "Why.")
        String comment = "";

        @Option(names = "--author", description = "Who (default: $USER).")
        String author = System.getenv().getOrDefault("USER", "");

        @Override
        public Integer call() {
            JsonObject body = new JsonObject().put("matchers", new JsonArray(matchers)).put("createdBy", author)
                    .put("comment", comment);
            if (start != null) {
                body.put("startsAt", start.toString());
            }
            if (end != null) {
                body.put("endsAt", end.toString());
            } else {
                body.put("duration", (duration == null ? Duration.ofHours(1) : duration).toMillis() + "ms");
            }
            return exchange(daemon, "/v1/silences", b -> b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)), 201,
                    reply -> System.out.println(new JsonObject(reply).getString("id")));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the silences (expired ones for a day after).")
    static final class ListSilences implements Callable<Integer> {
        @Mixin
        DaemonAddress daemon = new DaemonAddress();

        @Option(names = "--state", description = "Only pending, active or expired ones.")
        String state;

        @Option(names = "--json", description = "Print the raw JSON.")
        boolean json;

        @Override
        public Integer call() {
            String path = "/v1/silences" + (state == null ? "" : "?state=" + state);
            return exchange(daemon, path, HttpRequest.Builder::GET, 200,
                    reply -> print(new JsonArray(reply), json, System.out));
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true, description = "End silences now.")
    static final class Expire implements Callable<Integer> {
        @Mixin
        DaemonAddress daemon = new DaemonAddress();

        @Parameters(arity = "1..*", paramLabel = "ID", description = "The ids that 'seismo silence add' printed.")
        List<String> ids;

        @Override
        public Integer call() {
            int worst = 0;
            for (String id : ids) {
                worst = Math.max(worst, exchange(daemon, "/v1/silences/" + id, HttpRequest.Builder::DELETE, 200,
                        reply -> System.out.println("expired " + id)));
            }
            return worst;
        }
    }

    static void print(JsonArray silences, boolean json, PrintStream out) {
        if (json) {
            out.println(silences.encodePrettily());
            return;
        }
        out.printf("%-36s  %-8s  %-20s  %-10s  %s%n", "ID", "STATE", "ENDS", "BY", "MATCHERS / COMMENT");
        for (int i = 0; i < silences.size(); i++) {
            JsonObject s = silences.getJsonObject(i);
            out.printf("%-36s  %-8s  %-20s  %-10s  %s%s%n", s.getString("id"), s.getString("state"),
                    s.getString("endsAt").replaceFirst("\\.\\d+Z$", "Z"), s.getString("createdBy"),
                    String.join(", ", s.getJsonArray("matchers").stream().map(String::valueOf).toList()),
                    s.getString("comment", "").isEmpty() ? "" : "  # " + s.getString("comment"));
        }
    }

    /** Sends one request; prints the daemon's error and returns 1 unless it answers {@code expected}. */
    private static int exchange(DaemonAddress daemon, String path, java.util.function.UnaryOperator<HttpRequest.Builder> method,
                                int expected, java.util.function.Consumer<String> onReply) {
        try {
            HttpResponse<String> response = daemon.send(method.apply(daemon.request(path)).build());
            if (response.statusCode() != expected) {
                System.err.println("seismo: " + daemon.baseUrl() + path + " answered " + response.statusCode() + ": "
                        + errorOf(response.body()));
                return 1;
            }
            onReply.accept(response.body());
            return 0;
        } catch (IOException e) {
            System.err.println("seismo: no daemon answers at " + daemon.baseUrl() + " (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String errorOf(String body) {
        try {
            return new JsonObject(body).getString("error", body);
        } catch (DecodeException | ClassCastException e) {
            return body;
        }
    }
}
