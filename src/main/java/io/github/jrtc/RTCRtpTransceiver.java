package io.github.jrtc;

import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sender and a receiver sharing one m-section, as MDN documents {@code RTCRtpTransceiver}. The
 * same Java object is returned for the same transceiver every time.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver">MDN</a>.
 */
public final class RTCRtpTransceiver {
  private final RTCPeerConnection pc;
  private final TransceiverBridge bridge;
  private final String kind;
  private final RTCRtpSender sender;
  private final RTCRtpReceiver receiver;
  private volatile String mid;
  private volatile RTCRtpTransceiverDirection direction;
  private volatile RTCRtpTransceiverDirection currentDirection;
  private volatile boolean stopping;
  private volatile boolean stopped;
  private volatile List<RTCRtpCodec> codecPreferences = List.of();
  // Spec slot [[FiredDirection]]-like: whether a track event was fired for the current receive.
  boolean receiving;
  final List<MediaStream> remoteStreams = new ArrayList<>();

  RTCRtpTransceiver(
      RTCPeerConnection pc,
      TransceiverBridge bridge,
      RTCRtpSender sender,
      RTCRtpReceiver receiver,
      RTCRtpTransceiverDirection direction) {
    this.pc = pc;
    this.bridge = bridge;
    this.kind = bridge.kind();
    this.sender = sender;
    this.receiver = receiver;
    this.direction = direction;
    sender.transceiver(this);
  }

  /**
   * The m-section's mid once negotiated (or set by a description), else null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/mid">MDN</a>.
   *
   * @return the mid, or null
   */
  public String mid() {
    return mid;
  }

  /**
   * The transceiver's sender; the same object every time.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/sender">MDN</a>.
   *
   * @return the sender
   */
  public RTCRtpSender sender() {
    return sender;
  }

  /**
   * The transceiver's receiver; the same object every time.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/receiver">MDN</a>.
   *
   * @return the receiver
   */
  public RTCRtpReceiver receiver() {
    return receiver;
  }

  /**
   * The preferred direction ("stopped" once stop() was called).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/direction">MDN</a>.
   *
   * @return the preferred direction
   */
  public RTCRtpTransceiverDirection direction() {
    return direction;
  }

  /**
   * Changes the preferred direction; takes effect at the next negotiation (negotiationneeded
   * fires). TypeError for "stopped" or null, InvalidStateError when the connection is closed or the
   * transceiver stopping.
   *
   * @param newDirection sendrecv, sendonly, recvonly or inactive
   */
  public void direction(RTCRtpTransceiverDirection newDirection) {
    if (newDirection == null || newDirection == RTCRtpTransceiverDirection.STOPPED) {
      throw new TypeError("direction cannot be set to " + newDirection + "; use stop()");
    }
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    if (stopping) {
      throw Errors.invalidState("The transceiver is stopping");
    }
    if (newDirection == direction) {
      return;
    }
    pc.noteChange();
    bridge.setDirection(newDirection);
    direction = newDirection;
    pc.negotiationChanged();
  }

  /**
   * Whether the transceiver is stopped.
   *
   * @deprecated removed from the spec; use {@code currentDirection() == STOPPED}
   * @return true once stopped
   */
  @Deprecated
  public boolean stopped() {
    return stopped;
  }

  /**
   * The negotiated direction, null before negotiation, "stopped" once stopped.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/currentDirection">MDN</a>.
   *
   * @return the negotiated direction, or null
   */
  public RTCRtpTransceiverDirection currentDirection() {
    return stopped ? RTCRtpTransceiverDirection.STOPPED : currentDirection;
  }

  /**
   * Stops sending and receiving at once (the receiver's track ends without an event) and rejects
   * the m-section at the next negotiation. InvalidStateError when the connection is closed.
   */
  public void stop() {
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    if (stopping) {
      return;
    }
    pc.noteChange();
    bridge.stop();
    stopping = true;
    direction = RTCRtpTransceiverDirection.STOPPED;
    receiver.track().endedBySource(false);
    pc.negotiationChanged();
  }

