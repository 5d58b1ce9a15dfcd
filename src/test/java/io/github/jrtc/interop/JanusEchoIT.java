package io.github.jrtc.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** jrtc offers to Janus's echotest plugin and gets what it sent echoed back. */
class JanusEchoIT {
  @Test
  void jrtcOffersJanusEchoes() throws Exception {
    Path dir = Files.createTempDirectory("jrtc-janus-");
    try (JanusServer server = new JanusServer(dir, Summary.DIR.resolve("janus.log"));
        JanusPeer janus = new JanusPeer(server)) {
      Summary.record(
          new InteropCase(janus, Direction.JRTC_OFFERS)
              .jrtcSendsMedia(320, 240)
              // Janus 1.1's echotest prefixes text messages it echoes.
              .echo(
                  "jrtc offers, janus echotest echoes",
                  "Janus EchoTest here! You wrote: " + InteropCase.JRTC_GREETING)
              .run());
    }
  }
}
