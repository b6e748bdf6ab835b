package io.seismo.daemon.ruletest;

import io.seismo.daemon.parse.ParserSpec;

import java.nio.file.Path;

/** One recorded log file to replay, the service its lines belong to, and how to parse them. */
public record LogInput(Path path, String service, ParserSpec parser) {
}
