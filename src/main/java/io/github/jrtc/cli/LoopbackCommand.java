package io.github.jrtc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The original demo: two connections in one JVM (no server, no browser). */
@Command(
    name = "loopback",
    mixinStandardHelpOptions = true,
    description =
        "Two RTCPeerConnections in one JVM negotiate, connect and exchange a data channel"
            + " message, printing each step. Needs a network interface other than loopback.")
final class LoopbackCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    return LoopbackDemo.run();
  }
}
