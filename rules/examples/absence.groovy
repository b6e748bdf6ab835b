// Absence rules: fire when a key that has been seen stops reporting (a missing heartbeat), resolve when it
// reports again.
//
//   where { … }      which events count as a sign of life; default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   expectWithin …   the longest a key may go without a matching event (required)
//   forgetAfter …    a key silent this long is forgotten (resolved if firing), so a decommissioned host
//                    does not fire forever; default 1.day
//   window …         tumbling(size): how often silence is checked; default tumbling(10.seconds)
//   severity …, labels …   as for threshold rules
//
// Only keys seen at least once are watched: a host that never reported is unknown to the rule. A rule keeps
// at most the engine's keys per rule; beyond that the key silent longest is forgotten (counted as evicted).
// When all input stops, idle ticks still move event time on, so silence is noticed without new events.
// Findings report silentSeconds.

absence('agent-heartbeat') {
    where { message == 'heartbeat' }
    by { attr('agent') }
    expectWithin 1.minute
    forgetAfter 7.days
    severity CRITICAL
    labels team: 'platform'
}
