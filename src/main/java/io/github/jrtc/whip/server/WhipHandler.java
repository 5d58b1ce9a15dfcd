package io.github.jrtc.whip.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.DOMException;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.internal.whip.SdpFragment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link WhipServer}. Each request is checked in this order: rate (429), token
 * (401), resource (404), method (405), content type (415), size (413), preconditions (428, 412),
 * content (400, 422), capacity (503, 409). Nothing blocks a Jetty thread while a connection is
 * negotiated: the response is written when the answer is ready.
 */
final class WhipHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(WhipHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String SDP = "application/sdp";
  static final String SDPFRAG = "application/trickle-ice-sdpfrag";

  private final WhipServer server;
  private final WhipServer.Builder config;
  private final ScheduledExecutorService timers;
  private final RequestRateLimiter limiter;
  private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();

  /** Recordings of ended sessions not yet finished: closing the server waits for them. */
  private final Set<CompletableFuture<Void>> finishing = ConcurrentHashMap.newKeySet();

  private final Object lock = new Object();
  private int reserved; // sessions being set up or live; guarded by lock

  WhipHandler(WhipServer server, ScheduledExecutorService timers) {
    this.server = server;
    this.config = server.config;
    this.timers = timers;
    this.limiter = new RequestRateLimiter(config.requestsPerSecond, config.requestBurst);
  }

  List<SessionInfo> sessions() {
    List<SessionInfo> out = new ArrayList<>();
    for (Publisher p : publishers.values()) {
      out.add(p.info());
    }
    return out;
  }

  int viewerCount() {
    return publishers.values().stream().mapToInt(p -> p.viewers.size()).sum();
  }

  int rateLimitedClients() {
    return limiter.clients();
  }

  /**
   * Ends every session; the future completes once every recording is finished, those of sessions
   * that ended earlier and are still finishing included.
   */
  CompletableFuture<Void> closeAll() {
    for (Publisher p : List.copyOf(publishers.values())) {
      endPublisher(p, "server closing");
    }
    return CompletableFuture.allOf(finishing.toArray(CompletableFuture<?>[]::new));
  }

  // ------------------------------------------------------------------ routing

  @Override
  public boolean handle(Request req, Response resp, Callback cb) {
    try {
      route(req, resp, cb);
    } catch (RuntimeException e) {
      LOG.warn("WHIP request {} {} failed", req.getMethod(), req.getHttpURI(), e);
      error(resp, cb, 500, "internal error", null);
    }
    return true;
  }

  private void route(Request req, Response resp, Callback cb) {
    cors(resp);
    String method = req.getMethod();
    String path = Request.getPathInContext(req);
    String[] parts = path.split("/", -1); // "", "whip", id?, ...
    boolean whip = parts.length >= 2 && parts[1].equals("whip");
    boolean whep = parts.length >= 2 && parts[1].equals("whep");
    if (!(whip && parts.length <= 3) && !(whep && parts.length >= 3 && parts.length <= 4)) {
      error(resp, cb, 404, "no such resource: " + path, null);
      return;
    }
    if (method.equals("OPTIONS")) {
      // RFC 9725 section 4.2: "The WHIP endpoints MUST support OPTIONS requests for Cross-Origin
      // Resource Sharing (CORS) ... The "200 OK" response to any OPTIONS request SHOULD include an
      // "Accept-Post" header with a media type value of "application/sdp"". No token needed
      // (section 4.7.1: except "the preflight OPTIONS requests for CORS").
      resp.setStatus(200);
      resp.getHeaders().put("Accept-Post", SDP);
      resp.getHeaders().put(HttpHeader.ALLOW, allow(whip, parts.length));
      resp.write(true, null, cb);
      return;
    }
    // 429: RFC 9110 section 15.5.21 ... RFC 6585 section 4: "The 429 status code indicates that
    // the user has sent too many requests in a given amount of time"; checked before the token so
    // that guessing tokens costs budget.
    if (!limiter.tryAcquire(Request.getRemoteAddr(req))) {
      resp.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(limiter.retryAfterSeconds()));
      error(resp, cb, 429, "too many requests from this client", null);
      return;
    }
    // 401: RFC 9725 section 4.7.1: "WHIP endpoints and sessions MAY require the HTTP request to
    // be authenticated using an HTTP Authorization header field with a Bearer token".
    if (config.token != null && !tokenMatches(req)) {
      resp.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"whip\"");
      error(resp, cb, 401, "missing or wrong bearer token", null);
      return;
    }
    if (whip && parts.length == 2) {
      if (!method.equals("POST")) {
        methodNotAllowed(resp, cb, "POST, OPTIONS");
        return;
      }
      publish(req, resp, cb);
      return;
    }
    String id = parts[2];
    Publisher p = publishers.get(id);
    if (p == null) {
      error(resp, cb, 404, "no WHIP session " + abbreviate(id), null);
      return;
    }
    if (whip) {
      session(req, resp, cb, method, p.pc, p.ice, () -> endPublisher(p, "DELETE"));
      return;
    }
    if (parts.length == 3) {
      if (!method.equals("POST")) {
        methodNotAllowed(resp, cb, "POST, OPTIONS");
        return;
      }
      play(req, resp, cb, p);
      return;
    }
    Viewer v = p.viewers.get(parts[3]);
    if (v == null) {
      error(resp, cb, 404, "no WHEP session " + abbreviate(parts[3]), null);
      return;
    }
    session(req, resp, cb, method, v.pc, v.ice, () -> endViewer(p, v, "DELETE"));
  }

  private static String allow(boolean whip, int parts) {
    return (whip && parts == 2) || (!whip && parts == 3)
        ? "POST, OPTIONS"
        : "PATCH, DELETE, OPTIONS";
  }

  // ------------------------------------------------------------------ WHIP: POST /whip

  private void publish(Request req, Response resp, Callback cb) {
    onOffer(
        req,
        resp,
        cb,
        body -> {
          synchronized (lock) {
            // 503: RFC 9725 section 4.5: "In case of high load, the WHIP endpoints MAY
            // return a "503 Service Unavailable" response ... The WHIP endpoint might send
            // a Retry-After header field indicating the minimum time that the user agent
            // ought to wait before making a follow-up request".
            if (reserved >= config.maxSessions || server.isClosed()) {
              retryLater(resp, cb, 503, "the server has " + config.maxSessions + " sessions");
              return;
            }
            reserved++;
          }
          startPublisher(body, resp, cb);
        });
  }

  /**
   * Reads an SDP offer: answers 415 (content type), 400 or 422 (the offer) itself and hands only a
   * usable offer to {@code withOffer}, inside the request's guard.
   */
  private void onOffer(Request req, Response resp, Callback cb, Consumer<String> withOffer) {
    if (!contentTypeIs(req, SDP, resp, cb)) {
      return;
    }
    guard(
        resp,
        cb,
        readBody(req, resp, cb)
            .thenAccept(
                body -> {
                  if (body == null) {
                    return;
                  }
                  String problem = checkOffer(body);
                  if (problem != null) {
                    error(
                        resp,
                        cb,
                        problem.startsWith("422") ? 422 : 400,
                        problem.substring(4),
                        null);
                    return;
                  }
                  withOffer.accept(body);
                }));
  }

  /** An error response with Retry-After: the client may try again after the configured time. */
  private void retryLater(Response resp, Callback cb, int status, String message) {
    resp.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(config.retryAfter.toSeconds()));
    error(resp, cb, status, message, null);
  }

  private void startPublisher(String offer, Response resp, Callback cb) {
    String id = newId();
    Publisher p;
    try {
      RTCPeerConnection pc = new RTCPeerConnection(server.peerConfiguration());
      p = new Publisher(id, pc, newEtag());
    } catch (RuntimeException e) {
      synchronized (lock) {
        reserved--;
      }
      LOG.warn("cannot create a connection for a WHIP session", e);
      error(resp, cb, 500, "cannot create a connection: " + e.getMessage(), null);
      return;
    }
    publishers.put(id, p);
    if (server.isClosed()) {
      // The server closed between the reservation and here: closeAll() did not see this one.
      endPublisher(p, "server closing");
      error(resp, cb, 503, "the server is closing", null);
      return;
    }
    p.pc.ontrack(e -> p.track(e.track()));
    p.pc.onconnectionstatechange(
        e -> {
          RTCPeerConnectionState s = p.pc.connectionState();
          if (s == RTCPeerConnectionState.CONNECTED) {
            p.markConnected();
            LOG.info("WHIP session {} connected ({} ms)", id, p.info().setupMillis());
          } else if (s == RTCPeerConnectionState.FAILED) {
            endPublisher(p, "connection failed");
          }
        });
    guard(
        resp,
        cb,
        Answers.answer(
                p.pc, OfferRepairs.repair(offer), () -> {}, config.gatheringTimeout.toMillis())
            .whenComplete(
                (answer, err) -> {
                  if (err != null) {
                    endPublisher(p, "bad offer");
                    // 400: RFC 9725 section 4.2: "If the HTTP POST to the WHIP endpoint has a
                    // content type different than "application/sdp" or the SDP is malformed, the
                    // WHIP
                    // endpoint MUST reject the HTTP POST request with an appropriate 4XX error".
                    error(resp, cb, 400, "the offer was refused: " + message(err), null);
                    return;
                  }
                  startRecording(p);
                  scheduleConnectTimeout(
                      () -> !p.connected(), () -> endPublisher(p, "no connection"));
                  created(resp, cb, "/whip/" + id, p.ice.etag(), answer);
                }));
  }

  private void startRecording(Publisher p) {
    if (config.recorder == null) {
      return;
    }
    Path file = config.recordDir.resolve(p.id + "." + config.format);
    try {
      Files.createDirectories(config.recordDir);
      p.record(() -> config.recorder.start(p.stream, file));
      LOG.info("recording WHIP session {} to {}", p.id, file);
    } catch (Exception e) {
      LOG.warn("cannot record WHIP session {} to {}: {}", p.id, file, e.toString());
    }
  }

  void endPublisher(Publisher p, String why) {
    if (publishers.remove(p.id, p)) {
      synchronized (lock) {
        reserved--;
      }
      LOG.info("WHIP session {} ended: {}", p.id, why);
    }
    CompletableFuture<Void> done = p.close();
    if (!done.isDone()) {
      finishing.add(done);
      var unused = done.whenComplete((x, e) -> finishing.remove(done));
    }
  }

  // ------------------------------------------------------------------ WHEP: POST /whep/<id>

  private void play(Request req, Response resp, Callback cb, Publisher p) {
    onOffer(
        req,
        resp,
        cb,
        body -> {
          if (!p.connected()) {
            // 409: draft-ietf-wish-whep section 4.3: "The WHEP endpoint COULD require a
            // live publishing to be happening in order to allow a WHEP players to start
            // viewing a stream. In that case, the WHEP endpoint SHALL return a "409
            // Conflict" response to the POST request issued by the WHEP player with a
            // "Retry-After" header".
            retryLater(resp, cb, 409, "the session has no live publisher");
            return;
          }
          Viewer v;
          synchronized (p) {
            if (p.viewers.size() >= config.maxViewers || p.isClosed()) {
              // 503 as for WHIP (RFC 9725 section 4.5), with Retry-After.
              retryLater(resp, cb, 503, "the session has " + config.maxViewers + " viewers");
              return;
            }
            try {
              RTCPeerConnection pc = new RTCPeerConnection(server.peerConfiguration());
              v = new Viewer(newId(), pc, newEtag());
            } catch (RuntimeException e) {
              LOG.warn("cannot create a connection for a WHEP viewer", e);
              error(resp, cb, 500, "cannot create a connection: " + e.getMessage(), null);
              return;
            }
            p.viewers.put(v.id, v);
          }
          startViewer(p, v, body, resp, cb);
        });
  }

  private void startViewer(Publisher p, Viewer v, String offer, Response resp, Callback cb) {
    boolean[] connected = new boolean[1];
    v.pc.onconnectionstatechange(
        e -> {
          RTCPeerConnectionState s = v.pc.connectionState();
          if (s == RTCPeerConnectionState.CONNECTED) {
            connected[0] = true;
          } else if (s == RTCPeerConnectionState.FAILED) {
            endViewer(p, v, "connection failed");
          }
        });
    guard(
        resp,
        cb,
        Answers.answer(v.pc, offer, v::attachTracks, config.gatheringTimeout.toMillis())
            .whenComplete(
                (answer, err) -> {
                  if (err != null) {
                    endViewer(p, v, "bad offer");
                    error(resp, cb, 400, "the offer was refused: " + message(err), null);
                    return;
                  }
                  scheduleConnectTimeout(
                      () -> !connected[0], () -> endViewer(p, v, "no connection"));
                  created(resp, cb, "/whep/" + p.id + "/" + v.id, v.ice.etag(), answer);
                }));
  }

  void endViewer(Publisher p, Viewer v, String why) {
    if (p.viewers.remove(v.id, v)) {
      LOG.info("WHEP viewer {} of {} ended: {}", v.id, p.id, why);
    }
    v.close();
  }

  // ------------------------------------------------------------------ PATCH / DELETE a session

  private void session(
      Request req,
      Response resp,
      Callback cb,
      String method,
      RTCPeerConnection pc,
      IceSession ice,
      Runnable end) {
    if (method.equals("DELETE")) {
      // RFC 9725 section 4.2: "Upon receiving the HTTP DELETE request, the WHIP session will be
      // removed and the resources freed on the media server". Entity-tags are ignored here
      // (section 4.3.1: "WHIP sessions MUST ignore any entity-tag value sent by the WHIP client
      // when ICE session matching is not required, as in the HTTP DELETE request").
      end.run();
      resp.setStatus(200);
      resp.write(true, null, cb);
      return;
    }
    if (!method.equals("PATCH")) {
      // 405: RFC 9110 section 15.5.6: the method is "not supported by the target resource".
      methodNotAllowed(resp, cb, "PATCH, DELETE, OPTIONS");
      return;
    }
    // 415: RFC 9725 section 4.3.1: "If the HTTP PATCH to the WHIP session has a content type
    // different than "application/trickle-ice-sdpfrag" or the SDP fragment is malformed, the WHIP
    // session MUST reject the HTTP PATCH with an appropriate 4XX error response".
    if (!contentTypeIs(req, SDPFRAG, resp, cb)) {
      return;
    }
    String ifMatch = req.getHeaders().get(HttpHeader.IF_MATCH);
    guard(
        resp,
        cb,
        readBody(req, resp, cb)
            .thenAccept(
                body -> {
                  if (body == null) {
                    return;
                  }
                  if (ifMatch == null) {
                    // 428: RFC 9725 section 4.3.1: "Missing or outdated ETags in the PATCH requests
                    // from WHIP clients will be answered by WHIP sessions ... with a "428
                    // Precondition Required" response for a missing entity tag".
                    error(resp, cb, 428, "PATCH needs If-Match with the session's ETag", null);
                    return;
                  }
                  if (IceSession.isWildcard(ifMatch)) {
                    restartRefused(resp, cb);
                    return;
                  }
                  if (!ice.matches(ifMatch)) {
                    // 412: same section: "and a "412 Precondition Failed" response for a
                    // non-matching entity tag".
                    error(resp, cb, 412, "If-Match does not match the ICE session's ETag", null);
                    return;
                  }
                  SdpFragment frag;
                  try {
                    frag = SdpFragment.parse(body);
                  } catch (IllegalArgumentException e) {
                    // 400: the "SDP fragment is malformed" case of section 4.3.1 above.
                    error(resp, cb, 400, "malformed SDP fragment: " + e.getMessage(), null);
                    return;
                  }
                  if (frag.hasCredentials() && !sameCredentials(pc, frag)) {
                    // RFC 9725 section 4.3.3: "any WHIP session receiving an updated "ice-pwd" and
                    // "ice-ufrag" attributes MUST consider the request as performing an ICE
                    // restart".
                    restartRefused(resp, cb);
                    return;
                  }
                  var unused =
                      trickle(pc, frag)
                          .whenComplete(
                              (x, err) -> {
                                // 204: RFC 9725 section 4.3.2: "When a WHIP session receives a
                                // PATCH
                                // request that adds new ICE candidates without performing an ICE
                                // restart, it MUST return a "204 No Content" response without a
                                // body
                                // and MUST NOT include an ETag header in the response."
                                resp.setStatus(204);
                                resp.write(true, null, cb);
                              });
                }));
  }

  /**
   * 422: RFC 9725 section 4.3.1: "If the WHIP session supports either Trickle ICE or ICE restarts,
   * but not both, it MUST return a "422 Unprocessable Content" error response for the HTTP PATCH
   * requests that are not supported". This server supports trickle, not restarts.
   */
  private static void restartRefused(Response resp, Callback cb) {
    error(resp, cb, 422, "ICE restarts are not supported by this server (trickle ICE is)", null);
  }

  private static boolean sameCredentials(RTCPeerConnection pc, SdpFragment frag) {
    var remote = pc.remoteDescription();
    if (remote == null) {
      return false;
    }
    String sdp = remote.sdp();
    return sdp.contains("a=ice-ufrag:" + frag.iceUfrag() + "\r")
        && sdp.contains("a=ice-pwd:" + frag.icePwd() + "\r");
  }

  /**
   * Adds each candidate; RFC 9725 section 4.3.2: "If the WHIP session does not support a candidate
   * transport or is not able to resolve the connection address, it MUST silently discard the
   * candidate and continue processing the rest of the request normally."
   */
  private static CompletableFuture<Void> trickle(RTCPeerConnection pc, SdpFragment frag) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (SdpFragment.Section s : frag.sections()) {
      for (String c : s.candidates()) {
        chain =
            chain.thenCompose(
                x ->
                    pc.addIceCandidate(new RTCIceCandidateInit(c, s.mid(), null, null))
                        .exceptionally(
                            t -> {
                              LOG.debug("discarded candidate {}: {}", c, message(t));
                              return null;
                            }));
      }
      if (s.endOfCandidates()) {
        chain =
            chain.thenCompose(
                x ->
                    pc.addIceCandidate(new RTCIceCandidateInit("", s.mid(), null, null))
                        .exceptionally(t -> null));
      }
    }
    return chain;
  }

  // ------------------------------------------------------------------ helpers

  /** Any failure left in a response chain becomes a 500 rather than a request never answered. */
  private static void guard(Response resp, Callback cb, CompletableFuture<?> f) {
    var unused =
        f.whenComplete(
            (x, err) -> {
              if (err != null) {
                LOG.warn("WHIP request failed", err);
                if (!resp.isCommitted()) {
                  error(resp, cb, 500, "internal error: " + message(err), null);
                }
              }
            });
  }

  /** Null if the offer looks like an SDP offer WHIP takes, else "400 why" or "422 why". */
  static String checkOffer(String sdp) {
    if (!sdp.startsWith("v=0")) {
      return "400 the body is not an SDP description (no v=0 line)";
    }
    int audio = 0;
    int video = 0;
    int sections = 0;
    for (String line : sdp.split("\r?\n")) {
      if (line.startsWith("m=")) {
        sections++;
        if (line.startsWith("m=audio ")) {
          audio++;
        } else if (line.startsWith("m=video ")) {
          video++;
        }
      }
    }
    if (sections == 0) {
      return "400 the offer has no m= section";
    }
    if (audio > 1 || video > 1) {
      // RFC 9725 section 4.4.2: "if the number of audio and or video MediaStreamTracks or number
      // of MediaStreams are not supported by the WHIP endpoint, it MUST reject the HTTP POST
      // request with an "422 Unprocessable Content" or "400 Bad Request" error response".
      return "422 one audio and one video track at most (" + audio + " audio, " + video + " video)";
    }
    return null;
  }

  private void created(Response resp, Callback cb, String location, String etag, String sdp) {
    // 201: RFC 9725 section 4.2: "return a "201 Created" response with a content type of
    // "application/sdp", the SDP answer as the body, and a Location header field pointing to the
    // newly created WHIP session"; section 4.3.1: "The initial value of the entity-tag
    // identifying the initial ICE session MUST be returned in an ETag header field in the "201
    // Created" response".
    resp.setStatus(201);
    resp.getHeaders().put(HttpHeader.LOCATION, location);
    resp.getHeaders().put(HttpHeader.ETAG, etag);
    resp.getHeaders().put(HttpHeader.CONTENT_TYPE, SDP);
    for (RTCIceServer s : config.iceServers) {
      resp.getHeaders().add(HttpHeader.LINK, link(s));
    }
    Content.Sink.write(resp, true, sdp, cb);
  }

  /** RFC 9725 section 4.6's Link form of one ICE server. */
  static String link(RTCIceServer s) {
    StringBuilder b = new StringBuilder();
    for (String url : s.urls()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append('<').append(url).append(">; rel=\"ice-server\"");
      if (s.username() != null) {
        b.append("; username=\"").append(quote(s.username())).append('"');
        b.append("; credential=\"").append(quote(s.credential())).append('"');
        b.append("; credential-type=\"password\"");
      }
    }
    return b.toString();
  }

  private static String quote(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private boolean contentTypeIs(Request req, String type, Response resp, Callback cb) {
    String ct = req.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals(type)) {
      // 415: RFC 9110 section 15.5.16: "the content is in a format not supported by this
      // method on the target resource"; RFC 9725 section 4.2 makes it a 4XX for the POST.
      resp.getHeaders().put("Accept-Post", SDP);
      error(
          resp,
          cb,
          415,
          "Content-Type must be " + type + ", not " + (ct == null ? "absent" : ct),
          null);
      return false;
    }
    return true;
  }

  /** The body as UTF-8, or null after a 413/400 was written. */
  private CompletableFuture<String> readBody(Request req, Response resp, Callback cb) {
    long length = req.getLength();
    if (length > config.maxBodyBytes) {
      // 413: RFC 9110 section 15.5.14: "the request content is larger than the server is
      // willing or able to process".
      resp.getHeaders().put(HttpHeader.CONNECTION, "close");
      error(resp, cb, 413, "body over " + config.maxBodyBytes + " bytes", null);
      return CompletableFuture.completedFuture(null);
    }
    return Content.Source.asByteArrayAsync(req, config.maxBodyBytes)
        .handle(
            (bytes, err) -> {
              if (err != null) {
                resp.getHeaders().put(HttpHeader.CONNECTION, "close");
                if (length < 0) {
                  error(resp, cb, 413, "body over " + config.maxBodyBytes + " bytes", null);
                } else {
                  error(resp, cb, 400, "could not read the body", null);
                }
                return null;
              }
              return new String(bytes, StandardCharsets.UTF_8);
            });
  }

  private boolean tokenMatches(Request req) {
    String auth = req.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        auth.substring(7).trim().getBytes(StandardCharsets.UTF_8),
        config.token.getBytes(StandardCharsets.UTF_8));
  }

  private void scheduleConnectTimeout(
      java.util.function.BooleanSupplier stillWaiting, Runnable end) {
    try {
      var unused =
          timers.schedule(
              () -> {
                try {
                  if (stillWaiting.getAsBoolean()) {
                    end.run();
                  }
                } catch (RuntimeException e) {
                  LOG.warn("connect timeout", e);
                }
              },
              config.connectTimeout.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      end.run(); // server closing
    }
  }

  private static void cors(Response resp) {
    // Any origin: the bearer token, not cookies, is what authorizes a request.
    resp.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    resp.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "POST, PATCH, DELETE, OPTIONS");
    resp.getHeaders()
        .put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, If-Match");
    resp.getHeaders()
        .put(
            HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
            "Location, ETag, Link, Retry-After, Accept-Post");
  }

  private static void methodNotAllowed(Response resp, Callback cb, String allow) {
    resp.getHeaders().put(HttpHeader.ALLOW, allow);
    error(resp, cb, 405, "method not allowed here; allowed: " + allow, null);
  }

  /** An RFC 9457 problem document (RFC 9725 section 4.1 suggests one for failed requests). */
  static void error(Response resp, Callback cb, int status, String detail, String type) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", type == null ? "about:blank" : type);
    p.put("title", org.eclipse.jetty.http.HttpStatus.getMessage(status));
    p.put("status", status);
    p.put("detail", detail);
    resp.setStatus(status);
    // A refusal may come before the request body was read; closing the connection keeps a
    // client from sending its next request on a connection the server is about to drop (seen
    // with the JDK HttpClient: "header parser received no bytes"), and a refused client has to
    // reconnect for each try.
    resp.getHeaders().put(HttpHeader.CONNECTION, "close");
    resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    resp.write(true, ByteBuffer.wrap(p.toString().getBytes(StandardCharsets.UTF_8)), cb);
  }

  private static String message(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (c instanceof DOMException d) {
      return d.name() + ": " + d.getMessage();
    }
    return c.toString();
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("[^A-Za-z0-9_-]", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }

  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String newEtag() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return "\"" + HexFormat.of().formatHex(b) + "\"";
  }
}
