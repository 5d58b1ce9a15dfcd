package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst sent the moment a channel opens arrives whole, first message included, on in-band (local
 * and ondatachannel) and negotiated channels: the reproduction for a CI run where jrtc never
 * delivered Chromium's greeting on a channel it had created. Both with jrtc's native observer and
 * with webrtc-java's ({@code -Djrtc.native=false}).
 */
class FirstMessageIT {
  private static final int ROUNDS = Integer.getInteger("jrtc.firstMessage.rounds", 15);

  @Test
  void everyBurstArrivesWholeWithTheNativeObserver() throws Exception {
    List<String> failures = FirstMessageProbe.run(ROUNDS);
    assertThat(failures).isEmpty();
  }

  @Test
  void everyBurstArrivesWholeWithWebrtcJavasObserver() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(
            300,
            List.of("-Djrtc.native=false", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
            FirstMessageProbe.class.getName(),
            String.valueOf(ROUNDS));
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.lines()).as(r.output()).contains("RESULT " + ROUNDS + " 0");
  }
}
