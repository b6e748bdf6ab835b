package io.seismo.daemon.parse;

/**
 * The line as the regex engine sees it, with a budget of character reads. Java's regex engine cannot be timed out
 * and a backtracking pattern can take exponential time on an unlucky line; counting {@link #charAt} calls turns
 * that hang into a failed line. The budget grows with the line so ordinary patterns never come near it.
 */
final class StepLimitedText implements CharSequence {
    static final long BASE_STEPS = 100_000;
    static final long STEPS_PER_CHAR = 1_000;

    /** Thrown when the budget runs out; shared and stackless, since it is expected and must stay cheap. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    private CharSequence text = "";
    private long stepsLeft;

    void reset(CharSequence line) {
        text = line;
        stepsLeft = BASE_STEPS + STEPS_PER_CHAR * line.length();
    }

    @Override
    public char charAt(int index) {
        if (--stepsLeft < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
