package io.seismo.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedNamesTest {

    @Test
    void shouldHandOutOneStringPerNameUpToItsBound() {
        SharedNames names = new SharedNames(2);
        String checkout = names.share(new String("checkout"));

        assertThat(names.share(new String("checkout"))).isSameAs(checkout);
        String payments = names.share(new String("payments"));
        assertThat(names.share(new String("payments"))).isSameAs(payments);
        String third = new String("ledger");
        assertThat(names.share(third)).isSameAs(third);
        assertThat(names.share(new String("ledger"))).isNotSameAs(third).isEqualTo("ledger");
        assertThat(names.share(null)).isNull();
    }
}
