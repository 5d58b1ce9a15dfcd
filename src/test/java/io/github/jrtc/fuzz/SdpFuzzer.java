package io.github.jrtc.fuzz;

import io.github.jrtc.DOMException;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.TypeError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Feeds mutated real SDPs into setRemoteDescription and mutated candidates into addIceCandidate.
 * Every outcome must be a success that leaves the connection usable (an answer can be created,
 * rollback works) or a failure with one of the spec's error names; a hang or any other exception is
 * a failure. Meant to run in a child JVM (SdpFuzzIT) so a native crash is caught and reported with
 * the case that caused it: it prints "C n" before case n.
 *
 * <p>Usage: SdpFuzzer SEED CASES [FIRST_CASE]. Case n uses seed {@code SEED + n}, so one case can
 * be replayed alone: {@code SdpFuzzer SEED 1 n}.
 */
public final class SdpFuzzer {
  /** setRemoteDescription and addIceCandidate may reject with these (webrtc-pc, W3C). */
  public static final Set<String> SPEC_NAMES =
      Set.of(
          "InvalidStateError",
          "InvalidModificationError",
          "InvalidAccessError",
          "OperationError",
          "TypeError");

  private static final long TIMEOUT_S = 10;
  private static final boolean VERBOSE = Boolean.getBoolean("jrtc.fuzz.verbose");
  private static final int RECYCLE_EVERY = 500;

  private static final List<String> CANDIDATES =
      List.of(
          "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host generation 0 ufrag abcd"
              + " network-id 1",
          "candidate:842163049 1 udp 1677729535 198.51.100.7 61665 typ srflx raddr 10.203.0.2"
              + " rport 50000 generation 0",
          "candidate:2 1 tcp 1518280447 10.203.0.2 9 typ host tcptype active generation 0",
          "candidate:3 1 udp 41885439 203.0.113.9 3478 typ relay raddr 198.51.100.7 rport 61665",
          "candidate:4 1 UDP 2130706431 fe80::1 5000 typ host",
          "candidate:5 1 udp 2122262783 2a9b8f6e-0f0a-4c1b-9b7e-2f4b6e7d8c9a.local 54321 typ host");

  private final List<String> corpus;
  private final long seed;
  private final Map<String, Integer> namesSeen = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int accepted;
  private int answersRefused;
  private RTCPeerConnection sdpPc;
  private RTCPeerConnection icePc;
  private String iceOffer;

