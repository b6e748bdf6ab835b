package io.seismo.daemon.parse;

/** Builds the parser a {@link ParserSpec} describes; config validation calls it at start to reject bad specs early. */
public final class ParserFactory {

    private ParserFactory() {
    }

    /**
     * A new parser on every call (parsers are not thread-safe: one per parse thread).
     *
     * @throws IllegalArgumentException naming the problem: unknown format, missing or invalid regex, a regex without
     *                                  a named group, a pattern given to another format, a bad time format or zone
     */
    public static LineParser create(ParserSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("parser spec is missing");
        }
        LogFormat format = LogFormat.named(spec.format());
        if (format != LogFormat.REGEX && spec.pattern() != null && !spec.pattern().isEmpty()) {
            throw new IllegalArgumentException("pattern is only read by format regex, not " + format.configName());
        }
        TimeReader times = TimeReader.create(spec.timeFormat(), spec.timeZone());
        LineParser parser;
        switch (format) {
            case JSON:
                parser = new JsonLineParser(new FieldCollector(times));
                break;
            case LOGFMT:
                parser = new LogfmtLineParser(new FieldCollector(times));
                break;
            case REGEX:
                parser = RegexLineParser.compile(spec.pattern(), new FieldCollector(times));
                break;
            case METRIC:
                parser = new MetricSampleParser();
                break;
            default:
                parser = new RawLineParser();
                break;
        }
        return new FailSafeParser(parser);
    }
}
