package io.github.jrtc.whip;

import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCRtpTransceiverInit;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Plays a stream from a WHEP endpoint (draft-ietf-wish-whep, the client-offer flow): receive-only
 * audio and video transceivers, the offer POSTed, the answer in the {@code 201 Created}; trickle,
 * ICE restart and DELETE as in WHIP. A {@code 409 Conflict} (no live publisher yet) fails with its
 * {@code Retry-After} in {@link WhipException#retryAfter()}.
 *
 * <pre>{@code
 * WhepSession v = WhepClient.builder().build().play(URI.create("https://sfu.example/whep/abc")).join();
 * MediaStream remote = v.stream();
 * }</pre>
 */
public final class WhepClient {
  private final ClientOptions options;
  private final HttpSignaling http;
  private final boolean audio;
  private final boolean video;

  private WhepClient(Builder b) {
    this.options = b.o;
    this.http = options.signaling();
    this.audio = b.audio;
    this.video = b.video;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Completes once connected, with the remote stream in {@link WhepSession#stream()}. */
  public CompletableFuture<WhepSession> play(URI endpoint) {
    RTCPeerConnection pc = null;
    MediaStream remote = new MediaStream();
    try {
      if (endpoint == null) {
        throw new IllegalArgumentException("endpoint is required");
      }
      pc = new RTCPeerConnection(options.peerConfiguration());
      pc.ontrack(
          e -> {
            if (remote.getTrackById(e.track().id()) == null) {
              remote.addTrack(e.track());
            }
          });
      RTCRtpTransceiverInit recvonly =
          new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY);
      if (audio) {
        pc.addTransceiver("audio", recvonly);
      }
      if (video) {
        pc.addTransceiver("video", recvonly);
      }
    } catch (RuntimeException e) {
      if (pc != null) {
        pc.close();
      }
      return CompletableFuture.failedFuture(new WhipException("WHEP play: " + e.getMessage(), e));
    }
    RTCPeerConnection conn = pc;
    long started = System.nanoTime();
    return Handshake.run(conn, endpoint, http, options.connectTimeout.toMillis(), "WHEP play")
        .thenApply(
            r ->
                new WhepSession(
                    conn, r, remote, options.requestTimeout, options.gatheringTimeout, started));
  }

  /** WhepClient settings (the same as {@link WhipClient.Builder}'s, plus the kinds received). */
  public static final class Builder {
    private final ClientOptions o = new ClientOptions();
    private boolean audio = true;
    private boolean video = true;

    private Builder() {}

    /** Asks for audio (default true). */
    public Builder audio(boolean audio) {
      this.audio = audio;
      return this;
    }

    /** Asks for video (default true). */
    public Builder video(boolean video) {
      this.video = video;
      return this;
    }

    /** See {@link WhipClient.Builder#httpClient}. */
    public Builder httpClient(HttpClient client) {
      o.httpClient = client;
      return this;
    }

    public Builder bearerToken(String token) {
      o.bearerToken = token == null || token.isEmpty() ? null : token;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      o.requestTimeout = ClientOptions.positive(timeout, "requestTimeout");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      o.connectTimeout = ClientOptions.positive(timeout, "connectTimeout");
      return this;
    }

    public Builder gatheringTimeout(Duration timeout) {
      o.gatheringTimeout = ClientOptions.positive(timeout, "gatheringTimeout");
      return this;
    }

    public Builder configuration(RTCConfiguration configuration) {
      o.configuration = configuration == null ? new RTCConfiguration() : configuration;
      return this;
    }

    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries " + n);
      }
      o.maxRetries = n;
      return this;
    }

    public Builder maxRetryAfter(Duration max) {
      o.maxRetryAfter = ClientOptions.positive(max, "maxRetryAfter");
      return this;
    }

    public WhepClient build() {
      if (!audio && !video) {
        throw new IllegalArgumentException("a WHEP player must ask for audio, video or both");
      }
      return new WhepClient(this);
    }
  }
}
