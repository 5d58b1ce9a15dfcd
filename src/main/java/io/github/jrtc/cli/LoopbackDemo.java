package io.github.jrtc.cli;

import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCIceCandidate;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The demo until the signaling server lands: two peers in one JVM negotiate with
 * createOffer/createAnswer, trickle candidates, connect and exchange a data channel message,
 * printing each step. Written the way an MDN reader would write it.
 */
public final class LoopbackDemo {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final long START = System.nanoTime();

  private LoopbackDemo() {}

  private static void step(String who, String what) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - START);
    OUT.printf("%6d ms  [%s] %s%n", ms, who, what);
  }

  public static void main(String[] args) throws Exception {
    OUT.println(
        "jrtc loopback demo: two RTCPeerConnections in one JVM, talking over the network stack");
    int code = run();
    OUT.println(code == 0 ? "demo finished: OK" : "demo FAILED");
    if (code != 0) {
      System.exit(code);
    }
    // On success main just returns: jrtc's engine shuts itself down once no user thread is left.
  }

  static int run() throws Exception {
    try (RTCPeerConnection alice = new RTCPeerConnection();
        RTCPeerConnection bob = new RTCPeerConnection()) {
      alice.onicecandidate(
          e -> {
            RTCIceCandidate c = e.candidate();
            step(
                "alice",
                c == null ? "icecandidate: end of candidates" : "icecandidate " + describe(c));
            (c == null ? bob.addIceCandidate() : bob.addIceCandidate(c))
                .exceptionally(err -> fail("bob.addIceCandidate", err));
          });
      bob.onicecandidate(
          e -> {
            RTCIceCandidate c = e.candidate();
            step(
                "bob",
                c == null ? "icecandidate: end of candidates" : "icecandidate " + describe(c));
            (c == null ? alice.addIceCandidate() : alice.addIceCandidate(c))
                .exceptionally(err -> fail("alice.addIceCandidate", err));
          });
      alice.onconnectionstatechange(
          e -> step("alice", "connectionState " + alice.connectionState()));
      bob.onconnectionstatechange(e -> step("bob", "connectionState " + bob.connectionState()));

      CompletableFuture<String> reply = new CompletableFuture<>();
      bob.ondatachannel(
          e -> {
            RTCDataChannel channel = e.channel();
            step("bob", "datachannel \"" + channel.label() + "\"");
            channel.onmessage(
                m -> {
                  step("bob", "message \"" + m.data() + "\"");
                  String answer = "Hello alice, bob here";
                  step("bob", "send \"" + answer + "\"");
                  channel.send(answer);
                });
          });

      RTCDataChannel chat = alice.createDataChannel("chat");
      step("alice", "createDataChannel(\"chat\")");
      chat.onopen(
          e -> {
            step("alice", "channel open");
            String hello = "Hello bob, alice here";
            step("alice", "send \"" + hello + "\"");
            chat.send(hello);
          });
      chat.onmessage(
          m -> {
            step("alice", "message \"" + m.data() + "\"");
            reply.complete((String) m.data());
          });

      alice
          .createOffer()
          .thenCompose(
              offer -> {
                step(
                    "alice",
                    "createOffer() -> " + offer.type() + ", " + lines(offer.sdp()) + " SDP lines");
                return alice.setLocalDescription(offer);
              })
          .thenCompose(
              v -> {
                step("alice", "setLocalDescription(offer) -> " + alice.signalingState());
                return bob.setRemoteDescription(alice.localDescription());
              })
          .thenCompose(
              v -> {
                step("bob", "setRemoteDescription(offer) -> " + bob.signalingState());
                return bob.createAnswer();
              })
          .thenCompose(
              answer -> {
                step(
                    "bob",
                    "createAnswer() -> "
                        + answer.type()
                        + ", "
                        + lines(answer.sdp())
                        + " SDP lines");
                return bob.setLocalDescription(answer);
              })
          .thenCompose(
              v -> {
                step("bob", "setLocalDescription(answer) -> " + bob.signalingState());
                return alice.setRemoteDescription(bob.localDescription());
              })
          .thenRun(() -> step("alice", "setRemoteDescription(answer) -> " + alice.signalingState()))
          .get(10, TimeUnit.SECONDS);

      String got = reply.get(15, TimeUnit.SECONDS);
      boolean ok =
          got.equals("Hello alice, bob here")
              && alice.connectionState() == RTCPeerConnectionState.CONNECTED;
      step("demo", "closing both connections");
      return ok ? 0 : 1;
    } catch (java.util.concurrent.TimeoutException e) {
      step("demo", "timed out: no connection. Is there a network interface other than loopback?");
      return 1;
    }
  }

  private static String describe(RTCIceCandidate c) {
    return c.type() + " " + c.protocol() + " " + c.address() + ":" + c.port();
  }

  private static int lines(String sdp) {
    return sdp.split("\r\n").length;
  }

  private static Void fail(String what, Throwable err) {
    step("demo", what + " failed: " + err);
    return null;
  }
}