  SdpFuzzer(long seed, List<String> corpus) {
    this.seed = seed;
    this.corpus = corpus;
  }

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : System.nanoTime();
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int first = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path dir = Path.of(System.getProperty("jrtc.sdp.corpus", "src/test/resources/sdp"));
    List<String> corpus = loadCorpus(dir);
    System.out.println("seed " + seed + ", " + cases + " cases, " + corpus.size() + " SDPs");
    SdpFuzzer f = new SdpFuzzer(seed, corpus);
    long t0 = System.nanoTime();
    f.run(first, cases);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    for (String failure : f.failures) {
      System.out.println("FAILURE " + failure);
    }
    System.out.println("names " + f.namesSeen);
    System.out.println(
        "answers refused with OperationError after an accepted offer: " + f.answersRefused);
    System.out.printf("RESULT %d %d %d %d%n", cases, f.failures.size(), f.accepted, ms);
    System.exit(0);
  }

  static List<String> loadCorpus(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> out = new ArrayList<>();
      for (Path p : files.filter(p -> p.toString().endsWith(".sdp")).sorted().toList()) {
        // Stored with LF or CRLF: SDP on the wire is CRLF.
        String s = Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
        out.add(s.replace("\n", "\r\n"));
      }
      if (out.isEmpty()) {
        throw new IOException("no .sdp files in " + dir.toAbsolutePath());
      }
      return out;
    }
  }

  void run(int first, int cases) throws Exception {
    for (int n = first; n < first + cases; n++) {
      System.out.println("C " + n);
      if ((n - first) % RECYCLE_EVERY == 0) {
        recycle();
      }
      SdpMutator m = new SdpMutator(seed + n, corpus);
      SplittableRandom r = m.random();
      StringBuilder what = new StringBuilder();
      boolean ice = r.nextInt(4) == 0;
      try {
        if (ice) {
          iceCase(n, m, r, what);
        } else {
          sdpCase(n, m, r, what);
        }
      } catch (TimeoutException e) {
        failures.add("case " + n + " hung (" + what + ")\n" + threadDumpOf());
        recycle();
      }
    }
    close();
  }

  private void sdpCase(int n, SdpMutator m, SplittableRandom r, StringBuilder what)
      throws Exception {
    String base = corpus.get(r.nextInt(corpus.size()));
    String sdp = m.mutateSdp(base, what);
    if (VERBOSE) {
      System.out.println("  sdp: " + what);
    }
    Throwable error =
        outcome(sdpPc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, sdp)));
    if (error == null) {
      accepted++;
      // A success leaves a usable connection: it answers, and rolls back to stable.
      // libwebrtc accepts some offers it cannot answer (seen: a BUNDLE tag m-line cut short, its
      // bundle-only sections then have no transport); createAnswer may reject with the spec's
      // OperationError, and the connection must still roll back below.
      Throwable answer = outcome(sdpPc.createAnswer());
      if (answer instanceof DOMException d && d.name().equals("OperationError")) {
        answersRefused++;
      } else if (answer != null) {
        failures.add("case " + n + ": accepted but createAnswer failed: " + answer + " (" + what);
      }
      Throwable rollback =
          outcome(
              sdpPc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
      if (rollback != null) {
        failures.add("case " + n + ": accepted but rollback failed: " + rollback + " (" + what);
        recycle();
      }
    } else {
      check(n, error, what);
    }
  }

  private void iceCase(int n, SdpMutator m, SplittableRandom r, StringBuilder what)
      throws Exception {
    String base = CANDIDATES.get(r.nextInt(CANDIDATES.size()));
    String candidate = r.nextInt(8) == 0 ? base : m.mutateCandidate(base, what);
    if (r.nextInt(3) == 0) {
      candidate = "candidate:" + candidate.substring("candidate:".length()).trim();
    }
    String mid =
        switch (r.nextInt(6)) {
          case 0 -> null;
          case 1 -> "nope";
          case 2 -> "\uD800";
          default -> "0";
        };
    Integer index =
        switch (r.nextInt(6)) {
          case 0 -> null;
          case 1 -> 65535;
          case 2 -> -1;
          case 3 -> 7;
          default -> 0;
        };
    what.append("mid=").append(mid == null ? "null" : SdpMutator.escape(mid));
    what.append(" index=").append(index);
    if (VERBOSE) {
      System.out.println("  ice: " + SdpMutator.escape(candidate) + " " + what);
    }
    Throwable error =
        outcome(icePc.addIceCandidate(new RTCIceCandidateInit(candidate, mid, index, null)));
    if (error == null) {
      accepted++;
      // Still usable: it answers the offer it holds.
      Throwable answer = outcome(icePc.createAnswer());
      if (answer != null) {
        failures.add("case " + n + ": candidate accepted but createAnswer failed: " + answer);
      }
    } else {
      check(n, error, what);
    }
  }

  private void check(int n, Throwable error, StringBuilder what) {
    String name;
    if (error instanceof DOMException d) {
      name = d.name();
    } else if (error instanceof TypeError) {
      name = "TypeError";
    } else {
      failures.add("case " + n + ": not a spec error: " + error + " (" + what + ")");
      return;
    }
    namesSeen.merge(name, 1, Integer::sum);
    if (!SPEC_NAMES.contains(name)) {
      failures.add("case " + n + ": error name " + name + " not in the spec: " + error);
    }
  }

  /** Null on success, else the failure's cause; a hang throws TimeoutException. */
  private static Throwable outcome(CompletableFuture<?> f) throws Exception {
    try {
      f.get(TIMEOUT_S, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private void recycle() throws Exception {
    close();
    sdpPc = new RTCPeerConnection();
    icePc = new RTCPeerConnection();
    if (iceOffer == null) {
      RTCPeerConnection offerer = new RTCPeerConnection();
      offerer.createDataChannel("fuzz");
      iceOffer = offerer.createOffer().get(TIMEOUT_S, TimeUnit.SECONDS).sdp();
      offerer.close();
    }
    icePc
        .setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, iceOffer))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  private void close() {
    if (sdpPc != null) {
      sdpPc.close();
    }
    if (icePc != null) {
      icePc.close();
    }
  }

  public static String threadDumpOf() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      b.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState());
      b.append('\n');
      for (StackTraceElement s : e.getValue()) {
        b.append("    at ").append(s).append('\n');
      }
    }
    return b.toString();
  }
}
