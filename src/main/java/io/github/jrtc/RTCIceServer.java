package io.github.jrtc;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@code RTCIceServer} dictionary: a STUN or TURN server.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/RTCPeerConnection">MDN</a>.
 */
public record RTCIceServer(List<String> urls, String username, String credential) {
  /**
   * The server; the urls are copied into an unmodifiable list.
   *
   * @param urls the {@code urls} member
   * @param username the {@code username} member
   * @param credential the {@code credential} member
   */
  public RTCIceServer {
    urls =
        urls == null
            ? null
            : Collections.unmodifiableList(Arrays.asList(urls.toArray(new String[0])));
  }

  /**
   * A server without credentials, e.g. {@code stun:stun.example.org}.
   *
   * @param url the server's URL
   */
  public RTCIceServer(String url) {
    this(List.of(url), null, null);
  }

  /**
   * A server with credentials, e.g. a TURN server.
   *
   * @param url the server's URL
   * @param username the user name
   * @param credential the password
   */
  public RTCIceServer(String url, String username, String credential) {
    this(List.of(url), username, credential);
  }
}
