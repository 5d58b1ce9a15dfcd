package io.github.jrtc.internal.whip;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.ReliabilityReport;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for the two parsers a WHIP peer feeds from the network: RFC 8288 Link header values
 * (from a server's 201) and trickle-ice-sdpfrag bodies (from a client's PATCH). Seeded mutations of
 * valid examples and random strings: every input is either parsed (and what comes out is sane) or
 * refused with an IllegalArgumentException, in bounded time.
 */
class WhipParsersFuzzTest {
  private static final long SEED = 0x9725L;
  private static final int CASES = 20_000;
  private static final String[] LINKS = {
    "<stun:stun.example.net>; rel=\"ice-server\"",
    "<turn:turn.example.net?transport=udp>; rel=\"ice-server\"; username=\"user\";"
        + " credential=\"myPassword\"; credential-type=\"password\"",
    "<turns:turn.example.net?transport=tcp>; rel=ice-server; username=u; credential=p",
    "<https://example.org/sse>; rel=\"urn:ietf:params:whip:ext:example:server-sent-events\"",
  };
  private static final String FRAG =
      "a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\na=group:BUNDLE 0 1\r\n"
          + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n"
          + "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0\r\n"
          + "a=candidate:473322822 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active\r\n"
          + "a=end-of-candidates\r\n";
  private static final String NASTY = "<>;,=\"\\\r\n\t \u0000\u007f\u00ff\u2028*:/?#[]@!$&'()+";

  @Test
  void validExamplesParse() {
    List<LinkHeader.Link> links = LinkHeader.parse(List.of(String.join(", ", LINKS)));
    assertThat(links).hasSize(4);
    assertThat(links.get(1).param("credential")).isEqualTo("myPassword");
    assertThat(IceServerLinks.from(links)).hasSize(3);
    SdpFragment f = SdpFragment.parse(FRAG);
    assertThat(f.iceUfrag()).isEqualTo("EsAw");
    assertThat(f.sections()).hasSize(1);
    assertThat(f.sections().get(0).candidates()).hasSize(2);
    assertThat(f.sections().get(0).endOfCandidates()).isTrue();
  }

  @Test
  void hostileLinkHeaders() {
    Random r = new Random(SEED);
    int refused = 0;
    long worstNanos = 0;
    String worst = "";
    for (int i = 0; i < CASES; i++) {
      String input = i % 5 == 0 ? random(r, 1 + r.nextInt(300)) : mutate(r, pick(r, LINKS));
      if (i % 97 == 0) {
        input = (pick(r, LINKS) + ",").repeat(1 + r.nextInt(200)); // many links
      }
      long t0 = System.nanoTime();
      try {
        List<LinkHeader.Link> links = LinkHeader.parse(List.of(input));
        assertThat(links.size()).isLessThanOrEqualTo(LinkHeader.MAX_LINKS);
        for (LinkHeader.Link l : links) {
          assertThat(l.target()).isNotEmpty().doesNotContain(" ", "\r", "\n", "\u0000");
          assertThat(l.params().size()).isLessThanOrEqualTo(LinkHeader.MAX_PARAMS);
        }
        // Whatever parsed must not break the ICE server mapping either.
        IceServerLinks.from(links);
      } catch (IllegalArgumentException e) {
        refused++;
        assertThat(e.getMessage()).isNotBlank();
      }
      long took = System.nanoTime() - t0;
      if (took > worstNanos) {
        worstNanos = took;
        worst = input;
      }
    }
    // The slowest input again, alone and warm: a slow parse, not a GC pause or a busy machine.
    String slowest = worst;
    long again = minNanos(() -> LinkHeader.parse(List.of(slowest)));
    ReliabilityReport.row(
        "WHIP Link header fuzz (RFC 8288)",
        CASES,
        0,
        "seed "
            + SEED
            + "; "
            + refused
            + " refused with a message; worst "
            + worstNanos / 1000
            + " us in the run, "
            + again / 1000
            + " us alone ("
            + slowest.length()
            + " chars)");
    assertThat(again).isLessThan(20_000_000L);
  }

  @Test
  void hostileSdpFragments() {
    Random r = new Random(SEED + 1);
    int refused = 0;
    long worstNanos = 0;
    String worst = "";
    for (int i = 0; i < CASES; i++) {
      String input = i % 5 == 0 ? random(r, 1 + r.nextInt(600)) : mutate(r, FRAG);
      if (i % 101 == 0) {
        input =
            "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:0\r\n"
                + "a=candidate:1 1 udp 1 10.0.0.1 9 typ host\r\n".repeat(1 + r.nextInt(300));
      }
      long t0 = System.nanoTime();
      try {
        SdpFragment f = SdpFragment.parse(input);
        assertThat(f.sections()).isNotEmpty().hasSizeLessThanOrEqualTo(SdpFragment.MAX_SECTIONS);
        assertThat(f.candidateCount()).isLessThanOrEqualTo(SdpFragment.MAX_CANDIDATES);
        assertThat(f.sections()).allSatisfy(s -> assertThat(s.mid()).isNotEmpty());
        assertThat(f.iceUfrag() == null).isEqualTo(f.icePwd() == null);
      } catch (IllegalArgumentException e) {
        refused++;
        assertThat(e.getMessage()).isNotBlank();
      }
      long took = System.nanoTime() - t0;
      if (took > worstNanos) {
        worstNanos = took;
        worst = input;
      }
    }
    String slowest = worst;
    long again = minNanos(() -> SdpFragment.parse(slowest));
    ReliabilityReport.row(
        "WHIP sdpfrag fuzz (RFC 8840)",
        CASES,
        0,
        "seed "
            + (SEED + 1)
            + "; "
            + refused
            + " refused with a message; worst "
            + worstNanos / 1000
            + " us in the run, "
            + again / 1000
            + " us alone ("
            + slowest.length()
            + " chars)");
    assertThat(again).isLessThan(20_000_000L);
  }

  /** The fastest of 5 runs (each may refuse the input). */
  private static long minNanos(Runnable parse) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      try {
        parse.run();
      } catch (IllegalArgumentException e) {
        // refused: timed all the same
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }

  private static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  private static String random(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(
          r.nextInt(4) == 0
              ? NASTY.charAt(r.nextInt(NASTY.length()))
              : (char) (32 + r.nextInt(95)));
    }
    return b.toString();
  }

  /** 1 to 4 edits: insert nasty characters, delete a span, duplicate a span, truncate. */
  private static String mutate(Random r, String s) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(5)) {
        case 0 -> b.insert(at, NASTY.charAt(r.nextInt(NASTY.length())));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(12)));
        case 2 -> {
          int end = Math.min(b.length(), at + 1 + r.nextInt(40));
          String span = b.substring(at, end);
          b.insert(at, span.repeat(1 + r.nextInt(20)));
        }
        case 3 -> b.setLength(at);
        default -> b.setCharAt(at, (char) r.nextInt(0x3000));
      }
    }
    return b.toString();
  }
}
