// HDFS: a block a datanode failed to serve. Keyed by block id, so each block alerts on its own.
//   seismo rules test rules/examples/recorded/hdfs.groovy --input HDFS_2k.log --format regex \
//     --pattern "$(cat rules/examples/recorded/hdfs.regex)" --time-format 'yyMMdd HHmmss' \
//     --service hdfs --expect rules/examples/recorded/hdfs-expect.yaml

threshold('hdfs-block-serve-failure') {
    where { level >= WARN && attr('block') != null }
    by { attr('block') }
    window tumbling(1.minute)
    fireWhen { count >= 1 }
    severity WARNING
}
