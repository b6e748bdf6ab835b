package io.seismo.daemon.parse;

import io.seismo.rules.event.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Lines matched by a Java regex with named groups. The groups {@code time}, {@code level}, {@code service},
 * {@code traceId}, {@code spanId}, {@code parentSpanId} and {@code message} (or {@code msg}) fill the event's fields;
 * every other named group becomes an attribute; a group that did not take part in the match is left out.
 * <p>
 * The pattern is applied with {@link Matcher#find()}: it may match anywhere in the line unless it starts with
 * {@code ^} (and ends with {@code $} to take the whole line), so write the anchors you mean.
 */
final class RegexLineParser implements LineParser {
    private final FieldCollector fields;
    private final StepLimitedText text = new StepLimitedText();
    private final Matcher matcher;
    private final int[] groupNumbers;
    private final String[] groupNames;

    private RegexLineParser(Pattern pattern, List<String> names, FieldCollector fields) {
        this.fields = fields;
        this.matcher = pattern.matcher(text);
        List<Integer> numbers = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                numbers.add(i + 1);
                named.add(names.get(i));
            }
        }
        this.groupNumbers = numbers.stream().mapToInt(Integer::intValue).toArray();
        this.groupNames = named.toArray(String[]::new);
    }

    /** @throws IllegalArgumentException for a missing or invalid pattern, or one without a named group */
    static RegexLineParser compile(String regex, FieldCollector fields) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("format regex needs a pattern with named groups, e.g."
                    + " ^(?<level>[A-Z]+) (?<message>.*)$");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern is not a valid regex: " + e.getDescription() + " near index "
                    + e.getIndex() + " of " + regex, e);
        }
        List<String> names = RegexGroups.names(regex);
        if (names.size() != pattern.matcher("").groupCount()) {
            throw new IllegalArgumentException("could not tell the groups of pattern " + regex
                    + " apart (comments mode or an unusual construct); write it without them");
        }
        if (names.stream().allMatch(name -> name == null)) {
            throw new IllegalArgumentException("pattern " + regex + " has no named group; name the parts to keep,"
                    + " e.g. (?<level>[A-Z]+) (?<message>.*)");
        }
        return new RegexLineParser(pattern, names, fields);
    }

    @Override
    public boolean parse(CharSequence line, Event out) {
        text.reset(line);
        matcher.reset(text);
        try {
            if (!matcher.find()) {
                return ParseFailure.record(out, line, "line does not match the pattern");
            }
        } catch (StepLimitedText.BudgetExceeded e) {
            return ParseFailure.record(out, line, "pattern backtracked too long on this line");
        } catch (StackOverflowError e) {
            // Java's regex engine recurses per repetition of a group: a long line can exhaust the stack.
            return ParseFailure.record(out, line, "pattern recursed too deep on this line");
        }
        fields.clear();
        char[] chars = fields.charsOf(line);
        for (int i = 0; i < groupNumbers.length; i++) {
            int start = matcher.start(groupNumbers[i]);
            if (start >= 0) {
                fields.offer(groupNames[i], chars, start, matcher.end(groupNumbers[i]));
            }
        }
        return fields.commitTo(out, line);
    }
}
