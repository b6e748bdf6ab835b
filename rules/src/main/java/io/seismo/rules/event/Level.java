package io.seismo.rules.event;

import java.util.Locale;

/** Severity of a log event, ordered so that rules can write {@code level >= ERROR}. */
public enum Level {
    UNKNOWN, TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** Reads the spellings seen in the wild: syslog, log4j, OpenTelemetry text and numbers, Python. */
    public static Level parse(CharSequence text) {
        if (text == null || text.length() == 0) {
            return UNKNOWN;
        }
        String s = text.toString().trim().toUpperCase(Locale.ROOT);
        switch (s) {
            case "TRACE": case "FINEST": case "FINER":
                return TRACE;
            case "DEBUG": case "FINE": case "DBG":
                return DEBUG;
            case "INFO": case "INFORMATION": case "NOTICE": case "CONFIG": case "I":
                return INFO;
            case "WARN": case "WARNING": case "W":
                return WARN;
            case "ERROR": case "ERR": case "SEVERE": case "E": case "CRIT": case "CRITICAL":
                return ERROR;
            case "FATAL": case "PANIC": case "EMERG": case "EMERGENCY": case "ALERT": case "F":
                return FATAL;
            default:
                return fromOtelSeverityNumber(s);
        }
    }

    /** OpenTelemetry severity_number: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal. */
    private static Level fromOtelSeverityNumber(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 24) {
                return UNKNOWN;
            }
            return values()[1 + (n - 1) / 4];
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    public boolean isErrorOrWorse() {
        return compareTo(ERROR) >= 0;
    }
}
