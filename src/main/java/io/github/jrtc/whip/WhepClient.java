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

  /**
   * Starts a builder with the default settings (audio and video, no token, the default timeouts).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Completes once connected, with the remote stream in {@link WhepSession#stream()}.
   *
   * @param endpoint the WHEP endpoint URL the offer is POSTed to
   * @return a future completing with the session once ICE and DTLS are connected, or exceptionally
   *     with a {@link WhipException} (also for a null endpoint)
   */
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

    /**
     * Asks for audio (default true): adds a receive-only audio transceiver.
     *
     * @param audio whether to receive audio
     * @return this builder
     */
    public Builder audio(boolean audio) {
      this.audio = audio;
      return this;
    }

    /**
     * Asks for video (default true): adds a receive-only video transceiver.
     *
     * @param video whether to receive video
     * @return this builder
     */
    public Builder video(boolean video) {
      this.video = video;
      return this;
    }

    /**
     * The HTTP client to use; see {@link WhipClient.Builder#httpClient}.
     *
     * @param client the HTTP client, or null for a new one
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      o.httpClient = client;
      return this;
    }

    /**
     * Sent as {@code Authorization: Bearer ...} on every request; see {@link
     * WhipClient.Builder#bearerToken}.
     *
     * @param token the bearer token; null or empty sends no {@code Authorization} header
     * @return this builder
     */
    public Builder bearerToken(String token) {
      o.bearerToken = token == null || token.isEmpty() ? null : token;
      return this;
    }

    /**
     * How long each HTTP request may take before it fails (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder requestTimeout(Duration timeout) {
      o.requestTimeout = ClientOptions.positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * How long the connection may take from the 201 to ICE and DTLS connected (default 20 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder connectTimeout(Duration timeout) {
      o.connectTimeout = ClientOptions.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long an ICE restart waits for its candidates before sending them (default 5 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public Builder gatheringTimeout(Duration timeout) {
      o.gatheringTimeout = ClientOptions.positive(timeout, "gatheringTimeout");
      return this;
    }

    /**
     * The connection's configuration; see {@link WhipClient.Builder#configuration}.
     *
     * @param configuration the peer connection's configuration, or null for the default one
     * @return this builder
     */
    public Builder configuration(RTCConfiguration configuration) {
      o.configuration = configuration == null ? new RTCConfiguration() : configuration;
      return this;
    }

    /**
     * Retries of a 503/429 that carries a Retry-After (default 2; 0 turns retrying off). A 409 with
     * a Retry-After is not retried: it fails the future.
     *
     * @param n the number of retries, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries " + n);
      }
      o.maxRetries = n;
      return this;
    }

    /**
     * The longest Retry-After waited for before a retry; a longer one fails the future at once
     * (default 30 s).
     *
     * @param max a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is zero or negative
     * @throws NullPointerException if {@code max} is null
     */
    public Builder maxRetryAfter(Duration max) {
      o.maxRetryAfter = ClientOptions.positive(max, "maxRetryAfter");
      return this;
    }

    /**
     * Creates the client; it can play any number of streams.
     *
     * @return a new client
     * @throws IllegalArgumentException if neither audio nor video is asked for
     */
    public WhepClient build() {
      if (!audio && !video) {
        throw new IllegalArgumentException("a WHEP player must ask for audio, video or both");
      }
      return new WhepClient(this);
    }
  }
}
