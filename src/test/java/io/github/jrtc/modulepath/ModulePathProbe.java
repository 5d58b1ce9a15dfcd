package io.github.jrtc.modulepath;

import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.internal.jni.NativeHandleField;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.internal.webrtcjava.NativeHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run by ModulePathIT in a child JVM where jrtc and its dependencies are on the module path and
 * this class on the class path (its own package: a class-path class cannot live in a package of a
 * named module). Connects two peers, sends a message each way, closes them, and checks that jrtc's
 * native helper did the work webrtc-java's paths would otherwise do. The only flag ModulePathIT
 * adds for it is {@code --add-exports} of two internal packages, so that it can read those
 * diagnostics; jrtc itself gets no {@code --add-opens}.
 */
public final class ModulePathProbe {
  private ModulePathProbe() {}

  public static void main(String[] args) {
    int code = 0;
    try {
      run();
      System.out.println("MODULE-PATH-PROBE OK");
    } catch (Throwable t) { // NOPMD: report and end
      t.printStackTrace(System.out);
      code = 1;
    }
    System.out.flush();
    // Halt: libwebrtc's threads would keep the JVM alive; its exit is not what this tests.
    Runtime.getRuntime().halt(code);
  }

  private static void run() throws Exception {
    Module jrtc = RTCPeerConnection.class.getModule();
    check(
        jrtc.isNamed() && jrtc.getName().equals("io.github.jrtc"),
        "jrtc is not loaded as the named module io.github.jrtc: " + jrtc);
    check(
        !jrtc.isOpen("io.github.jrtc.internal.webrtcjava"),
        "jrtc's internal packages are open to everyone");
    check(
        !jrtc.isExported("io.github.jrtc.internal.jni"),
        "jrtc exports an internal package to everyone");

    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    a.onicecandidate(
        e -> {
          if (e.candidate() != null) {
            forward(b.addIceCandidate(e.candidate()));
          }
        });
    b.onicecandidate(
        e -> {
          if (e.candidate() != null) {
            forward(a.addIceCandidate(e.candidate()));
          }
        });
    CompletableFuture<String> atB = new CompletableFuture<>();
    CompletableFuture<String> atA = new CompletableFuture<>();
    b.ondatachannel(
        e -> {
          RTCDataChannel ch = e.channel();
          ch.onmessage(
              m -> {
                atB.complete((String) m.data());
                ch.send("pong");
              });
        });
    RTCDataChannel channel = a.createDataChannel("probe");
    channel.onopen(e -> channel.send("ping"));
    channel.onmessage(m -> atA.complete((String) m.data()));

    a.createOffer()
        .thenCompose(a::setLocalDescription)
        .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
        .thenCompose(v -> b.createAnswer())
        .thenCompose(b::setLocalDescription)
        .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
        .get(10, TimeUnit.SECONDS);
    check("ping".equals(atB.get(20, TimeUnit.SECONDS)), "b did not get ping");
    check("pong".equals(atA.get(10, TimeUnit.SECONDS)), "a did not get pong");
    check(a.connectionState() == RTCPeerConnectionState.CONNECTED, "a is " + a.connectionState());

    // jrtc's native helper, not webrtc-java's paths or reflection, did the native work.
    check(NativeHandleField.available(), "jrtc's native library did not load (or found no field)");
    check(NativeHandles.throughJni(), "native handles are read by reflection, not JNI");
    NativeEngine engine = NativeEngine.shared();
    long releasedBefore = engine.releasedPeerConnections();
    a.close();
    b.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (engine.releasedPeerConnections() < releasedBefore + 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    check(
        engine.releasedPeerConnections() >= releasedBefore + 2,
        "closed connections were not released through jrtc's native helper ("
            + engine.releasedPeerConnections()
            + ")");
  }

  private static void forward(CompletableFuture<Void> added) {
    added.exceptionally(
        t -> {
          System.out.println("addIceCandidate failed: " + t);
          return null;
        });
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
