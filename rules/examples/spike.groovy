// Spike rules: fire when a key's count in the current window jumps against its own recent past, resolve
// when it no longer does.
//
//   where { … }      which events count (sees service, level, message, traceId, host, attr('x'));
//                    default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   window …         the current window, usually tumbling(size); default: tumbling(1.minute)
//   baseline …       the trailing period before the current window, a whole number of windows;
//                    default: 30.minutes
//   fireWhen { … }   sees current (events in the current window) and baseline (mean events per window
//                    over the trailing period, the current window left out)
//   severity …, labels …   as for threshold rules
//
// A key the rule has not seen before has a baseline of 0 until its history fills, so ask for a minimum
// current count too. Findings report current and baseline.

spike('login-failure-spike') {
    where { message.contains('authentication failure') }
    by { attr('user') }
    window tumbling(1.minute)
    baseline 30.minutes
    fireWhen { current > 3 * baseline && current >= 20 }
    labels team: 'security'
}
