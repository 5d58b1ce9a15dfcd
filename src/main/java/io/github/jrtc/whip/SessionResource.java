package io.github.jrtc.whip;

import io.github.jrtc.RTCIceCandidate;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCIceGatheringState;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescription;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.internal.whip.SdpFragment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What WHIP and WHEP sessions share once the endpoint answered {@code 201 Created}: the session
 * URL, its entity-tag, trickle ICE by PATCH (candidates buffered until the 201 and then sent
 * batched, RFC 9725 section 4.3.2), ICE restart by PATCH with {@code If-Match: "*"} (section
 * 4.3.3), and DELETE on close (section 4.2).
 */
final class SessionResource {
  private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

  private final RTCPeerConnection pc;
  private final HttpSignaling http;
  private final String kind;
  private final String mid;
  private final Object lock = new Object();
  // Guarded by lock.
  private URI resource;
  private String etag;
  private final List<String> pending = new ArrayList<>();
  private boolean endPending;
  private boolean patchInFlight;
  private boolean trickleRefused;
  private boolean restarting;
  private boolean closed;

  /**
   * @param kind the kind of the offer's first m= section, the bundle's offerer-tagged one: the only
   *     one whose candidates a max-bundle fragment carries (RFC 9725 section 4.3.2)
   */
  SessionResource(RTCPeerConnection pc, HttpSignaling http, String kind, String mid) {
    this.pc = pc;
    this.http = http;
    this.kind = kind;
    this.mid = mid;
  }

  /** Called from the connection's icecandidate handler (null: gathering finished). */
  void localCandidate(RTCIceCandidate c) {
    synchronized (lock) {
      if (closed || trickleRefused) {
        return;
      }
      if (c == null) {
        endPending = true;
      } else if (!c.candidate().isEmpty()) {
        pending.add(c.candidate());
      }
    }
    flush();
  }

  /** The 201 arrived: the session URL and entity-tag are known; send what was buffered. */
  void created(URI resource, String etag) {
    synchronized (lock) {
      this.resource = resource;
      this.etag = etag;
    }
    flush();
  }

  URI resource() {
    synchronized (lock) {
      return resource;
    }
  }

  String etag() {
    synchronized (lock) {
      return etag;
    }
  }

  /** One PATCH at a time; candidates arriving meanwhile go out together in the next. */
  private void flush() {
    List<String> batch;
    boolean end;
    URI to;
    String tag;
    String ufrag;
    String pwd;
    synchronized (lock) {
      if (resource == null
          || patchInFlight
          || restarting
          || closed
          || trickleRefused
          || (pending.isEmpty() && !endPending)) {
        return;
      }
      batch = List.copyOf(pending);
      pending.clear();
      end = endPending;
      endPending = false;
      patchInFlight = true;
      to = resource;
      tag = etag;
    }
    String[] creds = localCredentials();
    ufrag = creds[0];
    pwd = creds[1];
    String body = SdpFragment.format(kind, mid, ufrag, pwd, batch, end);
    Map<String, String> headers = tag == null ? Map.of() : Map.of("If-Match", tag);
    var unused =
        http.send("PATCH", to, "application/trickle-ice-sdpfrag", body, headers, false)
            .handle(
                (r, err) -> {
                  synchronized (lock) {
                    patchInFlight = false;
                    if (err != null) {
                      LOG.warn("trickle PATCH to {} failed: {}", to, err.toString());
                    } else if (r.status() == 405 || r.status() == 422 || r.status() == 501) {
                      // RFC 9725 section 4.3.1: a session without trickle answers 422 (older
                      // drafts said 405); the candidates then reach it only through the offer.
                      LOG.info("{} does not take trickled candidates ({})", to, r.status());
                      trickleRefused = true;
                      pending.clear();
                    } else if (r.status() / 100 != 2) {
                      LOG.warn("trickle PATCH to {}: HTTP {}", to, r.status());
                    }
                  }
                  flush();
                  return null;
                });
  }

  private String[] localCredentials() {
    RTCSessionDescription local = pc.localDescription();
    String ufrag = null;
    String pwd = null;
    if (local != null) {
      for (String line : local.sdp().split("\r?\n")) {
        if (ufrag == null && line.startsWith("a=ice-ufrag:")) {
          ufrag = line.substring(12).trim();
        } else if (pwd == null && line.startsWith("a=ice-pwd:")) {
          pwd = line.substring(10).trim();
        }
      }
    }
    return new String[] {ufrag, pwd};
  }

