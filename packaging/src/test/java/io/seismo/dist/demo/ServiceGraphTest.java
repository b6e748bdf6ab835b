package io.seismo.dist.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {

    private final ServiceGraph demo = ServiceGraph.demo();

    @Test
    void shouldDescribeTheSixDemoServicesEnteringAtTheGateway() {
        assertThat(demo.entry()).isEqualTo("gateway");
        assertThat(demo.services())
                .containsExactly("gateway", "auth", "catalog", "checkout", "payments", "payments-db");
        assertThat(demo.callees("gateway")).containsExactly("auth", "catalog", "checkout");
        assertThat(demo.callees("checkout")).containsExactly("payments");
        assertThat(demo.callees("payments")).containsExactly("payments-db");
        assertThat(demo.callees("catalog")).isEmpty();
    }

    @Test
    void shouldListEveryServiceOnThePathAboveAFailingOne() {
        assertThat(demo.upstreamOf("payments-db")).containsExactlyInAnyOrder("payments", "checkout", "gateway");
        assertThat(demo.upstreamOf("catalog")).containsExactly("gateway");
        assertThat(demo.upstreamOf("gateway")).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownServiceByName() {
        assertThatThrownBy(() -> demo.callees("billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'billing'");
    }

    @Test
    void shouldRejectACallCycle() {
        Map<String, List<String>> calls = new LinkedHashMap<>();
        calls.put("a", List.of("b"));
        calls.put("b", List.of("c"));
        calls.put("c", List.of("a"));

        assertThatThrownBy(() -> new ServiceGraph("a", calls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call cycle");
    }

    @Test
    void shouldRejectACallToAServiceThatIsNotInTheGraph() {
        assertThatThrownBy(() -> new ServiceGraph("a", Map.of("a", List.of("ghost"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a calls unknown service 'ghost'");
    }

    @Test
    void shouldRejectAnEntryThatIsNotInTheGraph() {
        assertThatThrownBy(() -> new ServiceGraph("edge", Map.of("a", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry service 'edge'");
    }
}
