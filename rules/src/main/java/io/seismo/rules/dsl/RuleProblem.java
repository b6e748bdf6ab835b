package io.seismo.rules.dsl;

/**
 * One thing wrong with a rule file. Lines and columns count from 1; 0 means the compiler or the DSL could
 * not tell (a column is only known for compile errors).
 */
public record RuleProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, the shape editors and CI annotators understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
