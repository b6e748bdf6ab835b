// Change rules: report when the value for a key differs from its last one, e.g. a host's software version.
//
//   where { … }      which events count; default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   value { … }      the value to watch (events whose value is null are skipped)
//   forgetAfter …    a key not seen for this long is forgotten, so its next value is a first sight and not a
//                    change; default 30.days
//   window …         tumbling(size): how often changes are reported; default tumbling(10.seconds)
//   severity …, labels …   as for threshold rules; severity defaults to INFO
//
// The first value of a key is not a change. Each change is a short alert: it fires at the next check and
// resolves at the one after; its labels carry `value` and `previous`. An event older than the key's newest
// value is ignored and counted as too late: it cannot say what changed when.

change('host-version') {
    where { message.startsWith('agent started') }
    by { host ?: attr('host') }
    value { attr('version') }
    labels team: 'platform'
}
