package io.seismo.daemon.pipeline;

/**
 * The names of the pipeline's threads, by role, so that top, jstack and the end-to-end benchmark's per-role CPU
 * (which reads /proc, where Linux keeps a name's first 15 characters: "seismo-correlat") tell them apart. The
 * Disruptor's thread factory cannot know which handler a thread will run, so each handler names its own thread
 * from {@code onStart}; until then it carries the factory's {@link #UNSTARTED} name.
 */
final class PipelineThreads {
    static final String UNSTARTED = "seismo-pipeline-";
    static final String JOURNAL = "seismo-journal";
    static final String CORRELATOR = "seismo-correlator";
    private static final String PARSE = "seismo-parse-";

    private PipelineThreads() {
    }

    static String parse(int ordinal) {
        return PARSE + ordinal;
    }

    /** Names the calling thread; on Linux this sets its native name too, since it is the thread itself that asks. */
    static void nameCurrent(String name) {
        Thread.currentThread().setName(name);
    }
}