  /**
   * Sets the codecs to offer, in order of preference; an empty list restores the default.
   * InvalidModificationError for a codec that neither {@code RTCRtpSender.getCapabilities(kind)}
   * nor the receiver's lists exactly, or a list of only RTX/RED/FEC/CN entries.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/setCodecPreferences">MDN</a>.
   *
   * @param codecs the codecs, most preferred first
   */
  public void setCodecPreferences(List<RTCRtpCodec> codecs) {
    if (codecs == null) {
      throw new TypeError("setCodecPreferences needs a list");
    }
    List<RTCRtpCodec> unique = new ArrayList<>();
    for (RTCRtpCodec c : codecs) {
      if (c == null || c.mimeType() == null) {
        throw new TypeError("A codec needs a mimeType");
      }
      if (!containsCodec(unique, c)) {
        unique.add(c);
      }
    }
    if (!unique.isEmpty()) {
      List<RTCRtpCodec> known = new ArrayList<>(RTCRtpSender.getCapabilities(kind).codecs());
      known.addAll(RTCRtpReceiver.getCapabilities(kind).codecs());
      boolean onlyResilience = true;
      for (RTCRtpCodec c : unique) {
        if (!containsCodec(known, c)) {
          throw Errors.invalidModification(
              "Not a " + kind + " codec this implementation has: " + c);
        }
        String sub = c.mimeType().substring(c.mimeType().indexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!sub.equals("rtx")
            && !sub.equals("red")
            && !sub.equals("ulpfec")
            && !sub.equals("flexfec-03")
            && !sub.equals("cn")) {
          onlyResilience = false;
        }
      }
      if (onlyResilience) {
        throw Errors.invalidModification("The preferences only name RTX, RED, FEC or CN codecs");
      }
    }
    if (!pc.isClosedInternal() && !stopping) {
      bridge.setCodecPreferences(unique);
    }
    codecPreferences = List.copyOf(unique);
  }

  private static boolean containsCodec(List<RTCRtpCodec> list, RTCRtpCodec c) {
    for (RTCRtpCodec k : list) {
      if (k.mimeType().equalsIgnoreCase(c.mimeType())
          && k.clockRate() == c.clockRate()
          && java.util.Objects.equals(k.channels(), c.channels())
          && java.util.Objects.equals(k.sdpFmtpLine(), c.sdpFmtpLine())) {
        return true;
      }
    }
    return false;
  }

  /** The preferences last set (webrtc-java cannot read them back). */
  List<RTCRtpCodec> codecPreferences() {
    return codecPreferences;
  }

  String kind() {
    return kind;
  }

  TransceiverBridge bridge() {
    return bridge;
  }

  boolean stoppingInternal() {
    return stopping;
  }

  boolean stoppedInternal() {
    return stopped;
  }

  /** After a description was applied: read what libwebrtc negotiated. */
  void refreshFromNative() {
    mid = bridge.mid();
    currentDirection = bridge.currentDirection();
    if (bridge.stopped()) {
      stopping = true;
      stopped = true;
      direction = RTCRtpTransceiverDirection.STOPPED;
    } else if (!stopping) {
      direction = bridge.direction();
    }
  }

  /** Direction as libwebrtc has it now (addTrack/removeTrack change it). */
  void refreshDirection() {
    if (!stopping) {
      direction = bridge.direction();
    }
  }

  /** The remote end rejected the m-section, or the stopped transceiver was negotiated away. */
  void markStopped() {
    stopping = true;
    stopped = true;
    direction = RTCRtpTransceiverDirection.STOPPED;
  }

  /** close(): stopped with no events. */
  void closeWithConnection() {
    stopping = true;
    stopped = true;
    direction = RTCRtpTransceiverDirection.STOPPED;
    currentDirection = null;
    receiver.track().endedBySource(false);
  }

  @Override
  public String toString() {
    return "RTCRtpTransceiver[mid=" + mid + ", kind=" + kind + ", direction=" + direction + "]";
  }
}
