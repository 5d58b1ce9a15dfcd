package io.github.jrtc.internal.whip;

import io.github.jrtc.RTCIceServer;
import io.github.jrtc.internal.spec.IceServerValidator;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9725 section 4.6: {@code Link: <turn:host?transport=udp>; rel="ice-server"; username="u";
 * credential="p"; credential-type="password"} as {@link RTCIceServer}s. A link that is not a valid
 * STUN/TURN server (bad URI, TURN without credentials, a credential type other than "password") is
 * skipped with a log line: one bad link does not fail a publish.
 */
public final class IceServerLinks {
  private static final Logger LOG = LoggerFactory.getLogger(IceServerLinks.class);

  private IceServerLinks() {}

  public static List<RTCIceServer> from(List<LinkHeader.Link> links) {
    List<RTCIceServer> out = new ArrayList<>();
    for (LinkHeader.Link link : links) {
      if (!link.hasRel("ice-server")) {
        continue;
      }
      String type = link.param("credential-type");
      if (type != null && !type.equalsIgnoreCase("password")) {
        LOG.info("ignoring ice-server link {}: credential-type {}", link.target(), type);
        continue;
      }
      try {
        RTCIceServer server =
            new RTCIceServer(
                List.of(link.target()), link.param("username"), link.param("credential"));
        IceServerValidator.validate(List.of(server));
        out.add(server);
      } catch (RuntimeException e) {
        LOG.info("ignoring ice-server link {}: {}", link.target(), e.getMessage());
      }
    }
    return List.copyOf(out);
  }
}
