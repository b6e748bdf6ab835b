package io.seismo.daemon.alerting;

import io.seismo.sink.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;

import static io.seismo.daemon.alerting.TestFindings.T0;
import static org.assertj.core.api.Assertions.assertThat;

class FileOutboxTest {
    private final CountingMetrics metrics = new CountingMetrics();

    @TempDir
    Path dir;

    @Test
    void shouldKeepUnsettledNotificationsAcrossAReopenWithEverythingTheyCarry() {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout", "payments");
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            assertThat(outbox.append(outgoing, T0)).hasSize(2);
        }

        try (FileOutbox reopened = FileOutbox.open(dir, metrics)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::key)
                    .containsExactly(outgoing.get(0).id(), outgoing.get(1).id());
            assertThat(reopened.pending()).extracting(OutboxEntry::notification)
                    .containsExactlyElementsOf(outgoing.stream().toList());
            assertThat(reopened.pending()).extracting(OutboxEntry::createdAt).containsOnly(T0);
        }
    }

    @Test
    void shouldNeitherDeliverAgainNorTakeAgainWhatWasSettledBeforeAReopen() {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout", "payments");
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            outbox.append(outgoing, T0);
            outbox.markDone(outgoing.get(0).id());
        }

        try (FileOutbox reopened = FileOutbox.open(dir, metrics)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::key).containsExactly(outgoing.get(1).id());
            assertThat(reopened.append(outgoing, T0.plusSeconds(5))).as("a replay produces both again").isEmpty();
        }
    }

    @Test
    void shouldSkipAndCountATornLastRecordAndKeepWorkingAfterIt() throws IOException {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout", "payments");
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            outbox.append(outgoing, T0);
        }
        Path file = dir.resolve(FileOutbox.FILE_NAME);
        long size = Files.size(file);
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 7); // a kill -9 in the middle of the second record
        }

        try (FileOutbox reopened = FileOutbox.open(dir, metrics)) {
            assertThat(metrics.count("outboxRecordsSkipped")).isEqualTo(1);
            assertThat(reopened.pending()).extracting(OutboxEntry::key).containsExactly(outgoing.get(0).id());
            assertThat(reopened.append(List.of(outgoing.get(1)), T0.plusSeconds(1))).hasSize(1);
        }
        try (FileOutbox again = FileOutbox.open(dir, metrics)) {
            assertThat(again.pending()).hasSize(2);
            assertThat(metrics.count("outboxRecordsSkipped")).as("the torn tail was cut off for good").isEqualTo(1);
        }
    }

    @Test
    void shouldSkipACorruptRecordWhoseChecksumDoesNotMatch() throws IOException {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout");
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            outbox.append(outgoing, T0);
        }
        Path file = dir.resolve(FileOutbox.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(file, bytes);

        try (FileOutbox reopened = FileOutbox.open(dir, metrics)) {
            assertThat(reopened.pending()).isEmpty();
            assertThat(metrics.count("outboxRecordsSkipped")).isEqualTo(1);
        }
    }

    @Test
    void shouldCompactSoThatSettledNotificationsDoNotGrowTheFileForever() throws IOException {
        String[] services = IntStream.range(0, 300).mapToObj(i -> "svc-" + i).toArray(String[]::new);
        try (FileOutbox outbox = FileOutbox.open(dir, metrics, 10)) {
            for (int round = 0; round < 20; round++) {
                List<Notification> batch = TestNotifications.firingFor("hook-" + round, services);
                outbox.append(batch, T0);
                batch.forEach(n -> outbox.markDone(n.id()));
            }
            assertThat(outbox.pending()).isEmpty();
        }

        long oneRoundBytes;
        Path other = dir.resolve("one-round");
        try (FileOutbox single = FileOutbox.open(other, new CountingMetrics())) {
            single.append(TestNotifications.firingFor("hook", services), T0);
            oneRoundBytes = Files.size(other.resolve(FileOutbox.FILE_NAME));
        }
        assertThat(Files.size(dir.resolve(FileOutbox.FILE_NAME)))
                .as("6000 notifications went through; the file holds less than four rounds of 300")
                .isLessThan(4 * oneRoundBytes);
    }

    @Test
    void shouldTakeEachKeyOnceEvenWithinOneBatch() {
        Notification notification = TestNotifications.firingFor("hook", "checkout").get(0);
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            List<OutboxEntry> taken = outbox.append(List.of(notification, notification), T0);

            assertThat(taken).hasSize(1);
        }
    }
}
