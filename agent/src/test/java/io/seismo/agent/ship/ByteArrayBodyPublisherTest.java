package io.seismo.agent.ship;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

class ByteArrayBodyPublisherTest {

    @Test
    void shouldDeliverExactlyTheBodyBytesOnceAndCompleteForEverySubscriber() {
        byte[] body = "{\"o\":0,\"l\":\"one\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] array = Arrays.copyOf(body, body.length + 5); // a recycled array is longer than its body
        array[body.length] = 'X';
        ByteArrayBodyPublisher publisher = new ByteArrayBodyPublisher(array, body.length);
        assertThat(publisher.contentLength()).isEqualTo(body.length);

        for (int attempt = 0; attempt < 2; attempt++) {
            Recorder recorder = new Recorder();
            publisher.subscribe(recorder);
            recorder.subscription.request(1);
            recorder.subscription.request(1);
            assertThat(recorder.received.toByteArray()).isEqualTo(body);
            assertThat(recorder.events).containsExactly("next", "complete");
        }
    }

    @Test
    void shouldDeliverALargeBodyInSlicesAsTheyAreAskedFor() {
        int size = 2 * ByteArrayBodyPublisher.SLICE_BYTES + 1_000;
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i * 31);
        }
        ByteArrayBodyPublisher publisher = new ByteArrayBodyPublisher(body, size);
        Recorder recorder = new Recorder();
        publisher.subscribe(recorder);

        recorder.subscription.request(1);
        assertThat(recorder.events).containsExactly("next");
        assertThat(recorder.received.size()).isEqualTo(ByteArrayBodyPublisher.SLICE_BYTES);

        recorder.subscription.request(Long.MAX_VALUE);
        recorder.subscription.request(Long.MAX_VALUE); // demand beyond Long.MAX_VALUE saturates
        assertThat(recorder.events).containsExactly("next", "next", "next", "complete");
        assertThat(recorder.received.toByteArray()).isEqualTo(body);
    }

    @Test
    void shouldCompleteAnEmptyBodyWithoutSendingABuffer() {
        Recorder recorder = new Recorder();
        new ByteArrayBodyPublisher(new byte[8], 0).subscribe(recorder);
        recorder.subscription.request(1);
        assertThat(recorder.events).containsExactly("complete");
    }

    @Test
    void shouldSendNothingOnceCancelledAndRejectADemandThatIsNotPositive() {
        ByteArrayBodyPublisher publisher = new ByteArrayBodyPublisher(new byte[]{1, 2, 3}, 3);
        Recorder cancelled = new Recorder();
        publisher.subscribe(cancelled);
        cancelled.subscription.cancel();
        cancelled.subscription.request(1);
        assertThat(cancelled.events).isEmpty();

        Recorder wrong = new Recorder();
        publisher.subscribe(wrong);
        wrong.subscription.request(0);
        assertThat(wrong.events).containsExactly("error");
    }

    @Test
    void shouldFinishASubscriptionItStartedButRefuseNewOnesOnceReleased() {
        byte[] body = new byte[ByteArrayBodyPublisher.SLICE_BYTES + 10];
        Arrays.fill(body, (byte) 'y');
        ByteArrayBodyPublisher publisher = new ByteArrayBodyPublisher(body, body.length);
        Recorder going = new Recorder();
        publisher.subscribe(going);
        going.subscription.request(1);

        publisher.release();
        going.subscription.request(1);
        Recorder late = new Recorder();
        publisher.subscribe(late);

        assertThat(going.received.toByteArray()).isEqualTo(body);
        assertThat(going.events).containsExactly("next", "next", "complete");
        assertThat(late.subscription).isNotNull();
        assertThat(late.events).containsExactly("error");
        late.subscription.request(1);
        assertThat(late.events).containsExactly("error");
    }

    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ByteBuffer item) {
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            received.writeBytes(bytes);
            events.add("next");
        }

        @Override
        public void onError(Throwable throwable) {
            events.add("error");
        }

        @Override
        public void onComplete() {
            events.add("complete");
        }
    }
}
