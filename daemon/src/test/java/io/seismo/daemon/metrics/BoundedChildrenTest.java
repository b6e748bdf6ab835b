package io.seismo.daemon.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedChildrenTest {
    private final Counter overflowed = Counter.builder().name("overflowed").build();

    @Test
    void shouldGiveEachValueItsOwnChildUpToTheCap() {
        BoundedChildren<String> children = new BoundedChildren<>(2, v -> "child-" + v, overflowed.labelValues());

        assertThat(children.child("a")).isEqualTo("child-a");
        assertThat(children.child("b")).isEqualTo("child-b");
        assertThat(children.child("a")).isSameAs(children.child("a"));
        assertThat(overflowed.get()).isZero();
    }

    @Test
    void shouldShareTheOverflowChildPastTheCapAndCountEachUse() {
        BoundedChildren<String> children = new BoundedChildren<>(2, v -> "child-" + v, overflowed.labelValues());
        children.child("a");
        children.child("b");

        assertThat(children.child("c")).isEqualTo("child-other");
        assertThat(children.child("d")).isEqualTo("child-other");
        assertThat(children.child("a")).isEqualTo("child-a");
        assertThat(overflowed.get()).isEqualTo(2.0);
    }

    @Test
    void shouldReportMissingValuesAsUnknownWithoutUsingAPlace() {
        BoundedChildren<String> children = new BoundedChildren<>(1, v -> "child-" + v, overflowed.labelValues());

        assertThat(children.child(null)).isEqualTo("child-unknown");
        assertThat(children.child(" ")).isEqualTo("child-unknown");
        assertThat(children.child("a")).isEqualTo("child-a");
    }

    @Test
    void shouldNeverAdmitMoreThanTheCapUnderConcurrentFirstUse() throws Exception {
        Set<String> created = ConcurrentHashMap.newKeySet();
        BoundedChildren<String> children = new BoundedChildren<>(10, v -> {
            created.add(v);
            return v;
        }, overflowed.labelValues());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        children.child("v" + (i * 4 + thread));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasSize(11).contains("other");
        assertThat(overflowed.get()).isEqualTo(390.0);
    }

    @Test
    void shouldRefuseACapBelowOne() {
        assertThatThrownBy(() -> new BoundedChildren<>(0, v -> v, overflowed.labelValues()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
