// A per-service alert for any service whose errors jump...
threshold('service-errors') {
    window sliding(5.seconds, 1.second)
    fireWhen { errors >= 5 && errorRatio > 0.05 }
    severity WARNING
}

// ...and one alert instead of many when unhealthy services call each other.
cascade('service-cascade') {
    within 2.minutes
    window sliding(5.seconds, 1.second)
    unhealthyWhen { errors >= 5 && errorRatio > 0.05 }
    severity CRITICAL
}
