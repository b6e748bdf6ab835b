// Ratio rules: fire when the share of a key's events that match the numerator meets a condition over a
// window, resolve when it stops.
//
//   denominator { … } which events count toward the total (also written where { … }); default: every log event
//   numerator { … }   which of those events are the numerator (required)
//   by { … }          what to group by; default: by service (findings then carry a `service` label)
//   window …          sliding(size, every) or tumbling(size); default: sliding(1.minute, 10.seconds)
//   fireWhen { … }    the condition over one key's window: numerator, total (or denominator), ratio
//                     (numerator / total, 0 on an empty window); require a minimum total so a quiet
//                     key with one failure does not read as 100 %
//   severity …, labels …   as for threshold rules
//
// Numerator events that the denominator does not count are ignored.

ratio('checkout-5xx-ratio') {
    denominator { service == 'checkout' && attr('status') != null }
    numerator { attr('status').startsWith('5') }
    by { attr('route') }
    window sliding(5.minutes, 30.seconds)
    fireWhen { ratio > 0.05 && total >= 100 }
    severity CRITICAL
    labels team: 'payments'
}
