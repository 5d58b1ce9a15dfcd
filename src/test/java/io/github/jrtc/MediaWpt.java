package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for WPT's RTCPeerConnection-helper.js media helpers: generateMediaStreamTrack and
 * getNoiseStream become tracks of Java sources; generateAnswer answers from a second connection.
 */
final class MediaWpt implements AutoCloseable {
  private final List<AutoCloseable> owned = new ArrayList<>();

  MediaStreamTrack track(String kind) {
    if (kind.equals("audio")) {
      AudioSampleSource s = new AudioSampleSource();
      owned.add(s);
      return s.track();
    }
    VideoFrameSource s = new VideoFrameSource(30);
    owned.add(s);
    return s.track();
  }

  RTCPeerConnection pc() {
    RTCPeerConnection pc = new RTCPeerConnection();
    owned.add(pc);
    return pc;
  }

  /**
   * generateAnswer(offer): a fresh connection's answer to the offer, from an answerer willing to
   * send and receive on every m-section (as the WPT expectations assume).
   */
  RTCSessionDescriptionInit generateAnswer(RTCSessionDescriptionInit offer) throws Exception {
    RTCPeerConnection other = pc();
    Wpt.await(other.setRemoteDescription(offer));
    for (RTCRtpTransceiver t : other.getTransceivers()) {
      t.direction(RTCRtpTransceiverDirection.SENDRECV);
    }
    return Wpt.await(other.createAnswer());
  }

  /** createOffer, SLD, generateAnswer, SRD on {@code pc}. */
  void negotiateWithGeneratedAnswer(RTCPeerConnection pc) throws Exception {
    RTCSessionDescriptionInit offer = Wpt.await(pc.createOffer());
    Wpt.await(pc.setLocalDescription(offer));
    Wpt.await(pc.setRemoteDescription(generateAnswer(offer)));
  }

  /** WPT's exchangeOfferAnswer(caller, callee). */
  static void exchangeOfferAnswer(RTCPeerConnection caller, RTCPeerConnection callee)
      throws Exception {
    Wpt.await(Peers.negotiate(caller, callee));
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : owned) {
      c.close();
    }
  }
}
