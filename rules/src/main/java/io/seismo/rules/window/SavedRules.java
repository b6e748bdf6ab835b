package io.seismo.rules.window;

import io.seismo.rules.state.CorruptStateException;

/**
 * The rules whose conditions saved windows recorded, and which of the rules sharing the windows now each of
 * them is: saved rule {@code i}'s bit in a key moves to bit {@code now[i]}, or is dropped ({@code -1}) when that
 * rule is gone or was changed, so that a changed rule starts with no condition holding.
 */
public final class SavedRules {
    /** Windows saved by one rule, which owns them now. */
    public static final SavedRules ONE = new SavedRules(new int[] {0});

    private final int[] now;

    private SavedRules(int[] now) {
        this.now = now;
    }

    /** @param now per saved rule, its index among the rules sharing the windows now, or -1 */
    public static SavedRules of(int[] now) {
        if (now.length < 1 || now.length > Long.SIZE) {
            throw new CorruptStateException("windows are shared by 1 to " + Long.SIZE + " rules, saved by " + now.length);
        }
        for (int index : now) {
            if (index < -1 || index >= Long.SIZE) {
                throw new IllegalArgumentException("no rule " + index + " can share windows");
            }
        }
        return new SavedRules(now.clone());
    }

    int sharedBy() {
        return now.length;
    }

    long toCurrent(long savedBits) {
        if (now.length < Long.SIZE && savedBits >>> now.length != 0) {
            throw new CorruptStateException("a key holds for rule " + (Long.SIZE - 1 - Long.numberOfLeadingZeros(savedBits))
                    + " of windows saved by " + now.length + " rules");
        }
        long bits = 0;
        for (int saved = 0; saved < now.length; saved++) {
            if ((savedBits & 1L << saved) != 0 && now[saved] >= 0) {
                bits |= 1L << now[saved];
            }
        }
        return bits;
    }
}
