package io.github.jrtc.whip;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCRtpTransceiverInit;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a {@link MediaStream} to a WHIP endpoint (RFC 9725): one send-only transceiver per
 * track, max-bundle, the offer POSTed as {@code application/sdp}, candidates trickled by PATCH
 * after the {@code 201 Created}.
 *
 * <pre>{@code
 * var whip = WhipClient.builder().bearerToken("secret").build();
 * try (WhipSession s = whip.publish(URI.create("https://sfu.example/whip"), stream).join()) {
 *   ...   // s.resource() is the session URL; close() sends the DELETE
 * }
 * }</pre>
 *
 * <p>{@link #publish} completes once the connection is up (ICE and DTLS connected), or
 * exceptionally with a {@link WhipException}: an HTTP status ({@code status()}, {@code
 * retryAfter()}, {@code problem()}), or status 0 for no answer, a bad answer or no connection. A
 * {@code 503} or {@code 429} with a {@code Retry-After} of at most {@link Builder#maxRetryAfter} is
 * retried after that delay, {@link Builder#maxRetries} times.
 */
public final class WhipClient {
  private final ClientOptions options;
  private final HttpSignaling http;

  private WhipClient(ClientOptions options) {
    this.options = options;
    this.http = options.signaling();
  }

  /**
   * Starts a builder with the default settings (no token, a new HTTP client, the timeouts below).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Publishes the stream's tracks (at most one audio and one video, RFC 9725 section 4.4.2).
   *
   * @param endpoint the WHIP endpoint URL the offer is POSTed to
   * @param stream the stream to send: at least one track, at most one audio and one video
   * @return a future completing with the session once ICE and DTLS are connected, or exceptionally
   *     with a {@link WhipException} (also for a null or unsuitable argument)
   */
  public CompletableFuture<WhipSession> publish(URI endpoint, MediaStream stream) {
    RTCPeerConnection pc = null;
    try {
      if (endpoint == null || stream == null) {
        throw new IllegalArgumentException("endpoint and stream are required");
      }
      List<MediaStreamTrack> tracks = stream.getTracks();
      if (tracks.isEmpty()
          || stream.getAudioTracks().size() > 1
          || stream.getVideoTracks().size() > 1) {
        throw new IllegalArgumentException(
            "WHIP publishes one MediaStream with at least one track and at most one audio and one"
                + " video track (RFC 9725 section 4.4.2); this one has "
                + stream.getAudioTracks().size()
                + " audio and "
                + stream.getVideoTracks().size()
                + " video");
      }
      pc = new RTCPeerConnection(options.peerConfiguration());
      for (MediaStreamTrack t : tracks) {
        pc.addTransceiver(
            t, new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY, List.of(stream)));
      }
    } catch (RuntimeException e) {
      if (pc != null) {
        pc.close();
      }
      return CompletableFuture.failedFuture(
          e instanceof WhipException ? e : new WhipException("WHIP publish: " + e.getMessage(), e));
    }
    RTCPeerConnection conn = pc;
    long started = System.nanoTime();
    return Handshake.run(conn, endpoint, http, options.connectTimeout.toMillis(), "WHIP publish")
        .thenApply(
            r ->
                new WhipSession(
                    conn, r, options.requestTimeout, options.gatheringTimeout, started));
  }

  /** WhipClient settings. */
  public static final class Builder {
    private final ClientOptions o = new ClientOptions();

    private Builder() {}

    /**
     * The HTTP client to use (build it with {@link HttpClient.Redirect#NEVER}: WhipClient follows
     * redirects itself so the bearer token never reaches another origin). Default: a new one.
     *
     * @param client the HTTP client, or null for a new one
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      o.httpClient = client;
      return this;
    }

    /**
     * Sent as {@code Authorization: Bearer ...} on every request (RFC 9725 section 4.7.1).
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
     * The connection's configuration (ICE servers, policy); bundle policy is forced to max-bundle
     * and RTCP mux to require. ICE servers from the endpoint's {@code Link} headers are added to
     * these.
     *
     * @param configuration the peer connection's configuration, or null for the default one
     * @return this builder
     */
    public Builder configuration(RTCConfiguration configuration) {
      o.configuration = configuration == null ? new RTCConfiguration() : configuration;
      return this;
    }

    /**
     * Retries of a 503/429 that carries a Retry-After (default 2; 0 turns retrying off).
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
     * Creates the client; it can publish any number of streams.
     *
     * @return a new client
     */
    public WhipClient build() {
      return new WhipClient(o);
    }
  }
}
