package io.github.jrtc.whip;

import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.internal.whip.IceServerLinks;
import io.github.jrtc.internal.whip.LinkHeader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-offer exchange WHIP (RFC 9725 section 4.2) and WHEP (draft-ietf-wish-whep section 4.2)
 * share: createOffer, setLocalDescription, POST the offer as {@code application/sdp}, a {@code 201
 * Created} with the answer, {@code Location} (resolved against the URI that finally answered, after
 * redirects) and {@code ETag}; {@code Link rel="ice-server"} applied; then the answer set and the
 * connection awaited.
 */
final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  private Handshake() {}

  /** Completes with the live session resource once connected; on failure the pc is closed. */
  static CompletableFuture<SessionResource> run(
      RTCPeerConnection pc, URI endpoint, HttpSignaling http, long connectMillis, String what) {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    pc.onconnectionstatechange(
        e -> {
          RTCPeerConnectionState s = pc.connectionState();
          if (s == RTCPeerConnectionState.CONNECTED) {
            connected.complete(null);
          } else if (s == RTCPeerConnectionState.FAILED) {
            connected.completeExceptionally(
                new WhipException(what + ": the connection failed (ICE or DTLS)", null));
          }
        });
    SessionResource[] holder = new SessionResource[1];
    List<io.github.jrtc.RTCIceCandidate> early = new ArrayList<>();
    Object lock = new Object();
    pc.onicecandidate(
        e -> {
          SessionResource r;
          synchronized (lock) {
            r = holder[0];
            if (r == null) {
              early.add(e.candidate());
              return;
            }
          }
          r.localCandidate(e.candidate());
        });
    CompletableFuture<SessionResource> result =
        pc.createOffer()
            .thenCompose(
                offer -> {
                  String[] first = firstSection(offer.sdp());
                  SessionResource r = new SessionResource(pc, http, first[0], first[1]);
                  List<io.github.jrtc.RTCIceCandidate> before;
                  synchronized (lock) {
                    holder[0] = r;
                    before = List.copyOf(early);
                    early.clear();
                  }
                  before.forEach(r::localCandidate);
                  return pc.setLocalDescription(offer);
                })
            .thenCompose(
                x ->
                    http.send(
                        "POST",
                        endpoint,
                        "application/sdp",
                        pc.localDescription().sdp(),
                        Map.of(),
                        true))
            .thenCompose(
                r -> {
                  if (r.status() != 201) {
                    throw HttpSignaling.failure(what + ": POST " + endpoint, r);
                  }
                  String location = r.header("Location");
                  if (location == null) {
                    throw new WhipException(
                        what + ": 201 Created without a Location header", 201, null, null, null);
                  }
                  URI resource;
                  try {
                    resource = r.uri().resolve(location.trim());
                  } catch (IllegalArgumentException e) {
                    throw new WhipException(
                        what + ": bad Location " + location, 201, null, null, e);
                  }
                  holder[0].created(resource, r.header("ETag"));
                  if (!r.contentType().equals("application/sdp")) {
                    throw new WhipException(
                        what + ": the 201's body is " + r.contentType() + ", not application/sdp",
                        201,
                        null,
                        null,
                        null);
                  }
                  applyIceServers(pc, r.headers().allValues("Link"));
                  return pc.setRemoteDescription(
                      new RTCSessionDescriptionInit(RTCSdpType.ANSWER, r.body()));
                })
            .thenCompose(
                x ->
                    connected
                        .orTimeout(connectMillis, TimeUnit.MILLISECONDS)
                        .exceptionally(
                            t -> {
                              if (t instanceof TimeoutException) {
                                throw new WhipException(
                                    what + ": not connected after " + connectMillis + " ms", t);
                              }
                              throw t instanceof CompletionException c
                                  ? c
                                  : new CompletionException(t);
                            }))
            .thenApply(x -> holder[0]);
    return result.exceptionallyCompose(
        err -> {
          SessionResource res;
          synchronized (lock) {
            res = holder[0];
          }
          return Handshake.<SessionResource>fail(pc, res, err, what);
        });
  }

  /** Sends the DELETE if a session exists, closes the connection, fails with a WhipException. */
  private static <T> CompletableFuture<T> fail(
      RTCPeerConnection pc, SessionResource res, Throwable err, String what) {
    Throwable t =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    WhipException w = t instanceof WhipException we ? we : new WhipException(what + ": " + t, t);
    CompletableFuture<Void> cleanup =
        res == null ? CompletableFuture.completedFuture(null) : res.delete();
    return cleanup.handle(
        (v, e2) -> {
          pc.close();
          throw new CompletionException(w);
        });
  }

  /** RFC 9725 section 4.6: each {@code rel="ice-server"} link becomes an ICE server. */
  private static void applyIceServers(RTCPeerConnection pc, List<String> links) {
    if (links.isEmpty()) {
      return;
    }
    List<RTCIceServer> servers;
    try {
      servers = IceServerLinks.from(LinkHeader.parse(links));
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring a malformed Link header: {}", e.getMessage());
      return;
    }
    if (servers.isEmpty()) {
      return;
    }
    try {
      RTCConfiguration c = pc.getConfiguration();
      List<RTCIceServer> all = new ArrayList<>(c.iceServers());
      all.addAll(servers);
      pc.setConfiguration(c.toBuilder().iceServers(all).build());
      LOG.debug("ICE servers from the endpoint: {}", servers);
    } catch (RuntimeException e) {
      LOG.warn("could not apply the endpoint's ICE servers: {}", e.getMessage());
    }
  }

  /** The kind and mid of the first m= section (the bundle's offerer-tagged one). */
  static String[] firstSection(String sdp) {
    String kind = null;
    String mid = null;
    for (String line : sdp.split("\r?\n")) {
      if (line.startsWith("m=")) {
        if (kind != null) {
          break;
        }
        int sp = line.indexOf(' ');
        kind = line.substring(2, sp < 0 ? line.length() : sp);
      } else if (kind != null && line.startsWith("a=mid:")) {
        mid = line.substring(6).trim();
      }
    }
    return new String[] {kind == null ? "audio" : kind, mid == null ? "0" : mid};
  }
}
