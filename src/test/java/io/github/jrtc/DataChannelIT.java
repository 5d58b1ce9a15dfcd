package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ports of WPT webrtc/RTCDataChannel-send.html, -bufferedAmount.html, -close.html and
 * RTCPeerConnection-ondatachannel.html, in-band and negotiated, on real libwebrtc.
 */
class DataChannelIT {
  private final RTCPeerConnection a = new RTCPeerConnection();
  private final RTCPeerConnection b = new RTCPeerConnection();

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  /** WPT's createDataChannelPair: an open channel on each side. */
  private RTCDataChannel[] openPair(boolean negotiated) throws Exception {
    Peers.trickle(a, b);
    RTCDataChannel local;
    CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
    if (negotiated) {
      RTCDataChannelInit init = RTCDataChannelInit.builder().negotiated(true).id(7).build();
      local = a.createDataChannel("pair", init);
      remote.complete(b.createDataChannel("pair", init));
    } else {
      local = a.createDataChannel("pair");
      b.ondatachannel(e -> remote.complete(e.channel()));
    }
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    RTCDataChannel other = remote.get(10, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                local.readyState() == RTCDataChannelState.OPEN
                    && other.readyState() == RTCDataChannelState.OPEN);
    return new RTCDataChannel[] {local, other};
  }

