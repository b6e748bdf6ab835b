package io.seismo.rules.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of a finding: {@code alertname} and the key label, then the user's labels (which may not
 * override the first two, so a fingerprint always says which rule and which key).
 */
public final class FindingLabels {
    private FindingLabels() {
    }

    public static Map<String, String> of(String ruleName, String keyLabel, String key, Map<String, String> userLabels) {
        Map<String, String> labels = new LinkedHashMap<>(userLabels);
        labels.put("alertname", ruleName);
        labels.put(keyLabel, key);
        return labels;
    }
}
