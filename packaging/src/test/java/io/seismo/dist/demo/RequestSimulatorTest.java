package io.seismo.dist.demo;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00.000Z");
    private static final Route CHECKOUT = new Route("POST /api/checkout", 1, List.of("auth", "catalog", "checkout"));

    private final ServiceGraph graph = ServiceGraph.demo();

    @Test
    void shouldLogEveryServiceACheckoutReachesInOneTrace() {
        List<LogLine> lines = simulator(7).simulate(CHECKOUT, START, Set.of());

        assertThat(lines).extracting(LogLine::service).containsAll(graph.services());
        assertThat(lines).extracting(LogLine::traceId).containsOnly(lines.get(0).traceId());
        assertThat(lines.get(0).traceId()).matches("[0-9a-f]{32}");
        assertThat(lines).allSatisfy(line -> assertThat(line.spanId()).matches("[0-9a-f]{16}"));
    }

    @Test
    void shouldGiveEachServiceOneSpanWhoseParentIsTheCallersSpan() {
        List<LogLine> lines = simulator(7).simulate(CHECKOUT, START, Set.of());
        Map<String, List<LogLine>> byService = lines.stream().collect(groupingBy(LogLine::service));

        byService.forEach((service, own) ->
                assertThat(own).extracting(LogLine::spanId).containsOnly(own.get(0).spanId()));
        assertThat(byService.get("gateway")).extracting(LogLine::parentSpanId).containsOnlyNulls();
        for (String caller : graph.services()) {
            for (String callee : graph.callees(caller)) {
                assertThat(byService.get(callee))
                        .extracting(LogLine::parentSpanId)
                        .containsOnly(byService.get(caller).get(0).spanId());
            }
        }
    }

    @Test
    void shouldStampCallersStartBeforeAndTheirOutcomeAfterTheirCallees() {
        List<LogLine> lines = simulator(11).simulate(CHECKOUT, START, Set.of());
        Map<String, List<LogLine>> byService = lines.stream().collect(groupingBy(LogLine::service));

        for (String caller : graph.services()) {
            List<LogLine> callerLines = byService.get(caller);
            Instant callerStart = callerLines.get(0).timestamp();
            Instant callerEnd = callerLines.get(callerLines.size() - 1).timestamp();
            for (String callee : graph.callees(caller)) {
                assertThat(byService.get(callee)).allSatisfy(line -> assertThat(line.timestamp())
                        .isAfterOrEqualTo(callerStart)
                        .isBeforeOrEqualTo(callerEnd));
            }
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.timestamp()).isAfterOrEqualTo(START));
    }

    @Test
    void shouldWriteOneOrTwoLinesPerServiceWithStatusAndDurationOnTheOutcome() {
        List<LogLine> lines = simulator(3).simulate(CHECKOUT, START, Set.of());
        Map<String, List<LogLine>> byService = lines.stream().collect(groupingBy(LogLine::service));

        byService.forEach((service, own) -> {
            assertThat(own).hasSizeBetween(1, 2);
            LogLine outcome = own.get(own.size() - 1);
            assertThat(outcome.durationMs()).isNotNull().isNotNegative();
            assertThat(outcome.httpStatus()).isEqualTo("payments-db".equals(service) ? null : 200);
        });
        assertThat(byService.get("gateway").get(0).message()).isEqualTo("handling POST /api/checkout");
        assertThat(byService.get("payments").get(1).message()).matches("charged card ending \\d{4} for .* in \\d+ ms");
    }

    @Test
    void shouldPropagateABrokenDatabaseUpToTheGatewayInTheSameTrace() {
        List<LogLine> lines = simulator(5).simulate(CHECKOUT, START, Set.of("payments-db"));
        Map<String, LogLine> outcomes = outcomes(lines);

        assertThat(outcomes.get("payments-db").level()).isEqualTo(Level.ERROR);
        assertThat(outcomes.get("payments-db").message())
                .isIn("connection pool exhausted: 0 of 20 connections available",
                        "timeout acquiring connection after 250 ms");
        assertThat(outcomes.get("payments").message())
                .isEqualTo("database payments-db unavailable: " + outcomes.get("payments-db").message());
        assertThat(outcomes.get("payments").httpStatus()).isEqualTo(503);
        assertThat(outcomes.get("checkout").message()).isEqualTo("upstream payments returned 503");
        assertThat(outcomes.get("gateway").message()).isEqualTo("upstream checkout returned 503");
        assertThat(outcomes.get("gateway").httpStatus()).isEqualTo(502);
        assertThat(List.of("gateway", "checkout", "payments")).allSatisfy(service ->
                assertThat(outcomes.get(service).level()).isEqualTo(Level.ERROR));
        assertThat(List.of("auth", "catalog")).allSatisfy(service ->
                assertThat(outcomes.get(service).level()).isNotEqualTo(Level.ERROR));
    }

    @Test
    void shouldStopCallingOnceAServiceFails() {
        List<LogLine> lines = simulator(5).simulate(CHECKOUT, START, Set.of("auth"));

        assertThat(lines).extracting(LogLine::service).containsOnly("gateway", "auth");
        assertThat(outcomes(lines).get("gateway").message()).isEqualTo("upstream auth returned 503");
    }

    @Test
    void shouldKeepHealthyTrafficFreeOfErrorsWithRareWarnings() {
        RequestSimulator simulator = simulator(1);
        Random routes = new Random(2);
        RequestMix mix = RequestMix.demo();
        List<LogLine> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.addAll(simulator.simulate(mix.pick(routes), START, Set.of()));
        }

        long warnings = lines.stream().filter(line -> line.level() == Level.WARN).count();
        assertThat(lines).extracting(LogLine::level).doesNotContain(Level.ERROR);
        assertThat(warnings).isPositive().isLessThan(lines.size() / 50);
    }

    @Test
    void shouldReproduceTheSameTrafficFromTheSameSeed() {
        RequestSimulator first = simulator(99);
        RequestSimulator second = simulator(99);

        for (int i = 0; i < 50; i++) {
            assertThat(first.simulate(CHECKOUT, START, Set.of()))
                    .isEqualTo(second.simulate(CHECKOUT, START, Set.of()));
        }
    }

    private RequestSimulator simulator(long seed) {
        return new RequestSimulator(graph, DemoScripts.forDemo(), new Random(seed));
    }

    /** The last line each service wrote: the one that carries its status and duration. */
    private static Map<String, LogLine> outcomes(List<LogLine> lines) {
        return lines.stream().collect(toMap(LogLine::service, line -> line, (earlier, later) -> later));
    }
}