  // -ondatachannel.html "Data channel event should fire when new data channel is announced to the
  // remote peer" (readyState is already "open" in the handler), and -send.html /
  // -ondatachannel.html
  // "Should be able to send data in a datachannel event handler" (-send.html "Sending in
  // ondatachannel should work"); the open event follows the datachannel event.
  @Test
  void announcedChannelIsOpenInTheDatachannelHandlerAndCanSend() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Object> received = new CompletableFuture<>();
    CompletableFuture<Void> opened = new CompletableFuture<>();
    b.ondatachannel(
        e -> {
          RTCDataChannel dc = e.channel();
          events.add("datachannel " + dc.readyState());
          dc.onopen(
              o -> {
                events.add("open");
                opened.complete(null);
              });
          dc.send("meow meow!");
        });
    RTCDataChannel dc1 = a.createDataChannel("fire-me!");
    dc1.onmessage(e -> received.complete(e.data()));
    Peers.trickle(a, b);
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("meow meow!");
    opened.get(10, TimeUnit.SECONDS);
    assertThat(events).containsExactly("datachannel open", "open");
  }

  // -ondatachannel.html "Open event should not be raised when closing the channel in the
  // datachannel event" and "... when sending and immediately closing the channel in the
  // datachannel event"
  @ParameterizedTest(name = "send first={0}")
  @ValueSource(booleans = {false, true})
  void closingInTheDatachannelHandlerSuppressesOpen(boolean sendFirst) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Object> received = new CompletableFuture<>();
    CompletableFuture<Void> handled = new CompletableFuture<>();
    b.ondatachannel(
        e -> {
          RTCDataChannel dc = e.channel();
          dc.onopen(o -> events.add("open"));
          if (sendFirst) {
            dc.send("meow meow!");
          }
          dc.close();
          handled.complete(null);
        });
    RTCDataChannel dc1 = a.createDataChannel("fire-me!");
    dc1.onmessage(e -> received.complete(e.data()));
    Peers.trickle(a, b);
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    handled.get(10, TimeUnit.SECONDS);
    if (sendFirst) {
      assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("meow meow!");
    }
    Thread.sleep(500);
    assertThat(events).isEmpty();
  }

  // -ondatachannel.html "Open event should be raised when closing the channel in the datachannel
  // event after enqueuing a task"
  @Test
  void closingInALaterTaskStillFiresOpen() throws Exception {
    CompletableFuture<Void> opened = new CompletableFuture<>();
    b.ondatachannel(
        e -> {
          RTCDataChannel dc = e.channel();
          dc.onopen(o -> opened.complete(null));
          CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS).execute(dc::close);
        });
    a.createDataChannel("fire-me!");
    Peers.trickle(a, b);
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    opened.get(10, TimeUnit.SECONDS);
  }

  // -send.html "Calling send() when data channel is in connecting state should throw
  // InvalidStateError"
  @Test
  void sendWhileConnecting() {
    RTCDataChannel dc = a.createDataChannel("x");
    assertThatThrownBy(() -> dc.send("hello"))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    assertThat(dc.bufferedAmount()).isZero();
  }

  // -send.html: string, unicode, empty, binary (byte[] / ByteBuffer) arrive byte-exact, in order;
  // -ondatachannel.html: the remote channel mirrors the local one's attributes.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void messagesArriveExactlyAndInOrder(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    RTCDataChannel sender = pair[0];
    RTCDataChannel receiver = pair[1];
    assertThat(receiver.label()).isEqualTo("pair");
    assertThat(receiver.negotiated()).isEqualTo(negotiated);
    assertThat(receiver.ordered()).isTrue();
    assertThat(receiver.id()).isEqualTo(sender.id());

    List<Object> got = new CopyOnWriteArrayList<>();
    receiver.onmessage(e -> got.add(e.data()));
    List<Object> sent = new ArrayList<>();
    Random random = new Random(42);
    String unicode = "\u00b5 \u4e2d\u6587 \ud83d\ude00 \u0000 end";
    for (int i = 0; i < 300; i++) {
      switch (i % 5) {
        case 0 -> {
          String s = "message " + i;
          sender.send(s);
          sent.add(s);
        }
        case 1 -> {
          sender.send(unicode);
          sent.add(unicode);
        }
        case 2 -> {
          sender.send("");
          sent.add("");
        }
        case 3 -> {
          byte[] bytes = new byte[random.nextInt(2000)];
          random.nextBytes(bytes);
          sender.send(bytes);
          sent.add(ByteBuffer.wrap(bytes));
        }
        default -> {
          // Only the remaining bytes of a buffer are sent; its position is not moved.
          byte[] bytes = new byte[100];
          random.nextBytes(bytes);
          ByteBuffer slice = ByteBuffer.wrap(bytes, 10, 50);
          sender.send(slice);
          assertThat(slice.position()).isEqualTo(10);
          sent.add(ByteBuffer.wrap(bytes, 10, 50).slice());
        }
      }
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(64);
    direct.put("direct".getBytes(StandardCharsets.UTF_8)).flip();
    sender.send(direct);
    sent.add(ByteBuffer.wrap("direct".getBytes(StandardCharsets.UTF_8)));
    sender.send(new byte[0]);
    sent.add(ByteBuffer.allocate(0));

    await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Object expected = sent.get(i);
      Object actual = got.get(i);
      if (expected instanceof String) {
        assertThat(actual).as("message %d", i).isEqualTo(expected);
      } else {
        assertThat(actual).as("message %d", i).isInstanceOf(ByteBuffer.class);
        assertThat((ByteBuffer) actual).as("message %d", i).isEqualTo(expected);
        assertThat(((ByteBuffer) actual).isReadOnly()).isTrue();
      }
    }
  }

  // -binaryType.html: "blob" delivers a Blob.
  @Test
  void blobBinaryType() throws Exception {
    RTCDataChannel[] pair = openPair(false);
    pair[1].binaryType(BinaryType.BLOB);
    CompletableFuture<Object> got = new CompletableFuture<>();
    pair[1].onmessage(e -> got.complete(e.data()));
    pair[0].send(new byte[] {1, 2, 3});
    Object data = got.get(5, TimeUnit.SECONDS);
    assertThat(data).isInstanceOf(Blob.class);
    assertThat(((Blob) data).bytes()).containsExactly(1, 2, 3);
  }

  // -bufferedAmount.html: "bufferedAmount should increase to byte length of encoded unicode
  // message" synchronously after send, and drain back to 0.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void bufferedAmountGrowsSynchronouslyAndDrains(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    String unicode = "\u00b5\u4e2d\ud83d\ude00";
    int bytes = unicode.getBytes(StandardCharsets.UTF_8).length;
    // As in JS, within one task (a handler) the amount only grows.
    CompletableFuture<List<Long>> amounts = new CompletableFuture<>();
    a.eventQueue()
        .execute(
            () -> {
              List<Long> seen = new ArrayList<>();
              pair[0].send(unicode);
              pair[0].send(unicode);
              seen.add(pair[0].bufferedAmount());
              pair[0].send(new byte[1000]);
              seen.add(pair[0].bufferedAmount());
              amounts.complete(seen);
            });
    assertThat(amounts.get(5, TimeUnit.SECONDS)).containsExactly(2L * bytes, 2L * bytes + 1000);
    await().atMost(Duration.ofSeconds(5)).until(() -> pair[0].bufferedAmount() == 0);
  }

  // -bufferedAmountLowThreshold.html: bufferedamountlow fires when the amount falls to the
  // threshold.
  @Test
  void bufferedAmountLowFires() throws Exception {
    RTCDataChannel[] pair = openPair(false);
    RTCDataChannel dc = pair[0];
    dc.bufferedAmountLowThreshold(64 * 1024);
    CompletableFuture<Long> low = new CompletableFuture<>();
    dc.onbufferedamountlow(e -> low.complete(dc.bufferedAmount()));
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 64; i++) {
      dc.send(chunk);
    }
    assertThat(dc.bufferedAmount()).isGreaterThan(64 * 1024);
    assertThat(low.get(10, TimeUnit.SECONDS)).isLessThanOrEqualTo(64 * 1024);
  }

  // -send.html: a message over the max message size is a TypeError, and nothing is lost.
  @Test
  void oversizeMessageIsTypeError() throws Exception {
    RTCDataChannel[] pair = openPair(false);
    assertThatThrownBy(() -> pair[0].send(new byte[262_145])).isInstanceOf(TypeError.class);
    assertThat(pair[0].bufferedAmount()).isZero();
    CompletableFuture<Object> got = new CompletableFuture<>();
    pair[1].onmessage(e -> got.complete(e.data()));
    pair[0].send("still works");
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("still works");
  }

  // -close.html: "Close datachannel causes onclosing and onclose to be called" (on the remote),
  // the local side is "closing" at once and then "closed" with a close event.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void closeProcedure(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    List<String> events = new CopyOnWriteArrayList<>();
    pair[0].onclosing(e -> events.add("local closing"));
    pair[0].onclose(e -> events.add("local close"));
    pair[1].onclosing(e -> events.add("remote closing"));
    pair[1].onclose(e -> events.add("remote close"));
    // As in JS, the check runs inside a task of the connection's queue (a handler): from another
    // thread the queue may already have applied "closed" by the time readyState is read.
    CompletableFuture<RTCDataChannelState> stateAfterClose = new CompletableFuture<>();
    pair[0].onmessage(
        e -> {
          pair[0].close();
          stateAfterClose.complete(pair[0].readyState());
          pair[0].close();
        });
    pair[1].send("close now");
    assertThat(stateAfterClose.get(10, TimeUnit.SECONDS)).isEqualTo(RTCDataChannelState.CLOSING);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.contains("local close") && events.contains("remote close"));
    assertThat(pair[0].readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    assertThat(pair[1].readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    assertThat(events).doesNotContain("local closing");
    assertThat(events.indexOf("remote closing")).isLessThan(events.indexOf("remote close"));
    assertThatThrownBy(() -> pair[0].send("x"))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    // The connection itself is unaffected: another channel opens.
    RTCDataChannel again = a.createDataChannel("again");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> again.readyState() == RTCDataChannelState.OPEN);
  }

  // -bufferedAmount.html "bufferedAmount initial value should be 0 for both peers" and "... should
  // increase to byte length of encoded unicode string sent" / "... of buffer sent" / "... size of
  // blob sent": grows at once, and is back to 0 once the peer has the message. WPT reads 0 at
  // once; here the drain is seen by a 1 ms poller, so allow it a moment.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void bufferedAmountPerMessageType(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    assertThat(pair[0].bufferedAmount()).isZero();
    assertThat(pair[1].bufferedAmount()).isZero();
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    String unicode = "\u4e16\u754c\u4f60\u597d";
    List<Runnable> sends =
        List.of(
            () -> pair[0].send(unicode),
            () -> pair[0].send(hello),
            () -> pair[0].send(ByteBuffer.wrap(hello)),
            () -> pair[0].send(new Blob(hello, "")));
    long[] sizes = {12, 5, 5, 5};
    for (int i = 0; i < sends.size(); i++) {
      CompletableFuture<Object> got = new CompletableFuture<>();
      pair[1].onmessage(e -> got.complete(e.data()));
      Runnable send = sends.get(i);
      // One task, as a JS test's synchronous lines: drains only apply between tasks.
      long amount =
          inTask(
              () -> {
                send.run();
                return pair[0].bufferedAmount();
              });
      assertThat(amount).as("send %d", i).isEqualTo(sizes[i]);
      got.get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(1)).until(() -> pair[0].bufferedAmount() == 0);
    }
  }

  /** Runs {@code body} as one task on a's event queue, where JS would run a test's lines. */
  private <T> T inTask(java.util.concurrent.Callable<T> body) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    a.eventQueue()
        .execute(
            () -> {
              try {
                result.complete(body.call());
              } catch (Exception | Error e) {
                result.completeExceptionally(e);
              }
            });
    return result.get(10, TimeUnit.SECONDS);
  }

  // -bufferedAmount.html "bufferedAmount should not decrease immediately after initiating
  // closure" and "... after closing the peer connection" (nor later: unsent data stays counted).
  @ParameterizedTest(name = "negotiated={0}, closePeerConnection={1}")
  @CsvSource({"false,false", "true,false", "false,true", "true,true"})
  void bufferedAmountSurvivesClose(boolean negotiated, boolean closePeerConnection)
      throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    List<Long> amounts =
        inTask(
            () -> {
              pair[0].send(new byte[5]);
              long sent = pair[0].bufferedAmount();
              if (closePeerConnection) {
                a.close();
              } else {
                pair[0].close();
              }
              return List.of(sent, pair[0].bufferedAmount());
            });
    assertThat(amounts).containsExactly(5L, 5L);
    if (closePeerConnection) {
      // Closed with the connection, the data was never sent: it stays counted.
      Thread.sleep(50);
      assertThat(pair[0].bufferedAmount()).isEqualTo(5);
    }
  }

  // -bufferedAmount.html "bufferedamountlow event fires after send() is complete" (threshold 0),
  // "... fires only once after multiple consecutive send() calls" and "... fires after each sent
  // message".
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void bufferedAmountLowWithThresholdZero(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    List<Long> lows = new CopyOnWriteArrayList<>();
    pair[0].onbufferedamountlow(e -> lows.add(pair[0].bufferedAmount()));
    List<Object> got = new CopyOnWriteArrayList<>();
    pair[1].onmessage(e -> got.add(e.data()));
    // Two sends in one task, as in JS: one event.
    a.eventQueue()
        .execute(
            () -> {
              pair[0].send("hello");
              pair[0].send("hello");
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> lows.size() == 1 && got.size() == 2);
    Thread.sleep(50);
    assertThat(lows).containsExactly(0L);
    // Then one event per message sent after the amount was back to 0.
    for (int i = 2; i <= 4; i++) {
      int expected = i;
      CompletableFuture<Long> amount = new CompletableFuture<>();
      a.eventQueue()
          .execute(
              () -> {
                pair[0].send("hello");
                amount.complete(pair[0].bufferedAmount());
              });
      assertThat(amount.get(5, TimeUnit.SECONDS)).isEqualTo(5);
      await().atMost(Duration.ofSeconds(5)).until(() -> lows.size() == expected);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == expected + 1);
    }
    assertThat(lows).containsOnly(0L);
  }

  // -send.html "Datachannel send() up to max size should succeed, above max size should fail", and
  // "... should ignore binaryType and always receive string message as string".
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void sendUpToMaxMessageSize(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    pair[1].binaryType(BinaryType.BLOB);
    long max = a.maxMessageSize();
    assertThat(max).isPositive();
    String message = "hello888";
    while (message.length() <= max) {
      CompletableFuture<Object> got = new CompletableFuture<>();
      pair[1].onmessage(e -> got.complete(e.data()));
      pair[0].send(message);
      Object data = got.get(10, TimeUnit.SECONDS);
      assertThat(data).isInstanceOf(String.class);
      assertThat(((String) data).length()).isEqualTo(message.length());
      message = message + message;
    }
    String tooLong = message;
    assertThatThrownBy(() -> pair[0].send(tooLong)).isInstanceOf(TypeError.class);
  }

  // -close.html "Close peerconnection causes close event and error to be called on datachannel":
  // the peer's connection closing aborts the SCTP association; the channel sees closing, then an
  // RTCErrorEvent (OperationError, sctp-failure) and then close, in that order.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void peerConnectionCloseIsSeenOnTheOtherSide(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    List<String> events = new CopyOnWriteArrayList<>();
    CompletableFuture<RTCError> error = new CompletableFuture<>();
    pair[1].addEventListener("closing", (Event e) -> events.add("closing"));
    pair[1].addEventListener(
        "error",
        (Event e) -> {
          events.add("error");
          error.complete(e instanceof RTCErrorEvent ee ? ee.error() : null);
        });
    pair[1].addEventListener("close", (Event e) -> events.add("close"));
    pair[0].onclose(e -> events.add("local close"));
    a.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("close"));
    if ("false".equals(System.getProperty("jrtc.native"))) {
      // webrtc-java's observer does not expose the channel's error: no "error" event.
      assertThat(events).containsExactly("closing", "close");
      return;
    }
    assertThat(events).containsExactly("closing", "error", "close");
    RTCError err = error.get(1, TimeUnit.SECONDS);
    assertThat(err).as("an RTCErrorEvent's error").isNotNull();
    assertThat(err.name()).isEqualTo("OperationError");
    assertThat(err.errorDetail()).isEqualTo(RTCErrorDetailType.SCTP_FAILURE);
    assertThat(pair[1].readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    assertThat(pair[0].readyState()).isEqualTo(RTCDataChannelState.CLOSED);
  }

  // -close.html "Close datachannel causes closing and close event to be called": the peer's clean
  // close (dc.close()) brings no error.
  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void peerChannelCloseFiresNoError(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    List<String> events = new CopyOnWriteArrayList<>();
    pair[1].addEventListener("closing", (Event e) -> events.add("closing"));
    pair[1].addEventListener("error", (Event e) -> events.add("error"));
    pair[1].addEventListener("close", (Event e) -> events.add("close"));
    pair[0].close();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("close"));
    assertThat(events).containsExactly("closing", "close");
  }

  @ParameterizedTest(name = "negotiated={0}")
  @ValueSource(booleans = {false, true})
  void peerConnectionCloseAfterChannelCloseFiresNothing(boolean negotiated) throws Exception {
    RTCDataChannel[] pair = openPair(negotiated);
    CompletableFuture<Void> closed1 = new CompletableFuture<>();
    CompletableFuture<Void> closed2 = new CompletableFuture<>();
    pair[0].onclose(e -> closed1.complete(null));
    pair[1].onclose(e -> closed2.complete(null));
    pair[0].close();
    closed2.get(10, TimeUnit.SECONDS);
    closed1.get(10, TimeUnit.SECONDS);
    List<String> late = new CopyOnWriteArrayList<>();
    for (RTCDataChannel dc : pair) {
      dc.onclose(e -> late.add("close"));
      dc.onerror(e -> late.add("error"));
      dc.onclosing(e -> late.add("closing"));
    }
    a.close();
    Thread.sleep(200);
    assertThat(late).isEmpty();
  }
}
