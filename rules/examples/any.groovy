// Any rules: fire on the first matching event of a key, resolve once the key has been quiet long enough.
//
//   where { … }      which events count (sees service, level, message, traceId, host, attr('x'));
//                    default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   quiet …          how long a key must see no matching event before it resolves; default 5.minutes
//   window …         tumbling(size): how often firing and resolving are checked; default tumbling(10.seconds)
//   severity …       CRITICAL, WARNING (the default) or INFO
//   labels …         extra labels for routing, e.g. team: 'storage'
//
// A key fires at the first check after its first match and resolves at the first check at least `quiet`
// after its last one; a match after that fires again. The finding's `count` is the matches seen so far.

any('kernel-oom') {
    where { message.contains('Out of memory') }
    by { host ?: attr('host') }
    quiet 5.minutes
    severity CRITICAL
    labels team: 'platform'
}
