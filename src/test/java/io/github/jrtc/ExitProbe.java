package io.github.jrtc;

import java.util.concurrent.TimeUnit;

/**
 * A program that opens connected peers and returns from main without closing anything (or calls
 * System.exit with "exit"). Run as a child JVM by {@link EngineExitIT}.
 */
public final class ExitProbe {
  private ExitProbe() {}

  public static void main(String[] args) throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    Peers.trickle(a, b);
    a.createDataChannel("probe");
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (a.connectionState() != RTCPeerConnectionState.CONNECTED
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    System.out.println("state " + a.connectionState());
    System.out.println("main returns");
    System.out.flush();
    if (args.length > 0 && args[0].equals("exit")) {
      System.exit(0);
    }
  }
}
