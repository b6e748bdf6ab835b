// Sequence rules: an event (first), then another (then) for the same key within a time, with a condition
// over both (when). Here, card fraud: the same card used in two countries within an hour, which no
// traveller manages (a finer rule would compare coordinates against the speed of a plane).
//
//   where { … }      which events take part at all; default: every log event
//   by { … }         the key both events must share; default: by service
//   first { … }      what the first event (a) is
//   then { … }       what the second event (b) is; it may come at the same time as a, not before
//   within …         the longest b may come after a (required)
//   when { a, b -> … }   a condition over both events; a and b offer service, level, message, traceId,
//                    host, timeNanos, attr('x') and number('x'); default: every pair matches
//   window …         tumbling(size): how often matches are reported; default tumbling(10.seconds)
//   severity …, labels …   as for threshold rules
//
// The rule keeps copies of the newest 16 first and 16 then events per key (at most 32 attributes of 512
// characters each), only as long as a partner could still arrive. Events may arrive out of order: a b that
// comes before its a still pairs. Each match is a short alert: it fires at the next check and resolves at
// the one after; one per key per check.

sequence('impossible-travel') {
    where { service == 'payments' && message == 'card authorised' }
    by { attr('card') }
    first { attr('country') != null }
    then { attr('country') != null }
    within 1.hour
    when { a, b -> a.attr('country') != b.attr('country') }
    severity CRITICAL
    labels team: 'fraud'
}
