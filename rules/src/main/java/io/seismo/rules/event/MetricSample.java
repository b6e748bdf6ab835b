package io.seismo.rules.event;

/**
 * How a metric sample sits in an {@link Event} of kind {@link EventKind#METRIC}: the metric name is the message,
 * each Prometheus label an attribute, and the value and type are the attributes {@link #VALUE_ATTR} and
 * {@link #TYPE_ATTR}. Those two names contain a dot, which no Prometheus label name can, so they never collide
 * with a label. (The daemon's metric-sample parser writes these same names.)
 */
public final class MetricSample {
    public static final String VALUE_ATTR = "metric.value";
    public static final String TYPE_ATTR = "metric.type";
    /** The label of a histogram bucket's upper bound. */
    public static final String BUCKET_BOUND_LABEL = "le";

    private MetricSample() {
    }

    /** Whether the attribute is one of the sample's labels rather than its value or type. */
    public static boolean isLabel(String attribute) {
        return !VALUE_ATTR.equals(attribute) && !TYPE_ATTR.equals(attribute);
    }

    /** The sample's value; NaN when the event has none or it is not a number. */
    public static double valueOf(Event event) {
        return parse(event.attr(VALUE_ATTR));
    }

    /** A value as written: a decimal number, {@code Infinity}, {@code -Infinity}, {@code +Inf} or {@code NaN}. */
    public static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        switch (text) {
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }
}
