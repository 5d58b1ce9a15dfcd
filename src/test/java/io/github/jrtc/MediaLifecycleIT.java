package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.VideoFrameSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sender/receiver/track behaviour on real libwebrtc beyond the WPT ports: remote mute/unmute and
 * stream membership when the remote stops sending (webrtc-pc "process the removal of a remote
 * track"), replaceTrack, send parameters, stats, and close().
 */
class MediaLifecycleIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection a = media.pc();
  private final RTCPeerConnection b = media.pc();
  private volatile boolean pushing = true;

  @AfterEach
  void close() throws Exception {
    pushing = false;
    media.close();
  }

  private VideoFrameSource pushedSource() {
    VideoFrameSource src = new VideoFrameSource(30);
    Thread t =
        new Thread(
            () -> {
              int n = 0;
              while (pushing) {
                src.pushRgba(320, 240, MediaPatterns.movingBar(320, 240, n++));
                try {
                  Thread.sleep(33);
                } catch (InterruptedException e) {
                  return;
                }
              }
              src.close();
            });
    t.setDaemon(true);
    t.start();
    return src;
  }

  @Test
  void remoteTrackUnmutesWithMediaAndMutesWhenTheRemoteStopsSending() throws Exception {
    VideoFrameSource src = pushedSource();
    MediaStream stream = new MediaStream();
    a.addTrack(src.track(), stream);
    List<String> trackEvents = new CopyOnWriteArrayList<>();
    List<RTCTrackEvent> events = new CopyOnWriteArrayList<>();
    b.ontrack(
        e -> {
          events.add(e);
          trackEvents.add(e.track().muted() ? "track(muted)" : "track(unmuted)");
          e.track().onmute(x -> trackEvents.add("mute"));
          e.track().onunmute(x -> trackEvents.add("unmute"));
          e.streams().get(0).onremovetrack(x -> trackEvents.add("removetrack"));
        });
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    assertThat(events).hasSize(1);
    MediaStreamTrack remote = events.get(0).track();
    await().atMost(Duration.ofSeconds(15)).until(() -> !remote.muted());
    assertThat(trackEvents).containsExactly("track(muted)", "unmute");

    a.getTransceivers().get(0).direction(RTCRtpTransceiverDirection.INACTIVE);
    await(Peers.negotiate(a, b));
    assertThat(remote.muted()).isTrue();
    assertThat(trackEvents).containsExactly("track(muted)", "unmute", "mute", "removetrack");
    assertThat(events.get(0).streams().get(0).getTracks()).isEmpty();
    assertThat(remote.readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    // ontrack fires again when the remote sends again.
    a.getTransceivers().get(0).direction(RTCRtpTransceiverDirection.SENDRECV);
    await(Peers.negotiate(a, b));
    assertThat(events).hasSize(2);
    assertThat(events.get(1).track()).isSameAs(remote);
  }

  @Test
  void replaceTrackAndSendParameters() throws Exception {
    VideoFrameSource first = pushedSource();
    RTCRtpSender sender = a.addTrack(first.track());
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> a.connectionState() == RTCPeerConnectionState.CONNECTED);

    VideoFrameSource second = pushedSource();
    await(sender.replaceTrack(second.track()));
    assertThat(sender.track()).isSameAs(second.track());
    await(sender.replaceTrack(null));
    assertThat(sender.track()).isNull();
    Wpt.rejectsTypeError(sender.replaceTrack(media.track("audio")));

    RTCRtpSendParameters p = sender.getParameters();
    assertThat(p.encodings()).hasSize(1);
    assertThat(p.codecs()).isNotEmpty();
    RTCRtpSendParameters changed = p.withEncoding(0, p.encodings().get(0).withMaxBitrate(300_000));
    await(sender.setParameters(changed));
    // Without a fresh getParameters, or with a foreign transaction id: the spec's errors.
    rejects("InvalidStateError", sender.setParameters(changed));
    assertThat(sender.getParameters().encodings().get(0).maxBitrate()).isEqualTo(300_000);
    RTCRtpSendParameters fresh = sender.getParameters();
    rejects(
        "InvalidModificationError",
        sender.setParameters(
            new RTCRtpSendParameters(
                "other",
                fresh.encodings(),
                fresh.headerExtensions(),
                fresh.rtcp(),
                fresh.codecs())));

    RTCStatsReport stats = await(sender.getStats());
    assertThat(stats.values()).anySatisfy(s -> assertThat(s.type()).isEqualTo("outbound-rtp"));
    RTCStatsReport inbound = await(b.getReceivers().get(0).getStats());
    assertThat(inbound.values()).anySatisfy(s -> assertThat(s.type()).isEqualTo("inbound-rtp"));
  }

  @Test
  void closeStopsTransceiversAndEndsRemoteTracksWithoutEvents() throws Exception {
    VideoFrameSource src = pushedSource();
    a.addTrack(src.track());
    List<String> fired = new CopyOnWriteArrayList<>();
    b.ontrack(
        e -> {
          e.track().onended(x -> fired.add("ended"));
          e.track().onmute(x -> fired.add("mute"));
        });
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    RTCRtpTransceiver t = b.getTransceivers().get(0);
    MediaStreamTrack remote = t.receiver().track();
    b.close();
    assertThat(remote.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    assertThat(t.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThat(t.direction()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThatThrownBy(() -> t.direction(RTCRtpTransceiverDirection.SENDONLY))
        .isInstanceOf(DOMException.class);
    assertThatThrownBy(t::stop).isInstanceOf(DOMException.class);
    rejects("InvalidStateError", t.sender().replaceTrack(null));
    rejects("InvalidStateError", t.receiver().getStats());
    assertThat(t.receiver().getSynchronizationSources()).isEmpty();
    assertThatThrownBy(() -> b.addTransceiver("audio")).isInstanceOf(DOMException.class);
    Thread.sleep(300);
    assertThat(fired).isEmpty();
  }
}
