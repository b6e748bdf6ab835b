package io.seismo.sink.slack;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.webhook.Payload;
import io.seismo.sink.Alert;
import io.seismo.sink.AlertCascade;
import io.seismo.sink.AlertStatus;
import io.seismo.sink.Notification;
import io.seismo.sink.format.AlertFacts;
import io.seismo.sink.format.AlertText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.TreeMap;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * A notification as a Slack message: a header with status and rule, then per alert a section (root cause, affected
 * services, summary) and a context line (trace ids, what it suppressed), with the plain headline as {@code text}
 * for notifications and clients that do not render blocks. Sizes stay inside Slack's block limits.
 */
final class SlackMessage {
    private static final int MAX_HEADER_CHARS = 150;
    private static final int MAX_SECTION_CHARS = 3000;
    private static final int MAX_CONTEXT_CHARS = 2000;
    private static final int MAX_ALERTS_SHOWN = 10;
    private static final int MAX_LISTED = 5;
    private static final int MAX_SAMPLES = 2;
    private static final int MAX_VALUE_CHARS = 300;

    private SlackMessage() {
    }

    static ChatPostMessageRequest request(String channel, Notification notification, String threadTs) {
        return ChatPostMessageRequest.builder()
                .channel(channel)
                .threadTs(threadTs)
                .text(fallbackText(notification))
                .blocks(blocks(notification))
                .unfurlLinks(false)
                .build();
    }

    /**
     * The same message for an incoming webhook. A webhook cannot reply in a thread, so a resolve goes to the channel
     * as a new message and says which earlier alert it resolves.
     */
    static Payload webhookPayload(Notification notification) {
        List<LayoutBlock> blocks = blocks(notification);
        String resolves = resolvesNote(notification);
        if (!resolves.isEmpty()) {
            blocks.add(1, context(List.of(mrkdwn(resolves))));
        }
        return Payload.builder()
                .text(resolves.isEmpty() ? fallbackText(notification) : resolves + "\n" + fallbackText(notification))
                .blocks(blocks)
                .unfurlLinks(false)
                .build();
    }

    /** "Resolves service-cascade on payments-db, firing since 12:00:03Z", one clause per resolved alert. */
    private static String resolvesNote(Notification notification) {
        StringJoiner note = new StringJoiner("; ", "Resolves ", "").setEmptyValue("");
        notification.alerts().stream()
                .filter(alert -> alert.status() == AlertStatus.RESOLVED)
                .limit(MAX_LISTED)
                .forEach(alert -> {
                    String where = AlertFacts.where(alert);
                    note.add(alert.ruleName() + (where.isEmpty() ? "" : " on " + where)
                            + ", firing since " + AlertText.clockTime(alert.startsAt()));
                });
        return note.toString();
    }

    static String fallbackText(Notification notification) {
        StringJoiner lines = new StringJoiner("\n");
        notification.alerts().stream().limit(MAX_ALERTS_SHOWN).map(AlertText::headline).forEach(lines::add);
        int hidden = notification.alerts().size() - MAX_ALERTS_SHOWN;
        if (hidden > 0) {
            lines.add("(+" + hidden + " more alerts)");
        }
        return lines.toString();
    }

    static List<LayoutBlock> blocks(Notification notification) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(AlertText.clean(title(notification), MAX_HEADER_CHARS - 1)))));
        notification.alerts().stream().limit(MAX_ALERTS_SHOWN).forEach(alert -> {
            blocks.add(section(s -> s.text(markdownText(details(alert)))));
            List<ContextBlockElement> evidence = evidence(alert);
            if (!evidence.isEmpty()) {
                blocks.add(context(evidence));
            }
        });
        int hidden = notification.alerts().size() - MAX_ALERTS_SHOWN;
        if (hidden > 0) {
            blocks.add(context(List.of(markdownText("+" + hidden + " more alerts in this group"))));
        }
        return blocks;
    }

    private static String title(Notification notification) {
        Alert first = notification.alerts().isEmpty() ? null : notification.alerts().get(0);
        StringBuilder title = new StringBuilder(notification.status() == AlertStatus.FIRING ? "🔥 FIRING" : "✅ RESOLVED");
        if (first != null) {
            if (first.severity() != null && !first.severity().isBlank()) {
                title.append(" · ").append(first.severity().toUpperCase(Locale.ROOT));
            }
            title.append(" · ").append(first.ruleName());
        }
        if (notification.alerts().size() > 1) {
            title.append(" (+").append(notification.alerts().size() - 1).append(')');
        }
        return title.toString();
    }

    private static String details(Alert alert) {
        List<String> lines = new ArrayList<>();
        AlertCascade cascade = alert.cascade();
        if (cascade != null) {
            lines.add(field("Root cause", cascade.rootService()));
            if (!cascade.affectedServices().isEmpty()) {
                lines.add(field("Affected", String.join(", ", cascade.affectedServices())));
            }
        }
        if (alert.summary() != null && !alert.summary().isBlank()) {
            lines.add(field("Summary", alert.summary()));
        }
        if (!alert.labels().isEmpty()) {
            StringJoiner labels = new StringJoiner(", ");
            new TreeMap<>(alert.labels()).forEach((key, value) -> labels.add(key + "=" + value));
            lines.add(field("Labels", labels.toString()));
        }
        lines.add(field(alert.status() == AlertStatus.FIRING ? "Firing" : "Was firing", AlertText.period(alert)));
        alert.sampleMessages().stream().limit(MAX_SAMPLES).forEach(sample -> lines.add("> " + value(sample)));
        return joinWithin(lines, MAX_SECTION_CHARS);
    }

    private static String field(String name, String text) {
        return "*" + name + ":* " + value(text);
    }

    /** Untrusted text made safe: one line, capped, with mrkdwn's reserved characters escaped. */
    private static String value(String text) {
        return escape(AlertText.clean(text.strip(), MAX_VALUE_CHARS));
    }

    /** Whole lines up to Slack's limit, so that truncation never cuts an escape or a word in half. */
    private static String joinWithin(List<String> lines, int maxChars) {
        StringJoiner joined = new StringJoiner("\n");
        for (String line : lines) {
            if (joined.length() + line.length() + 1 > maxChars) {
                break;
            }
            joined.add(line);
        }
        return joined.toString();
    }

    private static List<ContextBlockElement> evidence(Alert alert) {
        List<ContextBlockElement> elements = new ArrayList<>();
        if (!alert.traceIds().isEmpty()) {
            elements.add(mrkdwn("Trace ids: " + AlertText.firstOf(alert.traceIds(), MAX_LISTED)));
        }
        if (!alert.suppressed().isEmpty()) {
            elements.add(mrkdwn("Suppressed: " + AlertText.firstOf(alert.suppressed(), MAX_LISTED)));
        }
        return elements;
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return markdownText(escape(AlertText.clean(text, MAX_CONTEXT_CHARS - 1)));
    }

    /** Slack's mrkdwn reserves &, < and > (links and mentions); log text must not turn into a ping. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
