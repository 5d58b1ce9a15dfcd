package io.github.jrtc.internal.sdp;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes SDPs for the malformed-input corpus (scripts/capture-sdp-corpus): jrtc's own data-channel
 * offer and answer, and, as jrtc has no tracks yet, raw webrtc-java's audio+video+data offer and
 * answer. Usage: SdpCorpusCapture OUT_DIR
 */
public final class SdpCorpusCapture {
  private SdpCorpusCapture() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    captureJrtc(out);
    captureRawAudioVideo(out);
    NativeEngine.shutdownShared();
    System.exit(0);
  }

  private static void captureJrtc(Path out) throws Exception {
    try (io.github.jrtc.RTCPeerConnection a = new io.github.jrtc.RTCPeerConnection();
        io.github.jrtc.RTCPeerConnection b = new io.github.jrtc.RTCPeerConnection()) {
      a.createDataChannel("chat");
      RTCSessionDescriptionInit offer = a.createOffer().get(10, TimeUnit.SECONDS);
      a.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
      b.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
      RTCSessionDescriptionInit answer = b.createAnswer().get(10, TimeUnit.SECONDS);
      write(out, "jrtc-offer-data.sdp", offer.sdp());
      write(out, "jrtc-answer-data.sdp", answer.sdp());
    }
  }

  private static void captureRawAudioVideo(Path out) throws Exception {
    HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
    PeerConnectionFactory factory = new PeerConnectionFactory(adm);
    RTCPeerConnection a = factory.createPeerConnection(new RTCConfiguration(), new Quiet());
    RTCPeerConnection b = factory.createPeerConnection(new RTCConfiguration(), new Quiet());
    CustomVideoSource video = new CustomVideoSource();
    a.addTrack(
        factory.createAudioTrack("audio", factory.createAudioSource(new AudioOptions())),
        List.of("stream"));
    a.addTrack(factory.createVideoTrack("video", video), List.of("stream"));
    a.createDataChannel("chat", new dev.onvoid.webrtc.RTCDataChannelInit());
    RTCSessionDescription offer =
        create(o -> a.createOffer(new dev.onvoid.webrtc.RTCOfferOptions(), o));
    CompletableFuture<Void> set = new CompletableFuture<>();
    b.setRemoteDescription(offer, settle(set));
    set.get(10, TimeUnit.SECONDS);
    RTCSessionDescription answer =
        create(o -> b.createAnswer(new dev.onvoid.webrtc.RTCAnswerOptions(), o));
    write(out, "webrtc-java-offer-av-data.sdp", offer.sdp);
    write(out, "webrtc-java-answer-av-data.sdp", answer.sdp);
    a.close();
    b.close();
  }

  private static RTCSessionDescription create(Consumer<CreateSessionDescriptionObserver> call)
      throws Exception {
    CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
    call.accept(
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(RTCSessionDescription d) {
            f.complete(d);
          }

          @Override
          public void onFailure(String error) {
            f.completeExceptionally(new IllegalStateException(error));
          }
        });
    return f.get(10, TimeUnit.SECONDS);
  }

  private static SetSessionDescriptionObserver settle(CompletableFuture<Void> f) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        f.complete(null);
      }

      @Override
      public void onFailure(String error) {
        f.completeExceptionally(new IllegalStateException(error));
      }
    };
  }

  private static void write(Path dir, String name, String sdp) throws Exception {
    Files.writeString(dir.resolve(name), sdp, StandardCharsets.UTF_8);
  }

  private static final class Quiet implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {}
  }
}
