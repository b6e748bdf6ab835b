package io.seismo.daemon.alerting;

import io.seismo.daemon.config.ConfigException;
import io.seismo.daemon.config.Durations;
import io.seismo.rules.finding.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** How long an alert stays pending: the rule's {@code for} label when it has a valid one, else the option. */
final class PendingFor {
    static final String LABEL = "for";
    private static final Logger LOG = LoggerFactory.getLogger(PendingFor.class);

    private PendingFor() {
    }

    static Duration of(Finding finding, Duration otherwise) {
        String text = finding.labels().get(LABEL);
        if (text == null) {
            return otherwise;
        }
        try {
            return Durations.parse("labels.for", text);
        } catch (ConfigException e) {
            LOG.warn("Rule '{}' has a 'for' label that is not a duration ({}); using {}", finding.ruleName(),
                    e.getMessage(), otherwise);
            return otherwise;
        }
    }
}
