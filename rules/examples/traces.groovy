// Traces rules: a threshold over traces as they close (a trace closes once no event of it came for the
// engine's trace gap) rather than over log lines. Written like a threshold rule; `where` and `by` see
//
//   services        the trace's services, in the order they first appear
//   errorServices   the services that logged an error in it
//   edges           its calls, as 'checkout->payments' (from span parents, else call order)
//   firstError      its earliest error message, or null
//   durationMillis  from its first event to its last
//   traceId, service (its first service), level (ERROR when any service failed), message
//
// Without `by`, traces are grouped by their first service. Only closed traces reach a traces rule, and no
// trace reaches any other rule. Evidence carries the traces' first errors and their ids.

// Checkout calls to payments that fail in payments, three in a minute.
traces('checkout-payments-failures') {
    where { errorServices.contains('payments') && edges.contains('checkout->payments') }
    window sliding(1.minute, 10.seconds)
    fireWhen { count >= 3 }
    severity CRITICAL
}

// Slow requests end to end: more than 20 traces over two seconds in five minutes, by entry service.
traces('slow-traces') {
    where { durationMillis > 2000 }
    window sliding(5.minutes, 30.seconds)
    fireWhen { count > 20 }
}
