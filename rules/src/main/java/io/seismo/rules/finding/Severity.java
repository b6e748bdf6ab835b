package io.seismo.rules.finding;

/** How loud a finding is; maps one to one onto the alert's severity label. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
