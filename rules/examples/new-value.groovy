// New-value rules: report the first sight of a value for a key, e.g. a user logging in with a user agent
// never seen for them.
//
//   where { … }      which events count; default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   value { … }      the value to watch (events whose value is null are skipped)
//   remember …       how many (key, value) pairs to remember at most; the pair seen least recently is
//                    evicted (counted in seismo's evicted-keys figure) and is new again when next seen;
//                    default 100_000
//   forgetAfter …    a pair not seen for this long is forgotten and new again; default 30.days
//   window …         tumbling(size): how often new values are reported; default tumbling(10.seconds)
//   severity …, labels …   as for threshold rules; severity defaults to INFO
//
// Each new value is a short alert: it fires at the next check and resolves at the one after. Its labels
// carry the key and `value`. Right after a start with no snapshot every value is new, so pair this kind
// with snapshots (the daemon checkpoints them).

newValue('new-user-agent') {
    where { service == 'auth' && message == 'login ok' }
    by { attr('user') }
    value { attr('user_agent') }
    remember 100_000
    forgetAfter 30.days
    labels team: 'security'
}
