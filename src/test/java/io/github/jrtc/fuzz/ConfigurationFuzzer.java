package io.github.jrtc.fuzz;

import io.github.jrtc.DOMException;
import io.github.jrtc.RTCBundlePolicy;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCIceTransportPolicy;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCRtcpMuxPolicy;
import io.github.jrtc.TypeError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Random {@link RTCConfiguration}s, every member (ICE server URLs, usernames and credentials that
 * are null, empty, huge or odd; null servers and url lists; every policy including null; pool sizes
 * in and out of range), through {@code new RTCPeerConnection(config)} and {@code
 * setConfiguration(config)}. Every outcome must be a success that leaves a usable connection (it
 * creates an offer, getConfiguration gives the configuration back) or a spec error thrown
 * synchronously (TypeError, SyntaxError, InvalidAccessError, InvalidModificationError). Meant to
 * run in a child JVM (ConfigurationFuzzIT) so a native abort is reported with its case: it prints
 * "C n" before case n. Nothing here gathers candidates: no description is ever applied, so no ICE
 * server is ever contacted.
 *
 * <p>Usage: ConfigurationFuzzer SEED CASES [FIRST_CASE]; case n uses seed {@code SEED + n}.
 */
public final class ConfigurationFuzzer {
  /** The constructor and setConfiguration may throw these (webrtc-pc, W3C). */
  public static final Set<String> SPEC_NAMES =
      Set.of("TypeError", "SyntaxError", "InvalidAccessError", "InvalidModificationError");

  private static final long TIMEOUT_S = 10;
  private static final int RECYCLE_EVERY = 200;

  private static final List<String> HOSTS =
      List.of(
          "stun.example.org",
          "turn.example.net",
          "192.0.2.1",
          "10.203.0.2",
          "[2001:db8::1]",
          "[::ffff:192.0.2.128]",
          "host.invalid",
          "a");

  private static final List<String> ODD =
      List.of(
          "",
          " ",
          "\u0000",
          "\n",
          "\r\n",
          "%",
          "%00",
          "%zz",
          "#",
          "?",
          "@",
          "/",
          "\\",
          ":",
          "::",
          "[",
          "]",
          "[]",
          "\uD800",
          "\uDFFF",
          "é",
          "\uD83D\uDE00",
          "\u202E",
          "\uFFFF",
          "%s%n%p",
          "${x}",
          "'",
          "\"",
          "?transport=udp",
          "?transport=tcp",
          "?transport=",
          "?transport=tls",
          ":0",
          ":65535",
          ":65536",
          ":-1",
          ":+1",
          ":0003478",
          ":99999999999",
          "STUN:",
          "Turn:");

  private final long seed;
  private final Map<String, Integer> namesSeen = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int accepted;
  private RTCPeerConnection live;

  ConfigurationFuzzer(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : System.nanoTime();
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int first = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    System.out.println("seed " + seed + ", " + cases + " cases");
    ConfigurationFuzzer f = new ConfigurationFuzzer(seed);
    long t0 = System.nanoTime();
    f.run(first, cases);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    for (String failure : f.failures) {
      System.out.println("FAILURE " + failure);
    }
    System.out.println("names " + f.namesSeen);
    System.out.printf("RESULT %d %d %d %d%n", cases, f.failures.size(), f.accepted, ms);
    System.exit(0);
  }

  void run(int first, int cases) throws Exception {
    for (int n = first; n < first + cases; n++) {
      System.out.println("C " + n);
      if ((n - first) % RECYCLE_EVERY == 0) {
        recycle();
      }
      SplittableRandom r = new SplittableRandom(seed + n);
      StringBuilder what = new StringBuilder();
      try {
        oneCase(n, r, what);
      } catch (TimeoutException e) {
        failures.add("case " + n + " hung (" + what + ")\n" + SdpFuzzer.threadDumpOf());
        recycle();
      }
    }
    if (live != null) {
      live.close();
    }
  }

  private void oneCase(int n, SplittableRandom r, StringBuilder what) throws Exception {
    boolean viaConstructor = r.nextBoolean();
    what.append(viaConstructor ? "constructor " : "setConfiguration ");
    RTCConfiguration config;
    try {
      config = configuration(r, what);
    } catch (RuntimeException e) {
      // The dictionary itself may refuse a member (an iceCandidatePoolSize out of range).
      check(n, e, what);
      return;
    }
    if (viaConstructor) {
      RTCPeerConnection pc;
      try {
        pc = new RTCPeerConnection(config);
      } catch (RuntimeException e) {
        check(n, e, what);
        return;
      }
      try {
        usable(n, pc, config, what);
      } finally {
        pc.close();
      }
    } else {
      try {
        live.setConfiguration(config);
      } catch (RuntimeException e) {
        check(n, e, what);
        return;
      }
      usable(n, live, config, what);
    }
  }

  /** A configuration accepted: it reads back, and the connection still creates offers. */
  private void usable(int n, RTCPeerConnection pc, RTCConfiguration config, StringBuilder what)
      throws Exception {
    accepted++;
    if (!pc.getConfiguration().equals(config)) {
      failures.add("case " + n + ": getConfiguration differs (" + what + ")");
    }
    try {
      pc.createOffer().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failures.add("case " + n + ": accepted but createOffer failed: " + e.getCause() + what);
    }
  }

