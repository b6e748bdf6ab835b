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
        List<Notification> outgoing;
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            outgoing = appendTwoAndSettleTheFirst(outbox);
        }

        try (FileOutbox reopened = FileOutbox.open(dir, metrics)) {
            assertThat(reopened.pending()).extracting(OutboxEntry::key).containsExactly(outgoing.get(1).id());
            assertThat(reopened.append(outgoing, T0.plusSeconds(5))).as("a replay produces both again").isEmpty();
        }
    }

    @Test
    void shouldSyncSettlementsTogetherAndOnlyWhenThereAreSome() {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout", "payments");
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            int afterOpen = metrics.count("outboxSyncs");
            outbox.append(outgoing, T0);
            assertThat(metrics.count("outboxSyncs")).as("new notifications are durable before any sink sees them")
                    .isEqualTo(afterOpen + 1);

            outbox.markDone(outgoing.get(0).id());
            outbox.markDone(outgoing.get(1).id());
            assertThat(metrics.count("outboxSyncs")).as("settlements wait for the next sync").isEqualTo(afterOpen + 1);

            outbox.sync();
            outbox.sync();
            assertThat(metrics.count("outboxSyncs")).as("one sync for both, none with nothing new")
                    .isEqualTo(afterOpen + 2);
        }
    }

    @Test
    void shouldWriteASettlementAtOnceSoThatACrashedProcessKeepsItUnsynced() {
        try (FileOutbox outbox = FileOutbox.open(dir, metrics)) {
            List<Notification> outgoing = appendTwoAndSettleTheFirst(outbox);

            // Not closed and not synced, as after a kill -9: the next process reads what the kernel holds.
            try (FileOutbox next = FileOutbox.open(dir, new CountingMetrics())) {
                assertThat(next.pending()).extracting(OutboxEntry::key).containsExactly(outgoing.get(1).id());
            }
        }
    }

    @Test
    void shouldSyncWhatIsSettledWhenClosed() {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout");
        FileOutbox outbox = FileOutbox.open(dir, metrics);
        outbox.append(outgoing, T0);
        outbox.markDone(outgoing.get(0).id());
        int beforeClose = metrics.count("outboxSyncs");

        outbox.close();

        assertThat(metrics.count("outboxSyncs")).isEqualTo(beforeClose + 1);
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

    private static List<Notification> appendTwoAndSettleTheFirst(FileOutbox outbox) {
        List<Notification> outgoing = TestNotifications.firingFor("hook", "checkout", "payments");
        outbox.append(outgoing, T0);
        outbox.markDone(outgoing.get(0).id());
        return outgoing;
    }
}
