package io.seismo.dist.demo;

/** Severity of a generated log line, spelled as most logging frameworks print it. */
enum Level {
    INFO,
    WARN,
    ERROR
}
