// Session rules: per key, a session is a run of matching events at most `gap` apart; when it ends (the
// watermark passes its last event plus the gap, or the key's next event comes later than that), the
// condition is asked about the whole session. A session that holds fires and resolves one gap later.
//
//   where { … }      which events count; default: every log event
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   gap …            the longest pause inside one session (required)
//   fireWhen { … }   the condition over the whole session: count, errors, warnings, errorRatio
//   severity …, labels …, late …   as for threshold rules (a session rule has no window)
//
// At most the engine's keys per rule are tracked; beyond that the key seen longest ago is forgotten
// (resolved if firing, counted as evicted). Findings carry the session's figures and its first messages.

// One SSH login session with more than 20 failed passwords for a user: someone is guessing, however slowly
// they go, as long as they never pause for five minutes.
session('ssh-password-guessing') {
    where { message.contains('Failed password') }
    by { attr('user') }
    gap 5.minutes
    fireWhen { count > 20 }
    severity CRITICAL
    labels team: 'security'
}
