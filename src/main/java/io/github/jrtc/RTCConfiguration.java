package io.github.jrtc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code RTCConfiguration} dictionary. {@code new RTCConfiguration()} gives the spec's
 * defaults; {@link #builder()} sets members the way a JS object literal would: {@code
 * RTCConfiguration.builder().iceServers(new RTCIceServer("stun:stun.example.org")).build()}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/RTCPeerConnection">MDN</a>.
 */
public record RTCConfiguration(
    List<RTCIceServer> iceServers,
    RTCIceTransportPolicy iceTransportPolicy,
    RTCBundlePolicy bundlePolicy,
    RTCRtcpMuxPolicy rtcpMuxPolicy,
    int iceCandidatePoolSize) {

  /**
   * The configuration; left-out (null) members get the spec's defaults (policy "all", "balanced",
   * "require"; no ICE servers). TypeError for an iceCandidatePoolSize outside 0..255.
   *
   * @param iceServers the {@code iceServers} member
   * @param iceTransportPolicy the {@code iceTransportPolicy} member
   * @param bundlePolicy the {@code bundlePolicy} member
   * @param rtcpMuxPolicy the {@code rtcpMuxPolicy} member
   * @param iceCandidatePoolSize the {@code iceCandidatePoolSize} member
   */
  public RTCConfiguration {
    // Null elements are kept, as JS would pass them: the constructor's validation refuses them
    // with the spec's TypeError rather than a NullPointerException here.
    iceServers =
        iceServers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(iceServers));
    if (iceTransportPolicy == null) {
      iceTransportPolicy = RTCIceTransportPolicy.ALL;
    }
    if (bundlePolicy == null) {
      bundlePolicy = RTCBundlePolicy.BALANCED;
    }
    if (rtcpMuxPolicy == null) {
      rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
    }
    if (iceCandidatePoolSize < 0 || iceCandidatePoolSize > 255) {
      throw new TypeError("iceCandidatePoolSize must be between 0 and 255");
    }
  }

  /** The default configuration: no ICE servers, the spec's default policies. */
  public RTCConfiguration() {
    this(List.of(), null, null, null, 0);
  }

  /**
   * A builder with every member at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from these values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .iceServers(iceServers)
        .iceTransportPolicy(iceTransportPolicy)
        .bundlePolicy(bundlePolicy)
        .rtcpMuxPolicy(rtcpMuxPolicy)
        .iceCandidatePoolSize(iceCandidatePoolSize);
  }

  /** Fluent builder for {@link RTCConfiguration}. */
  public static final class Builder {
    private List<RTCIceServer> iceServers = List.of();
    private RTCIceTransportPolicy iceTransportPolicy;
    private RTCBundlePolicy bundlePolicy;
    private RTCRtcpMuxPolicy rtcpMuxPolicy;
    private int iceCandidatePoolSize;

    private Builder() {}

    /**
     * Sets {@code iceServers}, the member of that name.
     *
     * @param servers the value
     * @return this builder
     */
    public Builder iceServers(RTCIceServer... servers) {
      this.iceServers = List.of(servers);
      return this;
    }

    /**
     * Sets {@code iceServers}, the member of that name.
     *
     * @param servers the value
     * @return this builder
     */
    public Builder iceServers(List<RTCIceServer> servers) {
      this.iceServers = servers;
      return this;
    }

    /**
     * Sets {@code iceTransportPolicy}, the member of that name.
     *
     * @param policy the value
     * @return this builder
     */
    public Builder iceTransportPolicy(RTCIceTransportPolicy policy) {
      this.iceTransportPolicy = policy;
      return this;
    }

    /**
     * Sets {@code bundlePolicy}, the member of that name.
     *
     * @param policy the value
     * @return this builder
     */
    public Builder bundlePolicy(RTCBundlePolicy policy) {
      this.bundlePolicy = policy;
      return this;
    }

    /**
     * Sets {@code rtcpMuxPolicy}, the member of that name.
     *
     * @param policy the value
     * @return this builder
     */
    public Builder rtcpMuxPolicy(RTCRtcpMuxPolicy policy) {
      this.rtcpMuxPolicy = policy;
      return this;
    }

    /**
     * Sets {@code iceCandidatePoolSize}, the member of that name.
     *
     * @param size the value
     * @return this builder
     */
    public Builder iceCandidatePoolSize(int size) {
      this.iceCandidatePoolSize = size;
      return this;
    }

    /**
     * Builds the immutable value.
     *
     * @return the value
     */
    public RTCConfiguration build() {
      return new RTCConfiguration(
          iceServers, iceTransportPolicy, bundlePolicy, rtcpMuxPolicy, iceCandidatePoolSize);
    }
  }
}
