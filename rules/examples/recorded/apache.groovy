// An error burst in Apache's error log: ten or more [error] lines in one minute.
//   seismo rules test rules/examples/recorded/apache.groovy --input Apache_2k.log --format regex \
//     --pattern "$(cat rules/examples/recorded/apache.regex)" --time-format 'EEE MMM dd HH:mm:ss yyyy' \
//     --service apache --expect rules/examples/recorded/apache-expect.yaml

threshold('apache-error-burst') {
    where { level >= ERROR }
    by { service }
    window tumbling(1.minute)
    fireWhen { errors >= 10 }
    severity CRITICAL
}
