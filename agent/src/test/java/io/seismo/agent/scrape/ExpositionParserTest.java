package io.seismo.agent.scrape;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExpositionParserTest {
    private final ExpositionParser parser = new ExpositionParser();

    @Test
    void shouldReadTypedFamiliesWithHelpAndTimestamps() {
        Exposition exposition = parser.parse("""
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000

                # A free comment
                # TYPE db_pool_in_use gauge
                db_pool_in_use 48
                metric_without_type 12.5e-1
                """);

        assertThat(exposition.badLines()).isZero();
        assertThat(exposition.samples()).extracting(ScrapedSample::name, ScrapedSample::value, ScrapedSample::timestampMs,
                        ScrapedSample::type)
                .containsExactly(
                        tuple("http_requests_total", 1027.0, 1395066363000L, "counter"),
                        tuple("http_requests_total", 3.0, 1395066363000L, "counter"),
                        tuple("db_pool_in_use", 48.0, ScrapedSample.NO_TIMESTAMP, "gauge"),
                        tuple("metric_without_type", 1.25, ScrapedSample.NO_TIMESTAMP, "untyped"));
        assertThat(exposition.samples().get(0).labels()).isEqualTo(Map.of("method", "post", "code", "200"));
    }

    @Test
    void shouldUnescapeLabelValuesAndAcceptATrailingComma() {
        ScrapedSample sample = parser.parse(
                "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\",} 1.458255915e9\n")
                .samples().get(0);

        assertThat(sample.labels()).containsEntry("path", "C:\\DIR\\FILE.TXT")
                .containsEntry("error", "Cannot find file:\n\"FILE.TXT\"");
        assertThat(sample.value()).isEqualTo(1.458255915e9);
    }

    @Test
    void shouldReadInfinitiesAndNaN() {
        Exposition exposition = parser.parse("a +Inf\nb -Inf\nc NaN\nd{le=\"+Inf\"} 7\n");

        assertThat(exposition.samples()).extracting(ScrapedSample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 7.0);
        assertThat(exposition.samples().get(3).labels()).containsEntry("le", "+Inf");
    }

    @Test
    void shouldGiveHistogramAndSummarySamplesTheirFamilyType() {
        Exposition exposition = parser.parse("""
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.05"} 24054
                http_request_duration_seconds_bucket{le="+Inf"} 144320
                http_request_duration_seconds_sum 53423
                http_request_duration_seconds_count 144320
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.99"} 76656
                rpc_duration_seconds_sum 1.7560473e+07
                rpc_duration_seconds_count 2693
                rpc_duration_seconds_bucket 1
                """);

        assertThat(exposition.samples()).extracting(ScrapedSample::name, ScrapedSample::type).containsExactly(
                tuple("http_request_duration_seconds_bucket", "histogram"),
                tuple("http_request_duration_seconds_bucket", "histogram"),
                tuple("http_request_duration_seconds_sum", "histogram"),
                tuple("http_request_duration_seconds_count", "histogram"),
                tuple("rpc_duration_seconds", "summary"),
                tuple("rpc_duration_seconds_sum", "summary"),
                tuple("rpc_duration_seconds_count", "summary"),
                tuple("rpc_duration_seconds_bucket", "untyped"));
    }

    @Test
    void shouldSkipAndCountBrokenLinesButKeepTheRest() {
        Exposition exposition = parser.parse("""
                good 1
                {no_name="x"} 1
                no_value
                bad_value lots
                unclosed{a="x} 1
                twice{a="1",a="2"} 1
                bad_ts 1 soon
                trailing 1 2 3
                # TYPE x sometype
                also_good{a="b"} 2
                """);

        assertThat(exposition.samples()).extracting(ScrapedSample::name).containsExactly("good", "also_good");
        assertThat(exposition.badLines()).isEqualTo(8);
        assertThat(exposition.firstProblems()).hasSize(3).first().asString().startsWith("line 2:");
    }
}
