package io.github.jrtc;

import io.github.jrtc.internal.sdp.CandidateParser;
import java.util.Objects;

/**
 * An ICE candidate with its candidate-attribute parsed into the spec's fields ({@link #address()},
 * {@link #port()}, {@link #type()}, ...). A candidate string that does not parse gives null fields,
 * as in browsers; addIceCandidate rejects it.
 */
public final class RTCIceCandidate {
  private final String candidate;
  private final String sdpMid;
  private final Integer sdpMLineIndex;
  private final String usernameFragment;
  private final CandidateParser.Parsed parsed;

  /** TypeError when both sdpMid and sdpMLineIndex are null. */
  public RTCIceCandidate(RTCIceCandidateInit init) {
    Objects.requireNonNull(init, "init");
    if (init.sdpMid() == null && init.sdpMLineIndex() == null) {
      throw new TypeError("An RTCIceCandidate needs an sdpMid or an sdpMLineIndex");
    }
    this.candidate = init.candidate();
    this.sdpMid = init.sdpMid();
    this.sdpMLineIndex = init.sdpMLineIndex();
    this.parsed = CandidateParser.parse(candidate);
    this.usernameFragment =
        init.usernameFragment() != null
            ? init.usernameFragment()
            : parsed == null ? null : parsed.ufrag();
  }

  public String candidate() {
    return candidate;
  }

  public String sdpMid() {
    return sdpMid;
  }

  public Integer sdpMLineIndex() {
    return sdpMLineIndex;
  }

  public String foundation() {
    return parsed == null ? null : parsed.foundation();
  }

  public RTCIceComponent component() {
    return parsed == null ? null : parsed.component();
  }

  public Long priority() {
    return parsed == null ? null : parsed.priority();
  }

  public String address() {
    return parsed == null ? null : parsed.address();
  }

  public RTCIceProtocol protocol() {
    return parsed == null ? null : parsed.protocol();
  }

  public Integer port() {
    return parsed == null ? null : parsed.port();
  }

  public RTCIceCandidateType type() {
    return parsed == null ? null : parsed.type();
  }

  public RTCIceTcpCandidateType tcpType() {
    return parsed == null ? null : parsed.tcpType();
  }

  public String relatedAddress() {
    return parsed == null ? null : parsed.relatedAddress();
  }

  public Integer relatedPort() {
    return parsed == null ? null : parsed.relatedPort();
  }

  public String usernameFragment() {
    return usernameFragment;
  }

  public RTCIceCandidateInit toInit() {
    return new RTCIceCandidateInit(candidate, sdpMid, sdpMLineIndex, usernameFragment);
  }

  /** A browser's {@code JSON.stringify(candidate)}. */
  public String toJSON() {
    return toInit().toJSON();
  }

  public static RTCIceCandidate fromJSON(String json) {
    return new RTCIceCandidate(RTCIceCandidateInit.fromJSON(json));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RTCIceCandidate c && c.toInit().equals(toInit());
  }

  @Override
  public int hashCode() {
    return toInit().hashCode();
  }

  @Override
  public String toString() {
    return "RTCIceCandidate["
        + candidate
        + ", sdpMid="
        + sdpMid
        + ", sdpMLineIndex="
        + sdpMLineIndex
        + "]";
  }
}
