// Cascade rule: when one service breaks and its callers break after it, report ONE finding that names
// the root cause instead of one per service.
//
//   within …          onsets at most this far from the root's form one cascade (default 2.minutes)
//   window …          the health window of each service (default sliding(30.seconds, 1.second))
//   unhealthyWhen { … } the health condition over a service's window: count, errors, warnings, errorRatio
//   severity …        CRITICAL (the default), WARNING or INFO
//   calls 'a', 'b', … a calls b (and the others): calls traces do not show, such as a service's database;
//                     declared calls hold from the start and never decay, learned ones decay after 10 minutes
//
// Who calls whom is learned from traces (span parents, else call order). The root is the unhealthy service
// none of whose callees is unhealthy; the affected services are the unhealthy callers that reach it. While
// the cascade fires, alerting holds back the affected services' own alerts.
//
// A metric rule keyed by service (see metric.groovy) that fires for the root or an affected service when the
// cascade fires is named in it as a metric anomaly: the alert's `metric_anomalies` annotation and its
// description then read e.g. "payments-db: db-pool-saturated (db_pool_in_use: max > 45): db_pool_in_use{pool="main"} = 48".

cascade('service-cascade') {
    within 2.minutes
    window sliding(30.seconds, 1.second)
    unhealthyWhen { errors >= 5 && errorRatio > 0.2 }
    severity CRITICAL
    calls 'payments', 'payments-db'
}
