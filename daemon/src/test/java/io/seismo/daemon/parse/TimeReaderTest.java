package io.seismo.daemon.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.seismo.daemon.parse.Times.nanos;
import static org.assertj.core.api.Assertions.assertThat;

class TimeReaderTest {
    private final TimeReader utc = TimeReader.create(null, null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-05-01T12:00:00Z                  | 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.123456789Z        | 2024-05-01T12:00:00.123456789Z",
            "2024-05-01T12:00:00.1234567891234Z    | 2024-05-01T12:00:00.123456789Z",
            "2024-05-01t12:00:00,5z                | 2024-05-01T12:00:00.500Z",
            "2024-05-01 12:00:00.123               | 2024-05-01T12:00:00.123Z",
            "2024-05-01T14:00:00+02:00             | 2024-05-01T12:00:00Z",
            "2024-05-01T14:30:00+0230              | 2024-05-01T12:00:00Z",
            "2024-05-01T07:00:00-05                | 2024-05-01T12:00:00Z",
            "2024-05-01T12:00Z                     | 2024-05-01T12:00:00Z",
            "2024-05-01                            | 2024-05-01T00:00:00Z",
            "2016-12-31T23:59:60Z                  | 2016-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z                  | 2024-02-29T00:00:00Z"})
    void shouldReadRfc3339Variants(String text, String expected) {
        assertThat(utc.toEpochNanos(text)).isEqualTo(nanos(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1714564800              | 2024-05-01T12:00:00Z",
            "1714564800.25           | 2024-05-01T12:00:00.250Z",
            "1714564800123           | 2024-05-01T12:00:00.123Z",
            "1714564800123.5         | 2024-05-01T12:00:00.123500Z",
            "1714564800123456        | 2024-05-01T12:00:00.123456Z",
            "1714564800123456789     | 2024-05-01T12:00:00.123456789Z",
            "0                       | 1970-01-01T00:00:00Z"})
    void shouldReadEpochNumbersByMagnitude(String text, String expected) {
        assertThat(utc.toEpochNanos(text)).isEqualTo(nanos(expected));
    }

    @Test
    void shouldPlaceTimesWithoutOffsetInTheZoneIncludingDaylightSaving() {
        TimeReader paris = TimeReader.create(null, "Europe/Paris");

        assertThat(paris.toEpochNanos("2024-01-15T12:00:00")).isEqualTo(nanos("2024-01-15T11:00:00Z"));
        assertThat(paris.toEpochNanos("2024-07-15T12:00:00")).isEqualTo(nanos("2024-07-15T10:00:00Z"));
        assertThat(paris.toEpochNanos("2024-07-15T12:00:00Z")).as("an explicit offset wins")
                .isEqualTo(nanos("2024-07-15T12:00:00Z"));
    }

    @Test
    void shouldTryTheTimeFormatFirstThenFallBackToIsoAndEpoch() {
        TimeReader apacheAccess = TimeReader.create("dd/MMM/yyyy:HH:mm:ss Z", null);

        assertThat(apacheAccess.toEpochNanos("10/Oct/2000:13:55:36 -0700")).isEqualTo(nanos("2000-10-10T20:55:36Z"));
        assertThat(apacheAccess.toEpochNanos("2024-05-01T12:00:00Z")).isEqualTo(nanos("2024-05-01T12:00:00Z"));
        assertThat(apacheAccess.toEpochNanos("1714564800")).isEqualTo(nanos("2024-05-01T12:00:00Z"));
    }

    @Test
    void shouldReadEachTextOfAFormatTheSameWhetherItRepeatsOrNot() {
        TimeReader apacheAccess = TimeReader.create("dd/MMM/yyyy:HH:mm:ss Z", null);
        String[] texts = {"10/Oct/2000:13:55:36 -0700", "10/Oct/2000:13:55:37 -0700", "10/Oct/2000:13:55:36 +0000",
            "2024-05-01T12:00:00Z", "not a time", "10/Oct/2000:13:55:36 -0700"};
        StringBuilder reused = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            for (String text : texts) {
                reused.setLength(0);
                reused.append(text); // the parsers hand in one buffer, rewritten for each line
                long expected = TimeReader.create("dd/MMM/yyyy:HH:mm:ss Z", null).toEpochNanos(text);
                assertThat(apacheAccess.toEpochNanos(reused)).as("%s, round %d", text, round).isEqualTo(expected);
                assertThat(apacheAccess.toEpochNanos(reused)).as("%s again", text).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldReadDateOnlyFormatAsMidnightInTheZone() {
        TimeReader tokyo = TimeReader.create("yyyy/MM/dd", "Asia/Tokyo");

        assertThat(tokyo.toEpochNanos("2024/05/01")).isEqualTo(nanos("2024-04-30T15:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-01T00:00:00Z", "2023-02-29", "2024-05-01T25:00:00Z",
            "2024-05-01T12:61:00Z", "2024-05-01T12:00:00+19:00", "2024-05-01T12:00:00Zjunk", "2024-05-01T12:00:00.Z",
            "2024-05-01T12", "2024-05-01X", "12.", ".5", "-5", "1e9", "99999999999999999999", "9999999999999999999",
            "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"})
    void shouldRefuseWhatIsNotATime(String text) {
        assertThat(utc.toEpochNanos(text)).isEqualTo(TimeReader.UNREADABLE);
    }

    @Test
    void shouldPlaceSyslogTimesWithoutAYearInTheCurrentYear() {
        TimeReader syslog = TimeReader.create("MMM ppd HH:mm:ss", "UTC");
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

        assertThat(syslog.toEpochNanos("Dec 10 06:55:46")).isEqualTo(nanos(year + "-12-10T06:55:46Z"));
        assertThat(syslog.toEpochNanos("Jan  2 00:00:01")).isEqualTo(nanos(year + "-01-02T00:00:01Z"));
    }
}
