package io.github.jrtc.bench;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import java.util.concurrent.TimeUnit;

/** jrtc through its public API only, as an application would use it. */
final class JrtcSide implements Side {
  @Override
  public String name() {
    return "jrtc";
  }

  @Override
  public String dataChannelOffer() throws Exception {
    try (RTCPeerConnection pc = new RTCPeerConnection()) {
      pc.createDataChannel("bench");
      return pc.createOffer().get(10, TimeUnit.SECONDS).sdp();
    }
  }

  @Override
  public String audioVideoOffer() throws Exception {
    try (RTCPeerConnection pc = new RTCPeerConnection()) {
      pc.addTransceiver("audio");
      pc.addTransceiver("video");
      return pc.createOffer().get(10, TimeUnit.SECONDS).sdp();
    }
  }

  @Override
  public long answerNanos(String offerSdp) throws Exception {
    try (RTCPeerConnection pc = new RTCPeerConnection()) {
      pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, offerSdp))
          .get(10, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      pc.createAnswer().get(10, TimeUnit.SECONDS);
      return System.nanoTime() - t0;
    }
  }

  @Override
  public BenchPair connect() throws Exception {
    return JrtcPair.connect();
  }

  @Override
  public void close() {
    // The shared engine lives as long as the JVM.
  }
}
