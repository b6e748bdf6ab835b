package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.state.StateOutput;
import org.junit.jupiter.api.Test;

class ServiceIdsTest {

    @Test
    void shouldNumberEachNameOnceAndHandOutItsFirstStringUpToTheBound() {
        ServiceIds ids = new ServiceIds(2);
        String checkout = new String("checkout");
        int checkoutId = ids.idOf(checkout);
        int paymentsId = ids.idOf(new String("payments"));

        assertThat(ids.idOf(new String("checkout"))).isEqualTo(checkoutId);
        assertThat(paymentsId).isNotEqualTo(checkoutId).isNotNegative();
        assertThat(ids.nameOf(checkoutId)).isSameAs(checkout);
        assertThat(ids.nameOf(paymentsId)).isEqualTo("payments");
        assertThat(ids.idOf("ledger")).as("a new name past the bound").isEqualTo(ServiceIds.NO_ID);
        assertThat(ids.idOf("payments")).as("a known name past the bound").isEqualTo(paymentsId);
    }

    @Test
    void shouldKeepOneEdgeObjectPerPairOfNumberedServices() {
        ServiceIds ids = new ServiceIds(ServiceIds.EDGE_IDS + 10);
        int gateway = ids.idOf("gateway");
        int checkout = ids.idOf("checkout");
        for (int i = 2; i < ServiceIds.EDGE_IDS; i++) {
            ids.idOf("svc-" + i);
        }
        int past = ids.idOf("past-the-kept-edges");

        assertThat(ids.edge(gateway, checkout)).isEqualTo(new ServiceEdge("gateway", "checkout"))
                .isSameAs(ids.edge(gateway, checkout));
        assertThat(ids.edge(checkout, gateway)).isEqualTo(new ServiceEdge("checkout", "gateway"));
        assertThat(past).isEqualTo(ServiceIds.EDGE_IDS);
        assertThat(ids.edge(gateway, past)).isEqualTo(new ServiceEdge("gateway", "past-the-kept-edges"));
    }

    @Test
    void shouldWriteANameAsItsStringIsWritten() {
        ServiceIds ids = new ServiceIds(100);
        String longName = "payments-".repeat(10_000); // past one modified-UTF-8 piece
        for (String name : new String[]{"checkout", "paiements-é", "日本-api", longName, ""}) {
            StateOutput byId = new StateOutput(16);
            ids.writeName(ids.idOf(name), byId);
            StateOutput byString = new StateOutput(16);
            byString.writeString(name);

            assertThat(byId.toByteArray()).as(name.length() > 40 ? "a long name" : name).isEqualTo(byString.toByteArray());
        }
    }

    @Test
    void shouldKeepNamesPastItsFirstArray() {
        ServiceIds ids = new ServiceIds(1_000);
        for (int i = 0; i < 100; i++) {
            assertThat(ids.idOf("service-" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(ids.nameOf(i)).isEqualTo("service-" + i);
            StateOutput written = new StateOutput(16);
            ids.writeName(i, written);
            StateOutput expected = new StateOutput(16);
            expected.writeString("service-" + i);
            assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }
}
