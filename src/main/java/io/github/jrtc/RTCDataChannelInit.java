package io.github.jrtc;

/**
 * The {@code RTCDataChannelInit} dictionary. Members left out in JS are null here (for the nullable
 * numbers) or the spec default. Build one with {@link #builder()}: {@code
 * RTCDataChannelInit.builder().ordered(false).maxRetransmits(0).build()}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createDataChannel">MDN</a>.
 */
public record RTCDataChannelInit(
    boolean ordered,
    Integer maxPacketLifeTime,
    Integer maxRetransmits,
    String protocol,
    boolean negotiated,
    Integer id,
    RTCPriorityType priority) {

  /**
   * The options; a null protocol is "" and a null priority "low", as in JS.
   *
   * @param ordered the {@code ordered} member
   * @param maxPacketLifeTime the {@code maxPacketLifeTime} member
   * @param maxRetransmits the {@code maxRetransmits} member
   * @param protocol the {@code protocol} member
   * @param negotiated the {@code negotiated} member
   * @param id the {@code id} member
   * @param priority the {@code priority} member
   */
  public RTCDataChannelInit {
    if (protocol == null) {
      protocol = "";
    }
    if (priority == null) {
      priority = RTCPriorityType.LOW;
    }
  }

  /** The spec defaults: ordered, reliable, in-band, protocol "". */
  public RTCDataChannelInit() {
    this(true, null, null, "", false, null, RTCPriorityType.LOW);
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
        .ordered(ordered)
        .maxPacketLifeTime(maxPacketLifeTime)
        .maxRetransmits(maxRetransmits)
        .protocol(protocol)
        .negotiated(negotiated)
        .id(id)
        .priority(priority);
  }

  /** Fluent builder for {@link RTCDataChannelInit}. */
  public static final class Builder {
    private boolean ordered = true;
    private Integer maxPacketLifeTime;
    private Integer maxRetransmits;
    private String protocol = "";
    private boolean negotiated;
    private Integer id;
    private RTCPriorityType priority = RTCPriorityType.LOW;

    private Builder() {}

    /**
     * Sets {@code ordered}, the member of that name.
     *
     * @param ordered the value
     * @return this builder
     */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /**
     * Sets {@code maxPacketLifeTime}, the member of that name.
     *
     * @param maxPacketLifeTime the value
     * @return this builder
     */
    public Builder maxPacketLifeTime(Integer maxPacketLifeTime) {
      this.maxPacketLifeTime = maxPacketLifeTime;
      return this;
    }

    /**
     * Sets {@code maxRetransmits}, the member of that name.
     *
     * @param maxRetransmits the value
     * @return this builder
     */
    public Builder maxRetransmits(Integer maxRetransmits) {
      this.maxRetransmits = maxRetransmits;
      return this;
    }

    /**
     * Sets {@code protocol}, the member of that name.
     *
     * @param protocol the value
     * @return this builder
     */
    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * Sets {@code negotiated}, the member of that name.
     *
     * @param negotiated the value
     * @return this builder
     */
    public Builder negotiated(boolean negotiated) {
      this.negotiated = negotiated;
      return this;
    }

    /**
     * Sets {@code id}, the member of that name.
     *
     * @param id the value
     * @return this builder
     */
    public Builder id(Integer id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code priority}, the member of that name.
     *
     * @param priority the value
     * @return this builder
     */
    public Builder priority(RTCPriorityType priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Builds the immutable value.
     *
     * @return the value
     */
    public RTCDataChannelInit build() {
      return new RTCDataChannelInit(
          ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id, priority);
    }
  }
}
