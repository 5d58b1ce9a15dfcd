package io.github.jrtc.whip;

import io.github.jrtc.RTCPeerConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A live WHIP publish: the session URL, its connection; {@link #close()} sends the DELETE. */
public final class WhipSession implements AutoCloseable {
  private final SessionCore core;

  WhipSession(
      RTCPeerConnection pc,
      SessionResource resource,
      Duration requestTimeout,
      Duration gatheringTimeout,
      long startedNanos) {
    this.core = new SessionCore(pc, resource, requestTimeout, gatheringTimeout, startedNanos);
  }

  /**
   * The WHIP session URL (the 201's {@code Location}, resolved); the target of PATCH and DELETE.
   *
   * @return the absolute session URL
   */
  public URI resource() {
    return core.resource.resource();
  }

  /**
   * The entity-tag of the current ICE session (RFC 9725 section 4.3.1), or null if the server sent
   * none.
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
   * From the start of {@code publish} to connected.
   *
   * @return the time the setup took
   */
  public Duration setupTime() {
    return core.setupTime;
  }

  /**
   * ICE restart by PATCH with {@code If-Match: *} (RFC 9725 section 4.3.3). Fails with a {@link
   * WhipException} if the session refuses it; the previous ICE session then stays in use.
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

  /** What both session types hold and do. */
  static final class SessionCore {
    final RTCPeerConnection pc;
    final SessionResource resource;
    final Duration requestTimeout;
    final Duration gatheringTimeout;
    final Duration setupTime;

    SessionCore(
        RTCPeerConnection pc,
        SessionResource resource,
        Duration requestTimeout,
        Duration gatheringTimeout,
        long startedNanos) {
      this.pc = pc;
      this.resource = resource;
      this.requestTimeout = requestTimeout;
      this.gatheringTimeout = gatheringTimeout;
      this.setupTime = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    CompletableFuture<Void> restartIce() {
      try {
        return resource.restartIce(gatheringTimeout.toMillis());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    void close() {
      try {
        resource.delete().get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // Logged by delete(); the connection is closed regardless.
      } finally {
        pc.close();
      }
    }
  }
}
