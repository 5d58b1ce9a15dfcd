package io.github.jrtc.whip;

import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCPeerConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A live WHEP playback: the remote stream, the session URL; {@link #close()} sends the DELETE. */
public final class WhepSession implements AutoCloseable {
  private final WhipSession.SessionCore core;
  private final MediaStream stream;

  WhepSession(
      RTCPeerConnection pc,
      SessionResource resource,
      MediaStream stream,
      Duration requestTimeout,
      Duration gatheringTimeout,
      long startedNanos) {
    this.core =
        new WhipSession.SessionCore(pc, resource, requestTimeout, gatheringTimeout, startedNanos);
    this.stream = stream;
  }

  /**
   * The remote MediaStream: the tracks the server sends.
   *
   * @return the received stream
   */
  public MediaStream stream() {
    return stream;
  }

  /**
   * The WHEP session URL (the 201's {@code Location}, resolved); the target of PATCH and DELETE.
   *
   * @return the absolute session URL
   */
  public URI resource() {
    return core.resource.resource();
  }

  /**
   * The entity-tag of the current ICE session, or null if the server sent none.
   *
   * @return the {@code ETag}, or null
   */
  public String etag() {
    return core.resource.etag();
  }

  /**
   * The connection carrying the media; closed by {@link #close()}.
   *
   * @return the session's peer connection
   */
  public RTCPeerConnection peerConnection() {
    return core.pc;
  }

  /**
   * From the start of {@code play} to connected.
   *
   * @return the time the setup took
   */
  public Duration setupTime() {
    return core.setupTime;
  }

  /**
   * ICE restart by PATCH with {@code If-Match: *}, as for WHIP (RFC 9725 section 4.3.3). Fails with
   * a {@link WhipException} if the session refuses it; the previous ICE session then stays in use.
   *
   * @return a future completing once the new ICE credentials are applied
   */
  public CompletableFuture<Void> restartIce() {
    return core.restartIce();
  }

  /** Sends the DELETE (waiting for its answer up to the request timeout) and closes. Idempotent. */
  @Override
  public void close() {
    core.close();
  }
}
