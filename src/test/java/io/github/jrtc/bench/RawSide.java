package io.github.jrtc.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.github.jrtc.internal.jni.NativeHandleField;
import io.github.jrtc.internal.loop.EventThreads;
import io.github.jrtc.internal.webrtcjava.NativeHandles;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** webrtc-java's own API, used directly: one factory with the headless audio module. */
final class RawSide implements Side {
  private static final PeerConnectionObserver IGNORE = candidate -> {};

  private final HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
  private final PeerConnectionFactory factory = new PeerConnectionFactory(adm);
  // Daemon threads, like jrtc's event pool: the bench must not outlive its main.
  private final ExecutorService handOff =
      Executors.newCachedThreadPool(EventThreads.daemonFactory("raw-hand-off-"));

  PeerConnectionFactory factory() {
    return factory;
  }

  @Override
  public String name() {
    return "raw webrtc-java";
  }

  @Override
  public String dataChannelOffer() throws Exception {
    RTCPeerConnection pc = factory.createPeerConnection(new RTCConfiguration(), IGNORE);
    try {
      pc.createDataChannel("bench", new RTCDataChannelInit());
      return RawFutures.createOffer(pc, new RTCOfferOptions()).get(10, TimeUnit.SECONDS).sdp;
    } finally {
      pc.close();
    }
  }

  @Override
  public String audioVideoOffer() throws Exception {
    AudioTrackSource audioSource = factory.createAudioSource(new AudioOptions());
    AudioTrack audio = factory.createAudioTrack("audio", audioSource);
    CustomVideoSource videoSource = new CustomVideoSource();
    VideoTrack video = factory.createVideoTrack("video", videoSource);
    RTCPeerConnection pc = factory.createPeerConnection(new RTCConfiguration(), IGNORE);
    try {
      pc.addTrack(audio, List.of("stream"));
      pc.addTrack(video, List.of("stream"));
      return RawFutures.createOffer(pc, new RTCOfferOptions()).get(10, TimeUnit.SECONDS).sdp;
    } finally {
      pc.close();
    }
  }

  @Override
  public long answerNanos(String offerSdp) throws Exception {
    RTCPeerConnection pc = factory.createPeerConnection(new RTCConfiguration(), IGNORE);
    try {
      RawFutures.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
          .get(10, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      RawFutures.createAnswer(pc, new RTCAnswerOptions()).get(10, TimeUnit.SECONDS);
      return System.nanoTime() - t0;
    } finally {
      closeAndMaybeRelease(pc);
    }
  }

  /**
   * webrtc-java 0.14.0 cannot free a closed connection (it keeps its native memory for good); jrtc
   * frees it through its native helper. With {@code -Dbench.rawRelease=true} the raw side frees it
   * the same way, so that the createAnswer rows can show what that teardown costs the next
   * connection (docs/benchmarks.md).
   */
  private static void closeAndMaybeRelease(RTCPeerConnection pc) {
    long handle = RAW_RELEASE ? NativeHandles.of(pc) : 0;
    pc.close();
    if (handle != 0) {
      NativeHandleField.release(handle);
    }
  }

  private static final boolean RAW_RELEASE = Boolean.getBoolean("bench.rawRelease");

  @Override
  public BenchPair connect() throws Exception {
    return RawPair.connect(factory);
  }

  /**
   * The same connect with every step after a callback handed to a pool thread: the two thread
   * switches per step that jrtc's rule "user code never runs on a native thread" costs any binding,
   * with nothing else of jrtc's.
   */
  BenchPair connectHandingOff() throws Exception {
    return RawPair.connect(factory, handOff);
  }

  @Override
  public void close() {
    handOff.shutdown();
    factory.dispose();
    adm.dispose();
  }
}
