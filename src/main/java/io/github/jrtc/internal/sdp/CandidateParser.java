package io.github.jrtc.internal.sdp;

import io.github.jrtc.RTCIceCandidateType;
import io.github.jrtc.RTCIceComponent;
import io.github.jrtc.RTCIceProtocol;
import io.github.jrtc.RTCIceTcpCandidateType;
import java.util.Locale;

/**
 * Parses an ICE candidate-attribute (RFC 8839 section 5.1): {@code candidate:<foundation>
 * <component> <transport> <priority> <address> <port> typ <type> [raddr <a>] [rport <p>]
 * *(<extension-name> <extension-value>)}.
 */
public final class CandidateParser {
  private CandidateParser() {}

  /** The parsed fields of a candidate line. */
  public record Parsed(
      String foundation,
      RTCIceComponent component,
      RTCIceProtocol protocol,
      long priority,
      String address,
      int port,
      RTCIceCandidateType type,
      String relatedAddress,
      Integer relatedPort,
      RTCIceTcpCandidateType tcpType,
      String ufrag) {}

  public static boolean isValid(String candidate) {
    return parse(candidate) != null;
  }

  /** The parsed candidate, or null when it is empty or malformed. */
  public static Parsed parse(String candidate) {
    if (candidate == null) {
      return null;
    }
    String s = candidate.trim();
    if (s.startsWith("a=")) {
      s = s.substring(2);
    }
    if (!s.startsWith("candidate:")) {
      return null;
    }
    String[] f = s.substring("candidate:".length()).split(" +");
    if (f.length < 8 || !f[6].equals("typ")) {
      return null;
    }
    try {
      String foundation = f[0];
      if (foundation.isEmpty() || foundation.length() > 32) {
        return null;
      }
      int componentId = Integer.parseInt(f[1]);
      if (componentId < 1 || componentId > 256) {
        return null;
      }
      RTCIceComponent component =
          componentId == 1 ? RTCIceComponent.RTP : componentId == 2 ? RTCIceComponent.RTCP : null;
      RTCIceProtocol protocol = RTCIceProtocol.fromString(f[2].toLowerCase(Locale.ROOT));
      long priority = Long.parseLong(f[3]);
      if (priority < 0 || priority > 0xFFFFFFFFL) {
        return null;
      }
      String address = f[4];
      if (address.isEmpty()) {
        return null;
      }
      int port = Integer.parseInt(f[5]);
      if (port < 0 || port > 65535) {
        return null;
      }
      RTCIceCandidateType type = RTCIceCandidateType.fromString(f[7]);
      String relatedAddress = null;
      Integer relatedPort = null;
      RTCIceTcpCandidateType tcpType = null;
      String ufrag = null;
      for (int i = 8; i + 1 < f.length; i += 2) {
        String name = f[i];
        String value = f[i + 1];
        switch (name) {
          case "raddr" -> relatedAddress = value;
          case "rport" -> relatedPort = Integer.parseInt(value);
          case "tcptype" -> tcpType = RTCIceTcpCandidateType.fromString(value);
          case "ufrag" -> ufrag = value;
          default -> {}
        }
      }
      if ((f.length - 8) % 2 != 0) {
        return null;
      }
      return new Parsed(
          foundation,
          component,
          protocol,
          priority,
          address,
          port,
          type,
          relatedAddress,
          relatedPort,
          tcpType,
          ufrag);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
