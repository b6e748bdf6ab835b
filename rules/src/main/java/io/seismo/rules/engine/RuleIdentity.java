package io.seismo.rules.engine;

import io.seismo.rules.dsl.CascadeDefinition;
import io.seismo.rules.dsl.RuleClosure;
import io.seismo.rules.dsl.RuleDefinition;
import io.seismo.rules.dsl.ThresholdDefinition;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which rule a piece of saved state belongs to: the rule's name and a SHA-256 fingerprint of its
 * definition. State is restored only into a rule with the same identity, so an edited rule starts empty
 * and an unchanged one keeps its windows across a restart or a reload.
 *
 * <p>A {@link io.seismo.rules.dsl.RuleSet} does not keep the source text of its rules or files, so the
 * fingerprint is taken over what the definition holds: kind, window, severity, labels, cascade span, and
 * the source text of each closure ({@code where}, {@code by}, {@code fireWhen}, {@code unhealthyWhen}).
 * Where the compiler could not recover a closure's text, its file and line stand in, so that such a rule
 * still keeps its state across a crash but loses it when it moves. The file name is left out on purpose:
 * moving a rule to another file does not change what it computes.
 */
record RuleIdentity(String name, String fingerprint) {
    // Bump when the canonical form below changes, so old fingerprints stop matching instead of colliding.
    private static final String CANONICAL_FORM = "seismo-rule-identity-1";
    private static final String SHARED_WINDOWS = "shared windows ";

    /**
     * The identity of the windows rules share ({@link SharedWindows}): named after what
     * they count, not after a rule or the rules' conditions (the saved windows record those per rule by
     * {@link #id()}), so that the windows stay across a reload that edits, adds, removes or reorders such rules.
     */
    static RuleIdentity ofSharedWindows(String whatTheyCount) {
        String hash = fingerprint(canonical -> {
            text(canonical, "shared threshold windows");
            text(canonical, whatTheyCount);
        });
        return new RuleIdentity(SHARED_WINDOWS + hash, hash);
    }

    /** Whether this names windows rules share ({@link #ofSharedWindows}) rather than one rule. */
    boolean isSharedWindows() {
        return name.equals(SHARED_WINDOWS + fingerprint);
    }

    /** This rule's identity while another rule keeps its windows: its state is then the other's, never its own. */
    RuleIdentity sharingWindows() {
        return new RuleIdentity(name, fingerprint + " in shared windows");
    }

    /** Name and fingerprint in one string: what tells a rule's definition apart inside shared windows' state. */
    String id() {
        return name + '\n' + fingerprint;
    }

    static RuleIdentity of(RuleDefinition rule) {
        return new RuleIdentity(rule.name(), fingerprint(canonical -> {
            text(canonical, rule.kind().name());
            text(canonical, rule.name());
            canonical.writeLong(rule.window().sizeNanos());
            canonical.writeLong(rule.window().slideNanos());
            text(canonical, rule.severity().name());
            canonical.writeInt(rule.labels().size());
            for (Map.Entry<String, String> label : rule.labels().entrySet()) {
                text(canonical, label.getKey());
                text(canonical, label.getValue());
            }
            if (rule instanceof ThresholdDefinition threshold) {
                closure(canonical, threshold.where(), rule);
                closure(canonical, threshold.by(), rule);
                closure(canonical, threshold.fireWhen(), rule);
            } else if (rule instanceof io.seismo.rules.dsl.IdentityParts parts) {
                for (RuleClosure part : parts.identityClosures()) {
                    closure(canonical, part, rule);
                }
                for (long setting : parts.identitySettings()) {
                    canonical.writeLong(setting);
                }
            } else if (rule instanceof CascadeDefinition cascade) {
                canonical.writeLong(cascade.withinNanos());
                closure(canonical, cascade.unhealthyWhen(), rule);
            }
        }));
    }

    /** The SHA-256 of a canonical form, in hex. */
    private static String fingerprint(CanonicalForm form) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (DataOutputStream canonical = new DataOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
            text(canonical, CANONICAL_FORM);
            form.writeTo(canonical);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a digest does not fail
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private interface CanonicalForm {
        void writeTo(DataOutputStream canonical) throws IOException;
    }

    private static void closure(DataOutputStream canonical, RuleClosure closure, RuleDefinition rule) throws IOException {
        if (closure == null) {
            text(canonical, "absent");
        } else if (closure.sourceText() != null) {
            text(canonical, "text");
            text(canonical, closure.sourceText());
        } else {
            text(canonical, "unknown text at");
            canonical.writeInt(rule.line());
        }
    }

    /** Length-prefixed, so that no two different sequences of fields hash the same bytes. */
    private static void text(DataOutputStream canonical, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        canonical.writeInt(utf8.length);
        canonical.write(utf8);
    }
}
