package io.github.jrtc.internal;

import io.github.jrtc.RTCSessionDescription;

/** A snapshot of a connection's four session descriptions; any may be null. */
public record Descriptions(
    RTCSessionDescription currentLocal,
    RTCSessionDescription pendingLocal,
    RTCSessionDescription currentRemote,
    RTCSessionDescription pendingRemote) {

  public static final Descriptions NONE = new Descriptions(null, null, null, null);

  public RTCSessionDescription local() {
    return pendingLocal != null ? pendingLocal : currentLocal;
  }

  public RTCSessionDescription remote() {
    return pendingRemote != null ? pendingRemote : currentRemote;
  }
}
