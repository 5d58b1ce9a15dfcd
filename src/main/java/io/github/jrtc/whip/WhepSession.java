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

  /** The remote MediaStream: the tracks the server sends. */
  public MediaStream stream() {
    return stream;
  }

  /** The WHEP session URL (the 201's {@code Location}, resolved). */
  public URI resource() {
    return core.resource.resource();
  }

  public String etag() {
    return core.resource.etag();
  }

  public RTCPeerConnection peerConnection() {
    return core.pc;
  }

  /** From the start of {@code play} to connected. */
  public Duration setupTime() {
    return core.setupTime;
  }

  /** ICE restart by PATCH with {@code If-Match: *}, as for WHIP. */
  public CompletableFuture<Void> restartIce() {
    return core.restartIce();
  }

  /** Sends the DELETE (waiting for its answer up to the request timeout) and closes. Idempotent. */
  @Override
  public void close() {
    core.close();
  }
}
