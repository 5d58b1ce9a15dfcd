package io.github.jrtc.internal.sdp;

import io.github.jrtc.RTCSessionDescription;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A snapshot of a connection's four session descriptions; any may be null. {@code sequence} orders
 * snapshots: a snapshot delivered late must not replace a newer one.
 */
public record Descriptions(
    RTCSessionDescription currentLocal,
    RTCSessionDescription pendingLocal,
    RTCSessionDescription currentRemote,
    RTCSessionDescription pendingRemote,
    long sequence) {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  public static final Descriptions NONE = new Descriptions(null, null, null, null, 0);

  /** A snapshot taken now: newer than every snapshot taken before it. */
  public Descriptions(
      RTCSessionDescription currentLocal,
      RTCSessionDescription pendingLocal,
      RTCSessionDescription currentRemote,
      RTCSessionDescription pendingRemote) {
    this(currentLocal, pendingLocal, currentRemote, pendingRemote, SEQUENCE.incrementAndGet());
  }

  public RTCSessionDescription local() {
    return pendingLocal != null ? pendingLocal : currentLocal;
  }

  public RTCSessionDescription remote() {
    return pendingRemote != null ? pendingRemote : currentRemote;
  }
}
