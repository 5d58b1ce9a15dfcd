package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of WPT webrtc/RTCRtpTransceiver-setCodecPreferences.html on real libwebrtc. The stored WPT
 * revision still expects InvalidAccessError; the current spec (and WPT) say
 * InvalidModificationError, which jrtc follows.
 */
class SetCodecPreferencesIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  private static void invalidModification(Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOf(DOMException.class)
        .hasFieldOrPropertyWithValue("name", "InvalidModificationError");
  }

  /**
   * A codec as the offer names it: mime type, clock rate, channels when more than one, and the fmtp
   * parameters in name order (the offer may order them differently than the capability; parameters
   * without a name, such as RED's "111/111" payload type list, are left out). RTX is only "rtx":
   * its apt= names payload types, which capabilities lack.
   */
  private static String key(String mimeType, int clockRate, Integer channels, String fmtp) {
    String name = mimeType.toLowerCase(Locale.ROOT);
    if (name.endsWith("/rtx")) {
      return name;
    }
    String params =
        fmtp == null
            ? ""
            : Arrays.stream(fmtp.split(";"))
                .map(String::trim)
                .filter(kv -> kv.contains("="))
                .sorted()
                .collect(Collectors.joining(";"));
    return name
        + "/"
        + clockRate
        + (channels != null && channels > 1 ? "/" + channels : "")
        + (params.isEmpty() ? "" : ";" + params);
  }

  /**
   * The offer lists exactly its codecs in the preferred order: the preferences, restricted to the
   * codecs the offer has (a sendrecv transceiver offers only codecs it can send and receive).
   */
  private static void assertFollowsOrder(List<String> offered, List<RTCRtpCodec> prefs) {
    List<String> preferred = preferred(prefs);
    assertThat(offered).isNotEmpty().first().isEqualTo(preferred.get(0));
    assertThat(offered).isEqualTo(preferred.stream().filter(offered::contains).toList());
  }

  /** The codecs in the preferred order, each once, RTX left out (it follows its codec). */
  private static List<String> preferred(List<RTCRtpCodec> codecs) {
    return codecs.stream()
        .map(c -> key(c.mimeType(), c.clockRate(), c.channels(), c.sdpFmtpLine()))
        .filter(k -> !k.endsWith("/rtx"))
        .distinct()
        .toList();
  }

  /** The codecs of the offer's first m-section of {@code kind}, in its payload type order. */
  private static List<String> offered(RTCPeerConnection pc, String kind) throws Exception {
    String sdp = Wpt.await(pc.createOffer()).sdp();
    List<String> lines = sdp.lines().toList();
    int m = 0;
    while (!lines.get(m).startsWith("m=" + kind + " ")) {
      m++;
    }
    String[] mline = lines.get(m).split(" ");
    Map<String, String> rtpmap = new HashMap<>();
    Map<String, String> fmtp = new HashMap<>();
    for (int i = m + 1; i < lines.size() && !lines.get(i).startsWith("m="); i++) {
      String l = lines.get(i);
      if (l.startsWith("a=rtpmap:")) {
        String[] pt = l.substring("a=rtpmap:".length()).split(" ", 2);
        rtpmap.put(pt[0], pt[1]);
      } else if (l.startsWith("a=fmtp:")) {
        String[] pt = l.substring("a=fmtp:".length()).split(" ", 2);
        fmtp.put(pt[0], pt[1]);
      }
    }
    List<String> codecs = new ArrayList<>();
    for (int i = 3; i < mline.length; i++) {
      String[] map = rtpmap.get(mline[i]).split("/");
      codecs.add(
          key(
              kind + "/" + map[0],
              Integer.parseInt(map[1]),
              map.length > 2 ? Integer.valueOf(map[2]) : null,
              fmtp.get(mline[i])));
    }
    return codecs.stream().filter(k -> !k.endsWith("/rtx")).toList();
  }

  /** {@code codecs} with the first one whose mime type is {@code mimeType} moved to the front. */
  private static List<RTCRtpCodec> first(String mimeType, List<RTCRtpCodec> codecs) {
    List<RTCRtpCodec> moved = new ArrayList<>(codecs);
    RTCRtpCodec c =
        moved.stream().filter(x -> x.mimeType().equalsIgnoreCase(mimeType)).findFirst().get();
    moved.remove(c);
    moved.add(0, c);
    return moved;
  }

  // "setCodecPreferences() on audio transceiver with codecs returned from
  // RTCRtpSender.getCapabilities('audio') should succeed" -- and the offer follows the order.
  @Test
  void senderCapabilities() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> codecs = RTCRtpSender.getCapabilities("audio").codecs();
    assertThat(codecs)
        .anySatisfy(c -> assertThat(c.mimeType()).isEqualToIgnoringCase("audio/opus"));
    List<String> defaults = offered(pc, "audio");
    // Not the default order, so that an ignored preference shows.
    List<RTCRtpCodec> prefs = first("audio/PCMA", codecs);
    assertThat(preferred(prefs).stream().filter(defaults::contains).toList())
        .isNotEqualTo(defaults);
    t.setCodecPreferences(prefs);
    assertFollowsOrder(offered(pc, "audio"), prefs);
  }

  // "... video transceiver with codecs returned from RTCRtpReceiver.getCapabilities('video')
  // should succeed" -- and the offer follows the order.
  @Test
  void receiverCapabilities() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("video");
    List<RTCRtpCodec> codecs = RTCRtpReceiver.getCapabilities("video").codecs();
    List<String> defaults = offered(pc, "video");
    List<RTCRtpCodec> prefs = first("video/VP9", codecs);
    assertThat(preferred(prefs).stream().filter(defaults::contains).toList())
        .isNotEqualTo(defaults);
    t.setCodecPreferences(prefs);
    assertFollowsOrder(offered(pc, "video"), prefs);
  }

  // "setCodecPreferences() with both sender receiver codecs combined should succeed" -- the offer
  // lists each codec once, where it first appears.
  @Test
  void combined() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> all =
        new ArrayList<>(first("audio/G722", RTCRtpSender.getCapabilities("audio").codecs()));
    all.addAll(RTCRtpReceiver.getCapabilities("audio").codecs());
    t.setCodecPreferences(all);
    assertFollowsOrder(offered(pc, "audio"), all);
  }

  // "setCodecPreferences([]) should succeed" -- and brings back the default order.
  @Test
  void empty() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<String> defaults = offered(pc, "audio");
    t.setCodecPreferences(first("audio/PCMA", RTCRtpSender.getCapabilities("audio").codecs()));
    assertThat(offered(pc, "audio")).isNotEqualTo(defaults);
    t.setCodecPreferences(List.of());
    assertThat(offered(pc, "audio")).isEqualTo(defaults);
  }

  // "setCodecPreferences() with reordered codecs should succeed" -- and the offer lists the
  // preferred codec first.
  @Test
  void reordered() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> codecs = new ArrayList<>(RTCRtpSender.getCapabilities("audio").codecs());
    RTCRtpCodec pcmu =
        codecs.stream().filter(c -> c.mimeType().equalsIgnoreCase("audio/PCMU")).findFirst().get();
    codecs.remove(pcmu);
    codecs.add(0, pcmu);
    t.setCodecPreferences(codecs);
    String mline =
        Wpt.await(pc.createOffer())
            .sdp()
            .lines()
            .filter(l -> l.startsWith("m=audio"))
            .findFirst()
            .get();
    // PCMU is payload type 0: first in the m-line's format list.
    assertThat(mline.split(" ")[3]).isEqualTo("0");
  }

  // "... audio transceiver with codecs returned from getCapabilities('video') should throw"
  @Test
  void otherKindThrows() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    invalidModification(
        () -> t.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs()));
  }

  // "setCodecPreferences() with user defined codec should throw" and "... together with codecs
  // returned from getCapabilities() should throw"
  @Test
  void userDefinedCodecThrows() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    RTCRtpCodec piepiper = new RTCRtpCodec("audio/piepiper", 2000, 2, "a=fmtp:98 0-15");
    invalidModification(() -> t.setCodecPreferences(List.of(piepiper)));
    List<RTCRtpCodec> mixed = new ArrayList<>(RTCRtpSender.getCapabilities("audio").codecs());
    mixed.add(piepiper);
    invalidModification(() -> t.setCodecPreferences(mixed));
  }

  // "setCodecPreferences() with modified codecs returned from getCapabilities() should throw"
  @Test
  void modifiedCodecThrows() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> codecs = new ArrayList<>(RTCRtpSender.getCapabilities("audio").codecs());
    RTCRtpCodec first = codecs.get(0);
    int channels = first.channels() == null ? 2 : first.channels();
    codecs.set(
        0, new RTCRtpCodec(first.mimeType(), first.clockRate(), channels + 1, first.sdpFmtpLine()));
    invalidModification(() -> t.setCodecPreferences(codecs));
  }

  // Current spec: a list of only RTX/RED/FEC entries is InvalidModificationError.
  @Test
  void onlyResilienceCodecsThrow() {
    RTCRtpTransceiver t = pc.addTransceiver("video");
    List<RTCRtpCodec> rtx =
        RTCRtpSender.getCapabilities("video").codecs().stream()
            .filter(c -> c.mimeType().toLowerCase().endsWith("/rtx"))
            .toList();
    assertThat(rtx).isNotEmpty();
    invalidModification(() -> t.setCodecPreferences(rtx));
  }
}