  private RTCConfiguration configuration(SplittableRandom r, StringBuilder what) {
    List<RTCIceServer> servers = servers(r, what);
    RTCIceTransportPolicy transport = pick(r, RTCIceTransportPolicy.values());
    // The live connection keeps its policies most of the time: a change is refused before
    // anything else is looked at, which would hide the servers from the fuzzing.
    boolean changePolicies = r.nextInt(8) == 0;
    RTCBundlePolicy bundle = changePolicies ? pick(r, RTCBundlePolicy.values()) : null;
    RTCRtcpMuxPolicy mux = changePolicies ? pick(r, RTCRtcpMuxPolicy.values()) : null;
    int pool =
        switch (r.nextInt(40)) {
          case 0 -> -1;
          case 1 -> 256;
          case 2 -> Integer.MIN_VALUE;
          case 3 -> Integer.MAX_VALUE;
          case 4 -> r.nextInt(256);
          default -> 0;
        };
    what.append("transport=")
        .append(transport)
        .append(" bundle=")
        .append(bundle)
        .append(" mux=")
        .append(mux)
        .append(" pool=")
        .append(pool);
    return new RTCConfiguration(servers, transport, bundle, mux, pool);
  }

  private List<RTCIceServer> servers(SplittableRandom r, StringBuilder what) {
    switch (r.nextInt(12)) {
      case 0 -> {
        what.append("servers=null ");
        return null;
      }
      case 1 -> {
        what.append("servers=[] ");
        return List.of();
      }
      default -> {
        int count = r.nextInt(10) == 0 ? 1 + r.nextInt(40) : 1 + r.nextInt(3);
        List<RTCIceServer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          if (r.nextInt(40) == 0) {
            what.append("server=null ");
            out.add(null);
            continue;
          }
          out.add(server(r, what));
        }
        return out;
      }
    }
  }

  private RTCIceServer server(SplittableRandom r, StringBuilder what) {
    List<String> urls;
    switch (r.nextInt(20)) {
      case 0 -> urls = null;
      case 1 -> urls = List.of();
      default -> {
        int count = 1 + r.nextInt(r.nextInt(6) == 0 ? 5 : 2);
        urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          urls.add(r.nextInt(50) == 0 ? null : url(r));
        }
      }
    }
    String username = text(r, "user");
    String credential = text(r, "cred");
    what.append("{urls=")
        .append(urls == null ? "null" : urls.stream().map(ConfigurationFuzzer::show).toList())
        .append(" username=")
        .append(show(username))
        .append(" credential=")
        .append(show(credential))
        .append("} ");
    return new RTCIceServer(
        urls == null ? null : Arrays.asList(urls.toArray(new String[0])), username, credential);
  }

  private String url(SplittableRandom r) {
    String scheme = List.of("stun", "stuns", "turn", "turns").get(r.nextInt(4));
    String host = HOSTS.get(r.nextInt(HOSTS.size()));
    String port = r.nextBoolean() ? "" : ":" + (1 + r.nextInt(65535));
    String query =
        scheme.startsWith("turn") && r.nextInt(3) == 0
            ? "?transport=" + (r.nextBoolean() ? "udp" : "tcp")
            : "";
    String url = scheme + ":" + host + port + query;
    int mutations = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
    for (int i = 0; i < mutations; i++) {
      url = mutate(r, url);
    }
    return url;
  }

  private String mutate(SplittableRandom r, String s) {
    int at = r.nextInt(s.length() + 1);
    return switch (r.nextInt(7)) {
      case 0 -> s.substring(0, at) + ODD.get(r.nextInt(ODD.size())) + s.substring(at);
      case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
      case 2 -> s.substring(0, at);
      case 3 -> s.toUpperCase(java.util.Locale.ROOT);
      case 4 ->
          s.substring(0, at) + "x".repeat(r.nextInt(10) == 0 ? 100_000 : 300) + s.substring(at);
      case 5 -> ODD.get(r.nextInt(ODD.size())) + s;
      default -> s + ODD.get(r.nextInt(ODD.size()));
    };
  }

  private String text(SplittableRandom r, String plain) {
    return switch (r.nextInt(12)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "a".repeat(509);
      case 3 -> "a".repeat(510);
      case 4 -> "é".repeat(255);
      case 5 -> "x".repeat(r.nextInt(10) == 0 ? 1 << 20 : 4096);
      case 6 -> ODD.get(r.nextInt(ODD.size()));
      case 7 -> mutate(r, plain);
      default -> plain;
    };
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    int i = r.nextInt(values.length + 1);
    return i == values.length ? null : values[i];
  }

  private static String show(String s) {
    if (s == null) {
      return "null";
    }
    String shown = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    return "'" + SdpMutator.escape(shown) + "'";
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
      failures.add("case " + n + ": error name " + name + " not in the spec: " + error + what);
    }
  }

  private void recycle() {
    if (live != null) {
      live.close();
    }
    live = new RTCPeerConnection();
  }
}
