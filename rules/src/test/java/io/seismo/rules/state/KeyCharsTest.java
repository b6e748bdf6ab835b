package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyCharsTest {

    @Test
    void shouldHashAndCompareAsTheStringOfItsCharactersWhateverItHeldBefore() {
        SplittableRandom random = new SplittableRandom(7);
        KeyChars key = new KeyChars();
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            key.set(new StringBuilder(text));

            assertThat(key.stringHash()).isEqualTo(text.hashCode());
            assertThat(key.toString()).isEqualTo(text);
            assertThat(key.length()).isEqualTo(text.length());
            assertThat(key.contentEquals(text)).isTrue();
            assertThat(key.contentEquals(text + "x")).isFalse();
            if (!text.isEmpty()) {
                assertThat(key.contentEquals(text.substring(0, text.length() - 1))).isFalse();
                char[] changed = text.toCharArray();
                changed[random.nextInt(changed.length)] ^= 1;
                assertThat(key.contentEquals(new String(changed))).isFalse();
            }
        }
    }

    @Test
    void shouldKeepItsArrayForShorterKeys() {
        KeyChars key = new KeyChars();
        key.set("0123456789abcdef0123456789abcdef");
        key.set("abc");

        assertThat(key.capacity()).isEqualTo(32);
        assertThat(key.toString()).isEqualTo("abc");
        assertThat(key.stringHash()).isEqualTo("abc".hashCode());
    }

    /** Up to 40 chars: hex ids, and now and then any char at all (surrogates and all). */
    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(41);
        StringBuilder text = new StringBuilder(length);
        boolean anyChar = random.nextInt(4) == 0;
        for (int i = 0; i < length; i++) {
            text.append(anyChar ? (char) random.nextInt(Character.MAX_VALUE + 1) : "0123456789abcdef".charAt(random.nextInt(16)));
        }
        return text.toString();
    }
}
