package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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

  // "setCodecPreferences() on audio transceiver with codecs returned from
  // RTCRtpSender.getCapabilities('audio') should succeed" -- and the offer follows the order.
  @Test
  void senderCapabilities() throws Exception {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> codecs = RTCRtpSender.getCapabilities("audio").codecs();
    assertThat(codecs)
        .anySatisfy(c -> assertThat(c.mimeType()).isEqualToIgnoringCase("audio/opus"));
    t.setCodecPreferences(codecs);
  }

  // "... video transceiver with codecs returned from RTCRtpReceiver.getCapabilities('video')
  // should succeed"
  @Test
  void receiverCapabilities() {
    RTCRtpTransceiver t = pc.addTransceiver("video");
    t.setCodecPreferences(RTCRtpReceiver.getCapabilities("video").codecs());
  }

  // "setCodecPreferences() with both sender receiver codecs combined should succeed"
  @Test
  void combined() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    List<RTCRtpCodec> all = new ArrayList<>(RTCRtpSender.getCapabilities("audio").codecs());
    all.addAll(RTCRtpReceiver.getCapabilities("audio").codecs());
    t.setCodecPreferences(all);
  }

  // "setCodecPreferences([]) should succeed"
  @Test
  void empty() {
    pc.addTransceiver("audio").setCodecPreferences(List.of());
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
