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

  public static Builder builder() {
    return new Builder();
  }

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

    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    public Builder maxPacketLifeTime(Integer maxPacketLifeTime) {
      this.maxPacketLifeTime = maxPacketLifeTime;
      return this;
    }

    public Builder maxRetransmits(Integer maxRetransmits) {
      this.maxRetransmits = maxRetransmits;
      return this;
    }

    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder negotiated(boolean negotiated) {
      this.negotiated = negotiated;
      return this;
    }

    public Builder id(Integer id) {
      this.id = id;
      return this;
    }

    public Builder priority(RTCPriorityType priority) {
      this.priority = priority;
      return this;
    }

    public RTCDataChannelInit build() {
      return new RTCDataChannelInit(
          ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id, priority);
    }
  }
}
