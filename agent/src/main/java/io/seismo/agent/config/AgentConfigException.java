package io.seismo.agent.config;

/**
 * A configuration value the agent refuses to start with. The message always begins with the key that holds
 * the bad value ({@code batch.linger: 'soon' is not a duration ...}) so the operator knows where to look.
 */
public final class AgentConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public AgentConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** What is wrong with the value, without the key. */
    public String problem() {
        return problem;
    }

    /** The dotted path of the offending key, e.g. {@code inputs[1].paths}. */
    public String key() {
        return key;
    }
}
