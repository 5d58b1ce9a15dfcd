package io.github.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.jrtc.RTCBundlePolicy;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCRtpTransceiverInit;
import io.github.jrtc.ReliabilityReport;
import io.github.jrtc.whip.server.SessionInfo;
import io.github.jrtc.whip.server.WhipServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jrtc's WhipClient and WhepClient against jrtc's own WhipServer, inside the test network
 * namespace: a publish with media checked at the server, two WHEP viewers receiving it, and every
 * status the server sends, from raw HTTP requests where the clients would not send them.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WhipServerIT {
  private static final Logger LOG = LoggerFactory.getLogger(WhipServerIT.class);
  static final String TOKEN = "s3cret-token";

  /** status -> how many times a test saw the server send it; the reliability summary's row. */
  private static final Map<Integer, Integer> STATUSES = new TreeMap<>();

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final HttpClient raw =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @AfterAll
  static void report() {
    synchronized (STATUSES) {
      long cases = STATUSES.values().stream().mapToInt(Integer::intValue).sum();
      ReliabilityReport.row(
          "WHIP/WHEP statuses (jrtc server)", cases, 0, "statuses seen: " + STATUSES.keySet());
    }
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  private WhipServer server(WhipServer.Builder b) throws Exception {
    WhipServer s = closeLater(b.host("127.0.0.1").port(0).build());
    s.start();
    return s;
  }

  private static void saw(int status) {
    synchronized (STATUSES) {
      STATUSES.merge(status, 1, Integer::sum);
    }
  }

  private HttpResponse<String> send(
      String method, URI uri, String contentType, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    saw(r.statusCode());
    return r;
  }

  /** A real offer (audio and video send-only, max-bundle) from a connection kept open. */
  private String offer(int audio, int video) {
    RTCPeerConnection pc =
        new RTCPeerConnection(
            RTCConfiguration.builder().bundlePolicy(RTCBundlePolicy.MAX_BUNDLE).build());
    toClose.add(pc::close);
    var init = new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY);
    for (int i = 0; i < audio; i++) {
      pc.addTransceiver("audio", init);
    }
    for (int i = 0; i < video; i++) {
      pc.addTransceiver("video", init);
    }
    var o = pc.createOffer().join();
    pc.setLocalDescription(o).join();
    return o.sdp();
  }

  private static WhipException whipFailure(Throwable t) {
    Throwable c = t instanceof CompletionException ? t.getCause() : t;
    assertThat(c).isInstanceOf(WhipException.class);
    return (WhipException) c;
  }

  @Test
  void publishIsReceivedAndTwoWhepViewersPlayItThenDeleteEndsEverything() throws Exception {
    WhipServer server =
        server(WhipServer.builder().token(TOKEN).maxViewers(2).retryAfter(Duration.ofSeconds(3)));
    TestMedia media = closeLater(new TestMedia());
    WhipClient whip = WhipClient.builder().bearerToken(TOKEN).build();

    WhipSession session = whip.publish(server.whipUri(), media.stream()).get(60, TimeUnit.SECONDS);
    saw(201);
    closeLater(session);
    assertThat(session.resource().getPath()).startsWith("/whip/");
    assertThat(session.etag()).startsWith("\"");
    assertThat(session.peerConnection().connectionState())
        .isEqualTo(RTCPeerConnectionState.CONNECTED);
    String id = session.resource().getPath().substring("/whip/".length());
    LOG.info("WhipClient -> WhipServer set-up {} ms", session.setupTime().toMillis());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              SessionInfo i = info(server, id);
              return i != null && i.videoFrames() > 30 && i.audibleChunks() > 50;
            });
    SessionInfo info = info(server, id);
    assertThat(info.connected()).isTrue();
    assertThat(info.width()).isEqualTo(TestMedia.WIDTH);
    assertThat(info.setupMillis()).isPositive();

    WhepClient whep = WhepClient.builder().bearerToken(TOKEN).build();
    WhepSession v1 = closeLater(whep.play(server.whepUri(id)).get(60, TimeUnit.SECONDS));
    WhepSession v2 = closeLater(whep.play(server.whepUri(id)).get(60, TimeUnit.SECONDS));
    saw(201);
    saw(201);
    LOG.info(
        "WhepClient set-up {} ms and {} ms", v1.setupTime().toMillis(), v2.setupTime().toMillis());
    assertThat(v1.stream().getVideoTracks()).hasSize(1);
    assertThat(v1.stream().getAudioTracks()).hasSize(1);
    try (ReceivedCounter c1 = new ReceivedCounter(v1.stream());
        ReceivedCounter c2 = new ReceivedCounter(v2.stream())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  c1.frames.get() > 30
                      && c2.frames.get() > 30
                      && c1.audible.get() > 50
                      && c2.audible.get() > 50);
      assertThat(c1.width).isEqualTo(TestMedia.WIDTH);
    }
    assertThat(server.viewerCount()).isEqualTo(2);

    // A third viewer is over maxViewers: 503 with Retry-After, no retry (maxRetries 0).
    Throwable third =
        WhepClient.builder()
            .bearerToken(TOKEN)
            .maxRetries(0)
            .build()
            .play(server.whepUri(id))
            .handle((s, t) -> t)
            .get(30, TimeUnit.SECONDS);
    WhipException e503 = whipFailure(third);
    saw(e503.status());
    assertThat(e503.status()).isEqualTo(503);
    assertThat(e503.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e503.problem()).hasValueSatisfying(p -> assertThat(p).contains("\"status\":503"));

    v1.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.viewerCount() == 1);

    // ICE restart: this server does trickle, not restarts: 422, and the session stays up.
    Throwable restart = session.restartIce().handle((x, t) -> t).get(30, TimeUnit.SECONDS);
    WhipException e422 = whipFailure(restart);
    saw(e422.status());
    assertThat(e422.status()).isEqualTo(422);
    Thread.sleep(1000);
    assertThat(info(server, id)).isNotNull();

    session.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.sessions().isEmpty());
    assertThat(server.viewerCount()).isZero();
    assertThat(v2.peerConnection().connectionState())
        .isIn(
            RTCPeerConnectionState.CONNECTED,
            RTCPeerConnectionState.DISCONNECTED,
            RTCPeerConnectionState.FAILED,
            RTCPeerConnectionState.CLOSED);
    HttpResponse<String> gone =
        send(
            "POST",
            server.whepUri(id),
            "application/sdp",
            offer(1, 1),
            "Authorization",
            "Bearer " + TOKEN);
    assertThat(gone.statusCode()).isEqualTo(404);
  }

  private static SessionInfo info(WhipServer server, String id) {
    return server.sessions().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  @Test
  void everyRefusalHasItsStatus() throws Exception {
    WhipServer server =
        server(
            WhipServer.builder()
                .token(TOKEN)
                .connectTimeout(Duration.ofSeconds(4))
                .retryAfter(Duration.ofSeconds(2)));
    URI whip = server.whipUri();
    String auth = "Bearer " + TOKEN;
    String offer = offer(1, 1);

    // 401: no token, a wrong token.
    HttpResponse<String> r = send("POST", whip, "application/sdp", offer);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(
            send("POST", whip, "application/sdp", offer, "Authorization", "Bearer nope")
                .statusCode())
        .isEqualTo(401);
    // 415: not application/sdp.
    r = send("POST", whip, "text/plain", offer, "Authorization", auth);
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    // 413: over 64 KiB.
    r =
        send(
            "POST",
            whip,
            "application/sdp",
            "v=0\r\n" + "a=x\r\n".repeat(14000),
            "Authorization",
            auth);
    assertThat(r.statusCode()).isEqualTo(413);
    // 400: not SDP; SDP libwebrtc refuses.
    assertThat(send("POST", whip, "application/sdp", "hello", "Authorization", auth).statusCode())
        .isEqualTo(400);
    assertThat(
            send("POST", whip, "application/sdp", "v=0\r\nm=audio x\r\n", "Authorization", auth)
                .statusCode())
        .isEqualTo(400);
    // 422: two audio tracks (RFC 9725 section 4.4.2).
    assertThat(
            send("POST", whip, "application/sdp", offer(2, 1), "Authorization", auth).statusCode())
        .isEqualTo(422);
    // 405: GET on the endpoint, with Allow.
    r = send("GET", whip, null, null, "Authorization", auth);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("POST, OPTIONS");
    // 404: unknown session.
    URI unknown = whip.resolve("/whip/nosuchsession");
    assertThat(send("DELETE", unknown, null, null, "Authorization", auth).statusCode())
        .isEqualTo(404);
    assertThat(
            send("PATCH", unknown, "application/trickle-ice-sdpfrag", "a=x", "Authorization", auth)
                .statusCode())
        .isEqualTo(404);
    // OPTIONS (CORS preflight, no token): 200 with Accept-Post.
    r = send("OPTIONS", whip, null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Accept-Post")).contains("application/sdp");

    // A session from a raw offer whose sender never takes the answer: created, never connected.
    r = send("POST", whip, "application/sdp", offer, "Authorization", auth);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/sdp");
    assertThat(r.body()).contains("a=candidate:").contains("a=ice-ufrag:");
    assertThat(firstCandidate(r.body())).contains(" udp ").contains(" typ host").contains("10.");
    URI session = whip.resolve(r.headers().firstValue("Location").orElseThrow());
    String etag = r.headers().firstValue("ETag").orElseThrow();
    String id = session.getPath().substring("/whip/".length());
    String mid = "0";
    String candidate = "candidate:1 1 udp 2122260223 10.203.0.99 40000 typ host";
    String frag = "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:" + mid + "\r\na=" + candidate + "\r\n";

    // 405 on the session resource.
    assertThat(send("GET", session, null, null, "Authorization", auth).statusCode()).isEqualTo(405);
    // 415: PATCH with the wrong type.
    assertThat(
            send("PATCH", session, "application/sdp", frag, "Authorization", auth, "If-Match", etag)
                .statusCode())
        .isEqualTo(415);
    // 428: PATCH without If-Match.
    assertThat(
            send("PATCH", session, "application/trickle-ice-sdpfrag", frag, "Authorization", auth)
                .statusCode())
        .isEqualTo(428);
    // 412: a stale entity-tag.
    assertThat(
            send(
                    "PATCH",
                    session,
                    "application/trickle-ice-sdpfrag",
                    frag,
                    "Authorization",
                    auth,
                    "If-Match",
                    "\"stale\"")
                .statusCode())
        .isEqualTo(412);
    // 400: a malformed fragment with the right tag.
    assertThat(
            send(
                    "PATCH",
                    session,
                    "application/trickle-ice-sdpfrag",
                    "m=audio\r\nbogus",
                    "Authorization",
                    auth,
                    "If-Match",
                    etag)
                .statusCode())
        .isEqualTo(400);
    // 204: trickle, no ETag in the answer.
    r =
        send(
            "PATCH",
            session,
            "application/trickle-ice-sdpfrag",
            frag + "a=end-of-candidates\r\n",
            "Authorization",
            auth,
            "If-Match",
            etag);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("ETag")).isEmpty();
    // 422: an ICE restart (If-Match: *), and new credentials with the right tag.
    assertThat(
            send(
                    "PATCH",
                    session,
                    "application/trickle-ice-sdpfrag",
                    "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n" + frag,
                    "Authorization",
                    auth,
                    "If-Match",
                    "*")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            send(
                    "PATCH",
                    session,
                    "application/trickle-ice-sdpfrag",
                    "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n" + frag,
                    "Authorization",
                    auth,
                    "If-Match",
                    etag)
                .statusCode())
        .isEqualTo(422);

    // 409: WHEP of a session whose publisher is not connected, with Retry-After.
    r = send("POST", server.whepUri(id), "application/sdp", offer(1, 1), "Authorization", auth);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.headers().firstValue("Retry-After")).contains("2");
    Throwable t =
        WhepClient.builder()
            .bearerToken(TOKEN)
            .build()
            .play(server.whepUri(id))
            .handle((s, e) -> e)
            .get(30, TimeUnit.SECONDS);
    WhipException e409 = whipFailure(t);
    assertThat(e409.status()).isEqualTo(409);
    assertThat(e409.retryAfter()).contains(Duration.ofSeconds(2));
    // The never-connected session is ended after connectTimeout: nothing leaks.
    await().atMost(Duration.ofSeconds(15)).until(() -> server.sessions().isEmpty());
  }

  private static String firstCandidate(String sdp) {
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith("a=candidate:")) {
        return line;
      }
    }
    return "";
  }

  @Test
  void overTheRateLimitIs429WithRetryAfter() throws Exception {
    WhipServer server = server(WhipServer.builder().rateLimit(1, 3));
    int limited = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = send("GET", server.whipUri(), null, null);
      if (r.statusCode() == 429) {
        limited++;
        last = r;
      } else {
        assertThat(r.statusCode()).isEqualTo(405);
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(4);
    assertThat(last.headers().firstValue("Retry-After")).contains("1");
  }

  @Test
  void overTheSessionLimitIs503AndRetryAfterIsHonoured() throws Exception {
    WhipServer server =
        server(WhipServer.builder().maxSessions(1).retryAfter(Duration.ofSeconds(2)));
    TestMedia media = closeLater(new TestMedia());
    WhipSession first =
        WhipClient.builder()
            .build()
            .publish(server.whipUri(), media.stream())
            .get(60, TimeUnit.SECONDS);
    Throwable t =
        WhipClient.builder()
            .maxRetries(0)
            .build()
            .publish(server.whipUri(), media.stream())
            .handle((s, e) -> e)
            .get(30, TimeUnit.SECONDS);
    WhipException e503 = whipFailure(t);
    saw(503);
    assertThat(e503.status()).isEqualTo(503);
    assertThat(e503.retryAfter()).contains(Duration.ofSeconds(2));

    // With retries on, the client waits the 2 s and tries again; the first publisher leaves
    // meanwhile, so the retry gets the slot.
    long start = System.nanoTime();
    var second =
        WhipClient.builder().maxRetries(3).build().publish(server.whipUri(), media.stream());
    Thread.sleep(500);
    first.close();
    WhipSession s2 = closeLater(second.get(60, TimeUnit.SECONDS));
    saw(201);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(2));
    assertThat(server.sessions())
        .extracting(SessionInfo::id)
        .containsExactly(s2.resource().getPath().substring(6));
  }

  @Test
  void linkIceServersAreAppliedAndRedirectsKeepTheTokenAtHome() throws Exception {
    WhipServer open =
        server(WhipServer.builder().iceServer(new RTCIceServer("stun:10.203.0.2:3478")));
    WhipServer guarded = server(WhipServer.builder().token(TOKEN));
    TestMedia media = closeLater(new TestMedia());
    HttpServer redirector =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    toClose.add(() -> redirector.stop(0));
    redirector.createContext(
        "/to-open",
        x -> {
          x.getResponseHeaders().add("Location", open.whipUri().toString());
          x.sendResponseHeaders(307, -1);
          x.close();
        });
    redirector.createContext(
        "/to-guarded",
        x -> {
          x.getResponseHeaders().add("Location", guarded.whipUri().toString());
          x.sendResponseHeaders(307, -1);
          x.close();
        });
    redirector.start();
    URI base = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort());

    // Followed: Location resolved against the server that answered (the other port).
    WhipSession s =
        closeLater(
            WhipClient.builder()
                .build()
                .publish(base.resolve("/to-open"), media.stream())
                .get(60, TimeUnit.SECONDS));
    assertThat(s.resource().getPort()).isEqualTo(open.port());
    assertThat(s.peerConnection().getConfiguration().iceServers())
        .anySatisfy(i -> assertThat(i.urls()).contains("stun:10.203.0.2:3478"));

    // The token was for the redirector's origin: it is not sent to the guarded server, which
    // therefore says 401.
    Throwable t =
        WhipClient.builder()
            .bearerToken(TOKEN)
            .build()
            .publish(base.resolve("/to-guarded"), media.stream())
            .handle((x, e) -> e)
            .get(30, TimeUnit.SECONDS);
    assertThat(whipFailure(t).status()).isEqualTo(401);
  }
}
