package io.github.jrtc.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of real SDP text and ICE candidate lines: line drops, duplications, swaps,
 * truncations, byte flips, huge or negative numbers, ill-formed UTF-16/UTF-8 (lone surrogates, NUL,
 * Latin-1 bytes), 1 MB lines, cross-overs between SDPs and line-ending changes. The same seed gives
 * the same cases.
 */
public final class SdpMutator {
  private static final String[] HUGE = {
    "4294967296",
    "4294967295",
    "2147483648",
    "-2147483649",
    "-1",
    "0",
    "99999999999999999999999999999999",
    "9223372036854775808",
    "-9223372036854775808",
    "1e309",
    "NaN",
    "0x7fffffff",
    "65536",
    "65535",
    "1024",
    "256"
  };

  private static final String[] WEIRD = {
    "\u0000",
    "\uD800",
    "\uDFFF",
    "\uFFFF",
    "\uFEFF",
    "\u00C0\u0080",
    "\u00FF",
    "\r",
    "\n",
    " ",
    "\t",
    ":",
    "/",
    "=",
    "\u202E",
    "\uD83D\uDE00",
    "%",
    "\\",
    "\"",
    "a=",
    "m="
  };

  private final SplittableRandom random;
  private final List<String> corpus;

  /** Above NativeInputGuard's 4 MB SDP limit, so the refusal path is still exercised. */
  private static final int MAX_MUTATED_CHARS = 6 << 20;

  public SdpMutator(long seed, List<String> corpus) {
    this.random = new SplittableRandom(seed);
    this.corpus = corpus;
  }

  public SplittableRandom random() {
    return random;
  }

  /** One mutated SDP; {@code what} receives the mutations applied, for the failure report. */
  public String mutateSdp(String sdp, StringBuilder what) {
    String out = sdp;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      // Growth mutations compound (1 MB lines, then repeated sections): past the size jrtc
      // refuses outright anything bigger tests nothing new and only exhausts the harness's heap.
      if (out.length() > MAX_MUTATED_CHARS) {
        break;
      }
      out = mutateOnce(out, what);
    }
    return out;
  }

  /** A mutated candidate attribute value (without "a="), from a real one. */
  public String mutateCandidate(String candidate, StringBuilder what) {
    String out = candidate;
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      out = mutateTokens(out, what);
    }
    return out;
  }

  private String mutateOnce(String sdp, StringBuilder what) {
    List<String> lines = new ArrayList<>(List.of(sdp.split("\r\n", -1)));
    if (lines.isEmpty()) {
      lines.add("");
    }
    int kind = random.nextInt(14);
    int i = random.nextInt(lines.size());
    switch (kind) {
      case 0 -> {
        what.append("drop line ").append(i).append("; ");
        lines.remove(i);
      }
      case 1 -> {
        what.append("duplicate line ").append(i).append("; ");
        lines.add(random.nextInt(lines.size() + 1), lines.get(i));
      }
      case 2 -> {
        int j = random.nextInt(lines.size());
        what.append("swap lines ").append(i).append(',').append(j).append("; ");
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
      case 3 -> {
        int at = random.nextInt(sdp.length() + 1);
        what.append("truncate at ").append(at).append("; ");
        return sdp.substring(0, at);
      }
      case 4 -> {
        what.append("flip a byte; ");
        return flipChar(sdp);
      }
      case 5, 6 -> lines.set(i, mutateTokens(lines.get(i), what));
      case 7 -> {
        String w = WEIRD[random.nextInt(WEIRD.length)];
        what.append("insert ").append(escape(w)).append(" in line ").append(i).append("; ");
        String line = lines.get(i);
        int at = random.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + w + line.substring(at));
      }
      case 8 -> {
        // Rare: 1 MB lines are slow to parse; about one case in 150 has one.
        if (random.nextInt(10) == 0) {
          what.append("1 MB line at ").append(i).append("; ");
          String line = lines.get(i);
          lines.set(i, line + "x".repeat(1 << 20));
        } else {
          what.append("4 kB attribute at ").append(i).append("; ");
          lines.add(i, "a=" + "y".repeat(4096));
        }
      }
      case 9 -> {
        String other = corpus.get(random.nextInt(corpus.size()));
        String[] otherLines = other.split("\r\n");
        String line = otherLines[random.nextInt(otherLines.length)];
        what.append("cross-over line '").append(abbrev(line)).append("' at ").append(i);
        what.append("; ");
        lines.add(i, line);
      }
      case 10 -> {
        what.append("line endings \\n; ");
        return String.join("\n", lines);
      }
      case 11 -> {
        what.append("Latin-1 reading of UTF-8 bytes; ");
        return new String(
            String.join("\r\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      case 12 -> {
        what.append("repeat m-section; ");
        int m = -1;
        for (int k = 0; k < lines.size(); k++) {
          if (lines.get(k).startsWith("m=")) {
            m = k;
            break;
          }
        }
        if (m >= 0) {
          List<String> section = new ArrayList<>(lines.subList(m, lines.size()));
          int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 4);
          for (int t = 0; t < times; t++) {
            lines.addAll(section);
          }
        }
      }
      default -> {
        what.append("empty line at ").append(i).append("; ");
        lines.add(i, "");
      }
    }
    return String.join("\r\n", lines);
  }

  /** Replaces a token (number, word) with a huge value, a weird string, or nothing. */
  private String mutateTokens(String line, StringBuilder what) {
    String[] tokens = line.split("((?<=[ :/=;,])|(?=[ :/=;,]))", -1);
    if (tokens.length == 0) {
      return line;
    }
    int t = random.nextInt(tokens.length);
    String replacement =
        switch (random.nextInt(4)) {
          case 0, 1 -> HUGE[random.nextInt(HUGE.length)];
          case 2 -> WEIRD[random.nextInt(WEIRD.length)];
          default -> "";
        };
    what.append("token '")
        .append(abbrev(tokens[t]))
        .append("' -> '")
        .append(escape(replacement))
        .append("'; ");
    tokens[t] = replacement;
    return String.join("", tokens);
  }

  private String flipChar(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char[] c = s.toCharArray();
    int at = random.nextInt(c.length);
    c[at] = (char) (c[at] ^ (1 << random.nextInt(8)));
    return new String(c);
  }

  private static String abbrev(String s) {
    return escape(s.length() > 40 ? s.substring(0, 40) + "…" : s);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch < 0x20 || ch > 0x7e) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
