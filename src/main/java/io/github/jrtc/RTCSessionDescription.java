package io.github.jrtc;

import java.util.Objects;

/**
 * A session description as the connection holds it ({@code pc.localDescription()}, ...).
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription">MDN</a>.
 */
public final class RTCSessionDescription {
  private final RTCSdpType type;
  private final String sdp;

  /** TypeError when the type is missing: it is required here. */
  public RTCSessionDescription(RTCSessionDescriptionInit init) {
    this(init == null ? null : init.type(), init == null ? "" : init.sdp());
  }

  public RTCSessionDescription(RTCSdpType type, String sdp) {
    if (type == null) {
      throw new TypeError("RTCSessionDescription requires a type");
    }
    this.type = type;
    this.sdp = sdp == null ? "" : sdp;
  }

  public RTCSdpType type() {
    return type;
  }

  public String sdp() {
    return sdp;
  }

  public RTCSessionDescriptionInit toInit() {
    return new RTCSessionDescriptionInit(type, sdp);
  }

  /** JSON.stringify's shape: {@code {"type":"offer","sdp":"v=0..."}}. */
  public String toJSON() {
    return toInit().toJSON();
  }

  public static RTCSessionDescription fromJSON(String json) {
    return new RTCSessionDescription(RTCSessionDescriptionInit.fromJSON(json));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RTCSessionDescription d && d.type == type && d.sdp.equals(sdp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, sdp);
  }

  @Override
  public String toString() {
    return "RTCSessionDescription[type=" + type + ", sdp=" + sdp.length() + " chars]";
  }
}
