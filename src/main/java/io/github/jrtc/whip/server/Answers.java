package io.github.jrtc.whip.server;

import io.github.jrtc.RTCIceGatheringState;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's answer: set the offer, let the caller attach tracks, create and set the answer, then
 * wait for ICE gathering to complete, because WHIP sessions cannot trickle to the client (RFC 9725
 * section 4.3.2: "The WHIP endpoint SHALL gather all the ICE candidates for the media server before
 * responding to the client request and the SDP answer SHALL contain the full list of ICE
 * candidates"). Candidates are reordered so a UDP IPv4 host candidate comes first in each section:
 * clients that do not do ICE properly (FFmpeg 8.1's muxer) use the first {@code udp ... typ host}
 * line.
 */
final class Answers {
  private Answers() {}

  static CompletableFuture<String> answer(
      RTCPeerConnection pc, String offer, Runnable afterOffer, long gatherMillis) {
    CompletableFuture<Void> gathered = new CompletableFuture<>();
    pc.onicegatheringstatechange(
        e -> {
          if (pc.iceGatheringState() == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
          }
        });
    return pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, offer))
        .thenRun(afterOffer)
        .thenCompose(x -> pc.createAnswer())
        .thenCompose(pc::setLocalDescription)
        .thenCompose(
            x -> {
              if (pc.iceGatheringState() == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
              }
              // Past the limit the answer goes with what was gathered (a host candidate comes
              // within milliseconds; only server-reflexive/relay ones can take that long).
              return gathered.completeOnTimeout(null, gatherMillis, TimeUnit.MILLISECONDS);
            })
        .thenApply(x -> hostFirst(pc.localDescription().sdp()));
  }

  /** Reorders each section's candidate lines: UDP IPv4 host, UDP host, other UDP, the rest. */
  static String hostFirst(String sdp) {
    String[] lines = sdp.split("\r\n|\n", -1);
    StringBuilder out = new StringBuilder(sdp.length() + 64);
    List<String> section = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("m=")) {
        flush(section, out);
      }
      if (!line.isEmpty()) {
        section.add(line);
      }
    }
    flush(section, out);
    return out.toString();
  }

  private static void flush(List<String> section, StringBuilder out) {
    List<String> candidates = new ArrayList<>();
    int firstAt = -1;
    for (int i = 0; i < section.size(); i++) {
      if (section.get(i).startsWith("a=candidate:")) {
        if (firstAt < 0) {
          firstAt = i;
        }
        candidates.add(section.get(i));
      }
    }
    candidates.sort(Comparator.comparingInt(Answers::rank)); // stable: priority order kept
    int next = 0;
    for (String line : section) {
      if (line.startsWith("a=candidate:")) {
        out.append(candidates.get(next++)).append("\r\n");
      } else {
        out.append(line).append("\r\n");
      }
    }
    section.clear();
  }

  static int rank(String candidateLine) {
    String[] f = candidateLine.split(" ");
    if (f.length < 8) {
      return 9;
    }
    boolean udp = f[2].equalsIgnoreCase("udp");
    boolean host = f[7].equals("host");
    boolean ipv4 = f[4].matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    if (udp && host && ipv4) {
      return 0;
    }
    if (udp && host) {
      return 1;
    }
    return udp ? 2 : 3;
  }
}
