package io.github.jrtc;

import io.github.jrtc.internal.sdp.CandidateParser;

/**
 * An ICE candidate with its candidate-attribute parsed into the spec's fields ({@link #address()},
 * {@link #port()}, {@link #type()}, ...). A candidate string that does not parse gives null fields,
 * as in browsers; addIceCandidate rejects it.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate">MDN</a>.
 */
public final class RTCIceCandidate {
  private final String candidate;
  private final String sdpMid;
  private final Integer sdpMLineIndex;
  private final String usernameFragment;
  private final CandidateParser.Parsed parsed;

  /**
   * TypeError when both sdpMid and sdpMLineIndex are null, or {@code init} is null (JS's {@code new
   * RTCIceCandidate()}). {@link #usernameFragment()} is the dictionary's, never read from the
   * candidate line (WPT RTCIceCandidate-constructor.html).
   *
   * @param init the candidate line, sdpMid, sdpMLineIndex and usernameFragment
   */
  public RTCIceCandidate(RTCIceCandidateInit init) {
    if (init == null || (init.sdpMid() == null && init.sdpMLineIndex() == null)) {
      throw new TypeError("An RTCIceCandidate needs an sdpMid or an sdpMLineIndex");
    }
    this.candidate = init.candidate();
    this.sdpMid = init.sdpMid();
    this.sdpMLineIndex = init.sdpMLineIndex();
    this.parsed = CandidateParser.parse(candidate);
    this.usernameFragment = init.usernameFragment();
  }

  /**
   * The candidate-attribute line ({@code candidate:...}); empty for end-of-candidates.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/candidate">MDN</a>.
   *
   * @return the candidate line
   */
  public String candidate() {
    return candidate;
  }

  /**
   * The mid of the m-section the candidate belongs to; null if not given.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/sdpMid">MDN</a>.
   *
   * @return the mid, or null
   */
  public String sdpMid() {
    return sdpMid;
  }

  /**
   * The index of the m-section the candidate belongs to; null if not given.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/sdpMLineIndex">MDN</a>.
   *
   * @return the index, or null
   */
  public Integer sdpMLineIndex() {
    return sdpMLineIndex;
  }

  /**
   * The foundation parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/foundation">MDN</a>.
   *
   * @return the foundation, or null
   */
  public String foundation() {
    return parsed == null ? null : parsed.foundation();
  }

  /**
   * RTP or RTCP, parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/component">MDN</a>.
   *
   * @return the component, or null
   */
  public RTCIceComponent component() {
    return parsed == null ? null : parsed.component();
  }

  /**
   * The priority parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/priority">MDN</a>.
   *
   * @return the priority, or null
   */
  public Long priority() {
    return parsed == null ? null : parsed.priority();
  }

  /**
   * The address parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/address">MDN</a>.
   *
   * @return the address, or null
   */
  public String address() {
    return parsed == null ? null : parsed.address();
  }

  /**
   * UDP or TCP, parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/protocol">MDN</a>.
   *
   * @return the protocol, or null
   */
  public RTCIceProtocol protocol() {
    return parsed == null ? null : parsed.protocol();
  }

  /**
   * The port parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/port">MDN</a>.
   *
   * @return the port, or null
   */
  public Integer port() {
    return parsed == null ? null : parsed.port();
  }

  /**
   * host, srflx, prflx or relay, parsed from the candidate line; null if it does not parse.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/type">MDN</a>.
   *
   * @return the type, or null
   */
  public RTCIceCandidateType type() {
    return parsed == null ? null : parsed.type();
  }

  /**
   * For a TCP candidate: active, passive or so (simultaneous-open); null otherwise.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/tcpType">MDN</a>.
   *
   * @return the TCP type, or null
   */
  public RTCIceTcpCandidateType tcpType() {
    return parsed == null ? null : parsed.tcpType();
  }

  /**
   * The related address (raddr) of a reflexive or relay candidate; null otherwise.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/relatedAddress">MDN</a>.
   *
   * @return the related address, or null
   */
  public String relatedAddress() {
    return parsed == null ? null : parsed.relatedAddress();
  }

  /**
   * The related port (rport) of a reflexive or relay candidate; null otherwise.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/relatedPort">MDN</a>.
   *
   * @return the related port, or null
   */
  public Integer relatedPort() {
    return parsed == null ? null : parsed.relatedPort();
  }

  /**
   * The ICE username fragment: the one given, else the one in the candidate line; null if neither.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/usernameFragment">MDN</a>.
   *
   * @return the ufrag, or null
   */
  public String usernameFragment() {
    return usernameFragment;
  }

  /**
   * The dictionary form, as {@code toJSON()} gives it.
   *
   * @return the init dictionary
   */
  public RTCIceCandidateInit toInit() {
    return new RTCIceCandidateInit(candidate, sdpMid, sdpMLineIndex, usernameFragment);
  }

  /**
   * A browser's {@code JSON.stringify(candidate)}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/toJSON">MDN</a>.
   *
   * @return the JSON text
   */
  public String toJSON() {
    return toInit().toJSON();
  }

  /**
   * Parses what {@link #toJSON()} (or a browser's {@code JSON.stringify(candidate)}) gives.
   *
   * @param json the JSON text
   * @return the candidate
   */
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
