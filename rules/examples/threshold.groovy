// Threshold rules: fire when a condition over a window of events holds, resolve when it stops holding.
//
//   where { … }      which events count (sees service, level, message, traceId, host, attr('x'));
//                    default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   window …         sliding(size, every) or tumbling(size); default: sliding(1.minute, 10.seconds)
//   fireWhen { … }   the condition over one key's window: count, errors, warnings, errorRatio
//   severity …       CRITICAL, WARNING (the default) or INFO
//   labels …         extra labels for routing, e.g. team: 'payments'
//   late …           COUNT (the default): an event behind the watermark still counts in the windows not yet
//                    evaluated (a sliding window ending later); DROP: the rule ignores it. Any rule kind takes
//                    it; seismo_rule_late_events_total{rule,action} counts both.
//
// A finding is reported when the condition starts to hold and when it stops, never in between.

threshold('checkout-errors') {
    where { service == 'checkout' && level >= ERROR }
    by { service }
    window sliding(1.minute, 10.seconds)
    fireWhen { count >= 50 && errorRatio > 0.05 }
    severity CRITICAL
    labels team: 'payments'
    late DROP
}

threshold('service-errors') {
    window sliding(30.seconds, 1.second)
    fireWhen { errors >= 5 && errorRatio > 0.2 }
}
