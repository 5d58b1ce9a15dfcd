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

  /**
   * TypeError when the type is missing: it is required here.
   *
   * @param init the type (required) and sdp
   */
  public RTCSessionDescription(RTCSessionDescriptionInit init) {
    this(init == null ? null : init.type(), init == null ? "" : init.sdp());
  }

  /**
   * A description of the given type and SDP text.
   *
   * @param type the type (TypeError when null)
   * @param sdp the SDP text; null means ""
   */
  public RTCSessionDescription(RTCSdpType type, String sdp) {
    if (type == null) {
      throw new TypeError("RTCSessionDescription requires a type");
    }
    this.type = type;
    this.sdp = sdp == null ? "" : sdp;
  }

  /**
   * offer, answer, pranswer or rollback.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription/type">MDN</a>.
   *
   * @return the type
   */
  public RTCSdpType type() {
    return type;
  }

  /**
   * The SDP text.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription/sdp">MDN</a>.
   *
   * @return the SDP text
   */
  public String sdp() {
    return sdp;
  }

  /**
   * The dictionary form, as {@code toJSON()} gives it.
   *
   * @return the init dictionary
   */
  public RTCSessionDescriptionInit toInit() {
    return new RTCSessionDescriptionInit(type, sdp);
  }

  /**
   * JSON.stringify's shape: {@code {"type":"offer","sdp":"v=0..."}}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription/toJSON">MDN</a>.
   *
   * @return the JSON text
   */
  public String toJSON() {
    return toInit().toJSON();
  }

  /**
   * Parses what {@link #toJSON()} (or a browser's {@code JSON.stringify(description)}) gives.
   *
   * @param json the JSON text
   * @return the description
   */
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