  /**
   * ICE restart (RFC 9725 section 4.3.3): a new local offer with new credentials, all its
   * candidates gathered, one PATCH with {@code If-Match: "*"}; the 200's fragment gives the
   * session's new credentials and candidates and its ETag the new entity-tag. Trickle waits
   * meanwhile. A refusal keeps the old ICE session (the RFC says the server keeps it too).
   */
  CompletableFuture<Void> restartIce(long gatherMillis) {
    URI to;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new WhipException("session closed", null));
      }
      if (restarting) {
        return CompletableFuture.failedFuture(
            new WhipException("an ICE restart is already running", null));
      }
      restarting = true;
      pending.clear();
      endPending = false;
      to = resource;
    }
    CompletableFuture<Void> gathered = new CompletableFuture<>();
    return pc.createOffer(new io.github.jrtc.RTCOfferOptions(true, true))
        .thenCompose(offer -> pc.setLocalDescription(offer))
        .thenCompose(
            x -> {
              pc.onicegatheringstatechange(
                  e -> {
                    if (pc.iceGatheringState() == RTCIceGatheringState.COMPLETE) {
                      gathered.complete(null);
                    }
                  });
              if (pc.iceGatheringState() == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
              }
              return gathered
                  .orTimeout(gatherMillis, TimeUnit.MILLISECONDS)
                  .exceptionally(
                      t -> {
                        if (!(t instanceof TimeoutException)) {
                          throw new WhipException("ICE gathering failed", t);
                        }
                        return null; // send what we have
                      });
            })
        .thenCompose(
            x -> {
              String sdp = pc.localDescription().sdp();
              String[] creds = localCredentials();
              List<String> cands = candidatesOf(sdp);
              String body = SdpFragment.format(kind, mid, creds[0], creds[1], cands, true);
              return http.send(
                  "PATCH",
                  to,
                  "application/trickle-ice-sdpfrag",
                  body,
                  // RFC 9110 section 13.1.1's wildcard; RFC 9725's example quotes it, servers take
                  // both.
                  Map.of("If-Match", "*"),
                  false);
            })
        .thenCompose(
            r -> {
              if (r.status() != 200) {
                throw HttpSignaling.failure("ICE restart PATCH " + to, r);
              }
              SdpFragment frag;
              try {
                frag = SdpFragment.parse(r.body());
              } catch (IllegalArgumentException e) {
                throw new WhipException(
                    "ICE restart answer is not a valid sdpfrag: " + e.getMessage(),
                    r.status(),
                    null,
                    null,
                    e);
              }
              if (!frag.hasCredentials()) {
                throw new WhipException(
                    "ICE restart answer has no ice-ufrag/ice-pwd", r.status(), null, null, null);
              }
              synchronized (lock) {
                String tag = r.header("ETag");
                if (tag != null) {
                  etag = tag;
                }
              }
              return applyRemoteRestart(frag);
            })
        .whenComplete(
            (x, err) -> {
              synchronized (lock) {
                restarting = false;
              }
              flush();
            });
  }

  private CompletableFuture<Void> applyRemoteRestart(SdpFragment frag) {
    RTCSessionDescription remote = pc.remoteDescription();
    StringBuilder b = new StringBuilder();
    for (String line : remote.sdp().split("\r?\n")) {
      if (line.startsWith("a=candidate:") || line.equals("a=end-of-candidates")) {
        continue;
      }
      if (line.startsWith("a=ice-ufrag:")) {
        line = "a=ice-ufrag:" + frag.iceUfrag();
      } else if (line.startsWith("a=ice-pwd:")) {
        line = "a=ice-pwd:" + frag.icePwd();
      }
      b.append(line).append("\r\n");
    }
    CompletableFuture<Void> f =
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ANSWER, b.toString()));
    for (SdpFragment.Section s : frag.sections()) {
      for (String c : s.candidates()) {
        f = f.thenCompose(x -> pc.addIceCandidate(new RTCIceCandidateInit(c, s.mid(), null, null)));
      }
    }
    return f;
  }

  static List<String> candidatesOf(String sdp) {
    List<String> out = new ArrayList<>();
    boolean first = false;
    for (String line : sdp.split("\r?\n")) {
      if (line.startsWith("m=")) {
        if (first) {
          break; // max-bundle: only the first section gathers
        }
        first = true;
      } else if (first && line.startsWith("a=candidate:")) {
        out.add(line.substring(2));
      }
    }
    return out;
  }

  /** DELETE the session (RFC 9725 section 4.2); idempotent. Completes once the server answered. */
  CompletableFuture<Void> delete() {
    URI to;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.completedFuture(null);
      }
      closed = true;
      to = resource;
    }
    if (to == null) {
      return CompletableFuture.completedFuture(null);
    }
    return http.send("DELETE", to, null, null, Map.of(), false)
        .handle(
            (r, err) -> {
              if (err != null) {
                LOG.warn("DELETE {} failed: {}", to, err.toString());
              } else if (r.status() == 404) {
                LOG.debug("DELETE {}: already gone (404)", to);
              } else if (r.status() / 100 != 2) {
                LOG.warn("DELETE {}: HTTP {}", to, r.status());
              }
              return null;
            });
  }
}
