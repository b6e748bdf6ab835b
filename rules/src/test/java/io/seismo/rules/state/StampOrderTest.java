package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StampOrderTest {

    @Test
    void shouldOrderShuffledStampsAsASortWould() {
        SplittableRandom random = new SplittableRandom(7);
        long[] stamps = random.longs(100_000, 1_000, 50_000_000).distinct().toArray();

        assertThat(order(stamps)).isEqualTo(expectedOrder(stamps));
    }

    @Test
    void shouldOrderStampsTooFarApartToPackBesideTheirIndexes() {
        long[] stamps = {Long.MAX_VALUE - 5, 3, 1L << 62, 7, Long.MAX_VALUE - 9, 0};

        assertThat(order(stamps)).containsExactly(5, 1, 3, 2, 4, 0);
    }

    @Test
    void shouldOrderStampsThatJustFitBesideTheirIndexes() {
        // Three entries take two bits of index, which leaves 61 for the distance from the smallest stamp.
        long[] stamps = {(1L << 61) - 1 + 100, 100, 101};

        assertThat(order(stamps)).containsExactly(1, 2, 0);
        long[] tooFar = {(1L << 61) + 100, 100, 101}; // shifted past the sign bit, it would sort first
        assertThat(order(tooFar)).containsExactly(1, 2, 0);
    }

    @Test
    void shouldOrderOneStampAndNone() {
        assertThat(order(new long[] {42})).containsExactly(0);
        assertThat(order(new long[0])).isEmpty();
    }

    private static int[] order(long[] stamps) {
        int[] order = new int[stamps.length];
        StampOrder.sort(stamps, stamps.length, new long[stamps.length], order);
        return order;
    }

    private static int[] expectedOrder(long[] stamps) {
        return IntStream.range(0, stamps.length).boxed().sorted(Comparator.comparingLong(i -> stamps[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
