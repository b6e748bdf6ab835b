package io.seismo.daemon.alerting;

import io.seismo.rules.finding.CascadeDetail;
import io.seismo.rules.finding.Evidence;
import io.seismo.rules.finding.Finding;
import io.seismo.rules.finding.FindingKind;
import io.seismo.rules.finding.MetricAnomaly;
import io.seismo.rules.finding.Onset;
import io.seismo.rules.finding.Severity;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Finding} in alerting's snapshot. Reads check every count against the bytes left (through
 * {@link StateInput}), so a corrupt snapshot fails with a message instead of allocating from garbage.
 */
final class FindingCodec {
    /** An onset is a string and a long. */
    private static final int MIN_ONSET_BYTES = StateInput.MIN_STRING_BYTES + Long.BYTES;
    private static final int MIN_ANOMALY_BYTES = 3 * StateInput.MIN_STRING_BYTES + Integer.BYTES;

    private FindingCodec() {
    }

    static void write(Finding finding, StateOutput out) {
        out.writeString(finding.ruleName());
        out.writeString(finding.kind().name());
        out.writeString(finding.key());
        out.writeBoolean(finding.firing());
        out.writeString(finding.severity().name());
        out.writeLong(finding.atNanos());
        out.writeLong(finding.windowStartNanos());
        out.writeLong(finding.windowEndNanos());
        StateFields.writeLabels(finding.labels(), out);
        StateFields.writeValues(finding.values(), out);
        out.writeString(finding.condition());
        StateFields.writeStrings(finding.evidence().sampleMessages(), out);
        StateFields.writeStrings(finding.evidence().traceIds(), out);
        out.writeBoolean(finding.isCascade());
        if (finding.isCascade()) {
            CascadeDetail cascade = finding.cascade();
            out.writeString(cascade.rootService());
            StateFields.writeStrings(cascade.affectedServices(), out);
            out.writeInt(cascade.timeline().size());
            for (Onset onset : cascade.timeline()) {
                out.writeString(onset.service());
                out.writeLong(onset.atNanos());
            }
            out.writeInt(cascade.metricAnomalies().size());
            for (MetricAnomaly anomaly : cascade.metricAnomalies()) {
                out.writeString(anomaly.service());
                out.writeString(anomaly.rule());
                out.writeString(anomaly.condition());
                StateFields.writeStrings(anomaly.samples(), out);
            }
        }
    }

    /** @param withMetricAnomalies whether the bytes are of a version that saved cascades' metric anomalies */
    static Finding read(StateInput in, boolean withMetricAnomalies) {
        String ruleName = in.readString("rule name");
        FindingKind kind = StateFields.enumValue(FindingKind.class, in.readString("finding kind"));
        String key = in.readNullableString("finding key");
        boolean firing = in.readBoolean("finding firing");
        Severity severity = StateFields.enumValue(Severity.class, in.readString("severity"));
        long atNanos = in.readTime("finding time");
        long windowStart = in.readTime("window start");
        long windowEnd = in.readTime("window end");
        Map<String, String> labels = StateFields.readLabels(in);
        Map<String, Double> values = StateFields.readValues(in);
        String condition = in.readNullableString("condition");
        Evidence evidence = new Evidence(StateFields.readStrings(in, "sample messages"), StateFields.readStrings(in, "trace ids"));
        CascadeDetail cascade = null;
        if (in.readBoolean("has cascade")) {
            String root = in.readString("root service");
            List<String> affected = StateFields.readStrings(in, "affected services");
            int onsets = in.readCount("cascade onsets", MIN_ONSET_BYTES);
            List<Onset> timeline = new ArrayList<>();
            for (int i = 0; i < onsets; i++) {
                timeline.add(new Onset(in.readString("onset service"), in.readTime("onset time")));
            }
            List<MetricAnomaly> anomalies = new ArrayList<>();
            int anomalyCount = withMetricAnomalies ? in.readCount("metric anomalies", MIN_ANOMALY_BYTES) : 0;
            for (int i = 0; i < anomalyCount; i++) {
                anomalies.add(new MetricAnomaly(in.readString("anomaly service"), in.readString("anomaly rule"),
                        in.readNullableString("anomaly condition"), StateFields.readStrings(in, "anomaly samples")));
            }
            cascade = new CascadeDetail(root, affected, timeline, anomalies);
        }
        return new Finding(ruleName, kind, key, firing, severity, atNanos, windowStart, windowEnd, labels, values,
                condition, evidence, cascade);
    }
}
