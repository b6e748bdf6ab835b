// Cardinality rules: fire when the number of distinct values per key over a window meets a condition,
// e.g. one source address trying many user names (password spraying); resolve when it stops.
//
//   where { … }      which events count; default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   distinct { … }   the value whose distinct count is taken (events whose value is null are skipped)
//   window …         sliding(size, every) or tumbling(size); default: sliding(1.minute, 10.seconds)
//   fireWhen { … }   sees distinct (distinct values in the window), count (events with a value) and
//                    capped (true when more values were seen than maxDistinct: distinct is then a floor)
//   maxDistinct …    the most distinct values kept per key and window bucket; default 10_000
//   severity …, labels …   as for threshold rules
//
// Counts are exact up to maxDistinct. Memory per key is at most maxDistinct values per bucket, for the
// buckets a window still to come covers; keys are bounded by the engine's keys per rule.

cardinality('password-spraying') {
    where { message.contains('Failed password') }
    by { attr('source') }
    distinct { attr('user') }
    window sliding(5.minutes, 30.seconds)
    fireWhen { distinct >= 20 }
    maxDistinct 10_000
    severity CRITICAL
    labels team: 'security'
}
