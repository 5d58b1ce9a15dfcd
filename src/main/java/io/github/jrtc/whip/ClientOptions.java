package io.github.jrtc.whip;

import io.github.jrtc.RTCBundlePolicy;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCRtcpMuxPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** The settings WhipClient and WhepClient builders share; every one has a safe default. */
final class ClientOptions {
  HttpClient httpClient;
  String bearerToken;
  Duration requestTimeout = Duration.ofSeconds(10);
  Duration connectTimeout = Duration.ofSeconds(20);
  Duration gatheringTimeout = Duration.ofSeconds(5);
  RTCConfiguration configuration = new RTCConfiguration();
  int maxRetries = 2;
  Duration maxRetryAfter = Duration.ofSeconds(30);

  HttpSignaling signaling() {
    HttpClient http =
        httpClient != null
            ? httpClient
            : HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout)
                .build();
    return new HttpSignaling(http, bearerToken, requestTimeout, maxRetries, maxRetryAfter);
  }

  /** RFC 9725 section 4.4.1: max-bundle and RTP/RTCP multiplexing, whatever the base says. */
  RTCConfiguration peerConfiguration() {
    return configuration.toBuilder()
        .bundlePolicy(RTCBundlePolicy.MAX_BUNDLE)
        .rtcpMuxPolicy(RTCRtcpMuxPolicy.REQUIRE)
        .build();
  }

  static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
    return d;
  }
}
