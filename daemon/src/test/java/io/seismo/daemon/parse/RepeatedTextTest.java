package io.seismo.daemon.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedTextTest {

    @Test
    void shouldHandOutTheSameStringOnceATextRepeated() {
        RepeatedText repeated = new RepeatedText(64);
        char[] line = "level=ERROR service=checkout level=ERROR".toCharArray();

        String first = repeated.of(line, 6, 11);
        String second = repeated.of(line, 6, 11);
        String third = repeated.of(line, 35, 40);
        String fourth = repeated.of("ERROR".toCharArray(), 0, 5);

        assertThat(first).isEqualTo("ERROR");
        assertThat(second).isEqualTo("ERROR").isNotSameAs(first);
        assertThat(third).isSameAs(second);
        assertThat(fourth).isSameAs(second);
    }

    @Test
    void shouldKnowATextOnlyOnceItIsKept() {
        RepeatedText repeated = new RepeatedText(64);
        char[] line = "user=ann user=ann user=ann".toCharArray();

        assertThat(repeated.known(line, 5, 8)).isNull(); // seen once: not kept, nothing made
        String kept = repeated.known(line, 14, 17);
        assertThat(kept).isEqualTo("ann");
        assertThat(repeated.known(line, 23, 26)).isSameAs(kept);
        assertThat(repeated.of(line, 5, 8)).isSameAs(kept);
    }

    @Test
    void shouldHandOutTheSameStringWhetherATextIsReadAsBytesOrCharacters() {
        RepeatedText repeated = new RepeatedText(64);
        byte[] bytes = "service=checkout-eu".getBytes(StandardCharsets.US_ASCII);
        char[] chars = "checkout-eu".toCharArray();

        assertThat(repeated.known(bytes, 8, 19)).isNull();
        String kept = repeated.known(chars, 0, 11); // the second sighting in a row, read the other way
        assertThat(kept).isEqualTo("checkout-eu");
        assertThat(repeated.known(bytes, 8, 19)).isSameAs(kept);
        assertThat(repeated.of(bytes, 8, 19)).isSameAs(kept);
    }

    @Test
    void shouldKeepAFrequentTextAgainstRareOnesSeenAroundIt() {
        RepeatedText repeated = new RepeatedText(4);
        char[] frequent = "frequent".toCharArray();
        repeated.of(frequent, 0, frequent.length);
        String kept = repeated.of(frequent, 0, frequent.length);
        for (int i = 0; i < 64; i++) {
            // Each rare text is seen twice, but never twice in a row: the frequent one is seen in between.
            char[] rare = ("rare-" + i).toCharArray();
            repeated.of(rare, 0, rare.length);
            assertThat(repeated.known(frequent, 0, frequent.length)).isSameAs(kept);
            assertThat(repeated.known(frequent, 0, frequent.length)).isSameAs(kept);
            repeated.of(rare, 0, rare.length);
        }
    }

    @Test
    void shouldNotKeepTextThatNeverRepeats() {
        RepeatedText repeated = new RepeatedText(4);
        char[] service = "checkout".toCharArray();
        repeated.of(service, 0, 8);
        String kept = repeated.of(service, 0, 8);
        for (int i = 0; i < 1_000; i++) {
            char[] trace = ("trace-" + i + "-of-a-long-run").toCharArray();
            repeated.of(trace, 0, trace.length);
        }
        // Unique texts only ever mark a slot; what repeated is still handed out.
        assertThat(repeated.of(service, 0, 8)).isSameAs(kept);
    }

    @Test
    void shouldAlwaysReturnTheTextAskedForWhateverCollidesAndHoweverItIsRead() {
        RepeatedText repeated = new RepeatedText(8);
        SplittableRandom random = new SplittableRandom(11);
        char[] alphabet = {'a', 'b', 'A', 'B', '0', '.'};
        char[] text = new char[40];
        for (int round = 0; round < 50_000; round++) {
            // Short and long texts, many alike at both ends, in 8 slots: slots and hashes collide often.
            int length = random.nextInt(2) == 0 ? random.nextInt(5) : 17 + random.nextInt(20);
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (length > 16) {
                Arrays.fill(text, 2, 10, 'a'); // long texts that differ only in the middle
                Arrays.fill(text, 2 + length - 8, 2 + length, 'b');
            }
            String expected = new String(text, 2, length);
            if (random.nextBoolean()) {
                assertThat(repeated.of(text, 2, 2 + length)).isEqualTo(expected);
            } else {
                byte[] ascii = new String(text).getBytes(StandardCharsets.US_ASCII);
                assertThat(repeated.of(ascii, 2, 2 + length)).isEqualTo(expected);
            }
        }
    }
}
