// Password guessing: ten or more failed SSH logins from one address within a minute.
// Test it against a recorded auth log (see README.md in this folder):
//   seismo rules test rules/examples/recorded/openssh.groovy --input OpenSSH_2k.log --format regex \
//     --pattern "$(cat rules/examples/recorded/openssh.regex)" --time-format 'MMM ppd HH:mm:ss' \
//     --expect rules/examples/recorded/openssh-expect.yaml

threshold('ssh-password-guessing') {
    where { attr('ip') != null }
    by { attr('ip') }
    window tumbling(1.minute)
    fireWhen { count >= 10 }
    severity WARNING
    labels team: 'security'
}
