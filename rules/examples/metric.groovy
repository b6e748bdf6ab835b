// Metric rules: fire when a condition over aggregates of one metric's samples holds, resolve when it stops.
// The samples come from the Prometheus endpoints the agent scrapes (its `scrape:` list).
//
//   name '…'         the metric to read; for quantile(q), the histogram's name (its _bucket samples are read)
//   where { … }      which samples count (sees name, value, labels.x, label('x'), type, service, host);
//                    default: every sample of the metric
//   by { … }         what to group by; default: by service (findings then carry a `service` label)
//   window …         sliding(size, every) or tumbling(size); default: sliding(1.minute, 10.seconds)
//   fireWhen { … }   the condition over one key's window:
//                      last, min, max, avg, count   of the samples in the window
//                      rate                         per-second increase of a counter (a reset counts from 0)
//                      quantile(0.99)               from histogram bucket increases, like histogram_quantile
//                    a figure the window cannot give is NaN, and NaN never compares true
//   severity …       CRITICAL, WARNING (the default) or INFO
//   labels …         extra labels for routing, e.g. team: 'payments'

// The main pool of 50 connections is more than 90 % used at some point in the last minute.
metric('db-pool-saturated') {
    name 'db_pool_in_use'
    where { labels.pool == 'main' } by { service }
    window sliding(1.minute, 10.seconds)
    fireWhen { max > 0.9 * 50 }
    severity CRITICAL
    labels team: 'storage'
}

// The 99th percentile of request latency over the last five minutes is above half a second.
metric('slow-requests') {
    name 'http_request_duration_seconds'
    window sliding(5.minutes, 30.seconds)
    fireWhen { quantile(0.99) > 0.5 }
}

// More than 5 failed payments per second, counted per instance (counter resets are handled).
metric('payment-failures') {
    name 'payments_failed_total'
    by { labels.instance }
    fireWhen { rate > 5 }
}

// Flatline: a counter that stopped moving. requests_total has been scraped at least 3 times in the last five
// minutes and did not increase: the service is up enough to be scraped but serves nothing. (For a gauge
// stuck at one value: count >= 3 && max == min. For a service that stops logging altogether, see absence.groovy.)
metric('requests-flatline') {
    name 'http_requests_total'
    window sliding(5.minutes, 30.seconds)
    fireWhen { count >= 3 && rate == 0 }
}
