package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seismo.rules.event.NameTable;
import io.seismo.rules.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceServicesTest {
    private final ServiceIds ids = new ServiceIds(2);
    private final TraceServices services = new TraceServices(ids);

    @Test
    void shouldKeepServicesInArrivalOrderWithFirstSightingAndFailure() {
        int checkout = add("checkout", 300);
        int payments = add("payments", 200);

        services.seenAt(checkout, 100);
        services.seenAt(payments, 250);
        services.markFailed(payments);

        assertThat(services.size()).isEqualTo(2);
        assertThat(find("checkout")).isEqualTo(checkout).isZero();
        assertThat(find("payments")).isEqualTo(payments).isEqualTo(1);
        assertThat(find("ledger")).isEqualTo(-1);
        assertThat(services.nameAt(payments)).isEqualTo("payments");
        assertThat(services.firstSeenAt(checkout)).isEqualTo(100);
        assertThat(services.firstSeenAt(payments)).isEqualTo(200);
        assertThat(services.failedAt(checkout)).isFalse();
        assertThat(services.failedAt(payments)).isTrue();
    }

    @Test
    void shouldKeepNamesThatGotNoNumberItself() {
        add("checkout", 1);
        add("payments", 2);
        int ledger = add("ledger", 3); // the ids are full: no number
        int fraud = add("fraud", 4);

        assertThat(ids.idOf("ledger")).isEqualTo(ServiceIds.NO_ID);
        assertThat(find("ledger")).isEqualTo(ledger).isEqualTo(2);
        assertThat(find("fraud")).isEqualTo(fraud).isEqualTo(3);
        assertThat(find("search")).isEqualTo(-1);
        assertThat(services.nameAt(ledger)).isEqualTo("ledger");
        assertThat(services.nameAt(fraud)).isEqualTo("fraud");
        assertThat(services.failedAt(ledger)).as("a negative code is not a failure").isFalse();
        services.markFailed(ledger);
        assertThat(find("ledger")).as("found after failing").isEqualTo(ledger);
        assertThat(services.failedAt(ledger)).isTrue();
        assertThat(writtenName(ledger)).isEqualTo(asWritten("ledger"));
        assertThat(writtenName(1)).isEqualTo(asWritten("payments"));
    }

    private byte[] writtenName(int arrival) {
        StateOutput out = new StateOutput(16);
        services.writeNameAt(arrival, out);
        return out.toByteArray();
    }

    private static byte[] asWritten(String name) {
        StateOutput out = new StateOutput(16);
        out.writeString(name);
        return out.toByteArray();
    }

    @Test
    void shouldFindEveryServiceOfALargeTraceThroughItsIndex() {
        ServiceIds manyIds = new ServiceIds(1_000);
        TraceServices large = new TraceServices(manyIds);
        int count = 3 * NameTable.SCAN_LIMIT;
        for (int i = 0; i < count; i++) {
            assertThat(large.add("service-" + i, manyIds.idOf("service-" + i), i)).isEqualTo(i);
        }
        for (int i = 0; i < count; i++) {
            assertThat(large.indexOf("service-" + i, manyIds.idOf("service-" + i))).isEqualTo(i);
            assertThat(large.nameAt(i)).isEqualTo("service-" + i);
        }
        assertThat(large.indexOf("service-" + count, manyIds.idOf("service-" + count))).isEqualTo(-1);

        large.clear();
        assertThat(large.add("service-5", manyIds.idOf("service-5"), 0)).isZero();
        assertThat(large.indexOf("service-5", manyIds.idOf("service-5"))).as("its index is gone too").isZero();
        assertThat(large.indexOf("service-6", manyIds.idOf("service-6"))).isEqualTo(-1);
    }

    @Test
    void shouldStartAClearedTableAfreshKeepingNothingOfItsServices() {
        int checkout = add("checkout", 100);
        services.markFailed(checkout);
        add("ledger", 1);
        add("fraud", 2);

        services.clear();

        assertThat(services.size()).isZero();
        assertThat(find("checkout")).isEqualTo(-1);
        assertThat(find("ledger")).isEqualTo(-1);
        int payments = add("payments", 500);
        assertThat(payments).isZero();
        assertThat(services.failedAt(payments)).as("the last trace's flag").isFalse();
        assertThat(services.firstSeenAt(payments)).isEqualTo(500);
        assertThat(add("search", 600)).isEqualTo(1);
        assertThat(services.nameAt(1)).isEqualTo("search");
    }

    @Test
    void shouldKeepCallsAndServicesApartWhileTheyShareAnArrayThatGrows() {
        // Services and calls added in turn, two cells a service and one a call, so that the array is found full with
        // one cell free as well as none, and each growth has both to move; the sizes cross several doublings.
        int count = 40;
        List<long[]> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertThat(add("svc-" + i, 1_000 + i)).isEqualTo(i);
            for (int caller = i - i % 3; caller < i; caller++) { // none, one or two
                assertThat(services.addCall(caller, i)).isTrue();
                calls.add(new long[] {caller, i});
            }
        }
        assertThat(services.addCall(3, 4)).as("a call recorded already").isFalse();
        assertThat(services.addCall(4, 3)).as("the other way round").isTrue();
        calls.add(new long[] {4, 3});

        assertThat(services.callCount()).isEqualTo(calls.size());
        for (int call = 0; call < calls.size(); call++) {
            assertThat(new long[] {services.callerOf(call), services.calleeOf(call)}).as("call %d", call)
                    .isEqualTo(calls.get(call));
        }
        for (int i = 0; i < count; i++) {
            assertThat(services.nameAt(i)).isEqualTo("svc-" + i);
            assertThat(services.firstSeenAt(i)).isEqualTo(1_000 + i);
            assertThat(services.failedAt(i)).isFalse();
        }

        services.clear();
        assertThat(services.callCount()).isZero();
        assertThat(services.addCall(0, 1)).as("recorded before the clear only").isTrue();
        assertThat(services.callerOf(0)).isZero();
        assertThat(services.calleeOf(0)).isEqualTo(1);
    }

    private int add(String name, long firstNanos) {
        return services.add(name, ids.idOf(name), firstNanos);
    }

    private int find(String name) {
        return services.indexOf(name, ids.idOf(name));
    }
}
