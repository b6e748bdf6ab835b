package io.seismo.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CharKeyedEntryTest {

    @Test
    void shouldHashAndCompareAsTheStringOfItsCharactersWhateverItHeldBefore() {
        SplittableRandom random = new SplittableRandom(7);
        Key key = new Key();
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            key.setKey(new StringBuilder(text));

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
    void shouldTakeHashAndCompareCharactersLentInAnArrayAsThoseGivenOneByOne() {
        SplittableRandom random = new SplittableRandom(9);
        Key fromArray = new Key();
        Key fromChars = new Key();
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            // The lent array is longer than the text and holds other characters past it.
            char[] lent = (text + "tail").toCharArray();
            LentChars view = new LentChars(lent, text.length());
            fromArray.setKey(view);
            fromChars.setKey(new StringBuilder(text));

            assertThat(fromArray.toString()).isEqualTo(text);
            assertThat(fromArray.stringHash()).isEqualTo(text.hashCode());
            assertThat(SlotIndex.stringHash(view)).isEqualTo(text.hashCode());
            assertThat(fromChars.contentEquals(view)).isTrue();
            assertThat(fromChars.contentEquals(new LentChars(lent, text.length() + 1))).isFalse();
            if (!text.isEmpty()) {
                lent[random.nextInt(text.length())] ^= 1;
                assertThat(fromChars.contentEquals(view)).isFalse();
                assertThat(fromArray.contentEquals(text)).as("a copy, not the lent array").isTrue();
            }
        }
    }

    @Test
    void shouldReadCharactersOneByOneFromAViewWithoutAnArray() {
        LentChars noArray = new LentChars(null, 0) {
            @Override
            public int length() {
                return 3;
            }

            @Override
            public char charAt(int index) {
                return "abc".charAt(index);
            }
        };
        Key key = new Key();
        key.setKey(noArray);

        assertThat(key.toString()).isEqualTo("abc");
        assertThat(key.contentEquals(noArray)).isTrue();
        assertThat(SlotIndex.stringHash(noArray)).isEqualTo("abc".hashCode());
    }

    @Test
    void shouldKeepItsArrayForShorterKeys() {
        Key key = new Key();
        key.setKey("0123456789abcdef0123456789abcdef");
        key.setKey("abc");

        assertThat(key.keyCapacity()).isEqualTo(32);
        assertThat(key.toString()).isEqualTo("abc");
        assertThat(key.stringHash()).isEqualTo("abc".hashCode());
    }

    @Test
    void shouldBeFiledInAMapUnderItsCharacters() {
        AccessOrderMap<Key> map = new AccessOrderMap<>();
        Key key = new Key();
        key.setKey("0af3");
        map.put(key);

        assertThat(map.get(new StringBuilder("0af3"))).isSameAs(key);
        assertThat(map.get("0af4")).isNull();
        assertThat(key.mapKey()).hasToString("0af3");
        assertThat(key.mapKeyHash()).isEqualTo("0af3".hashCode());
    }

    /** An entry and nothing more. */
    private static final class Key extends CharKeyedEntry {
    }

    /** The first {@code length} characters of an array, lent as a {@link CharArrayView}. */
    private static class LentChars implements CharArrayView {
        private final char[] chars;
        private final int length;

        LentChars(char[] chars, int length) {
            this.chars = chars;
            this.length = length;
        }

        @Override
        public char[] charArray() {
            return chars;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
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
