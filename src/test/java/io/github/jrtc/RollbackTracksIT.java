package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rollback restores transceivers and remote tracks, after WPT's
 * RTCPeerConnection-setRemoteDescription-rollback.html: transceivers the rolled-back remote offer
 * created are removed, those that existed before stay (mid back to null), and remote tracks the
 * offer announced leave their streams and mute.
 */
class RollbackTracksIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc1 = media.pc();
  private final RTCPeerConnection pc2 = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  private static final RTCSessionDescriptionInit ROLLBACK =
      new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "");

  private RTCSessionDescriptionInit audioOffer() throws Exception {
    MediaStreamTrack track = media.track("audio");
    pc1.addTrack(track, new MediaStream(List.of(track)));
    return Wpt.await(pc1.createOffer());
  }

  // "rollback of a remote offer should remove touched transceiver"
  @Test
  void removesTheTransceiverTheOfferCreated() throws Exception {
    Wpt.await(pc2.setRemoteDescription(audioOffer()));
    assertThat(pc2.getTransceivers()).hasSize(1);
    RTCRtpTransceiver t = pc2.getTransceivers().get(0);
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    assertThat(pc2.getTransceivers()).isEmpty();
    assertThat(t.receiver().track().readyState()).isEqualTo(MediaStreamTrackState.ENDED);
  }

  // "rollback of a remote offer should keep a transceiver created by addtrack"
  @Test
  void keepsATransceiverAddTrackCreated() throws Exception {
    RTCRtpSender sender = pc2.addTrack(media.track("audio"));
    Wpt.await(pc2.setRemoteDescription(audioOffer()));
    assertThat(pc2.getTransceivers()).hasSize(1);
    RTCRtpTransceiver t = pc2.getTransceivers().get(0);
    assertThat(t.mid()).isNotNull();
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    assertThat(pc2.getTransceivers()).containsExactly(t);
    assertThat(t.sender()).isSameAs(sender);
    assertThat(t.mid()).as("mid set by the rolled-back offer").isNull();
  }

  // "rollback of a remote offer should keep a transceiver without tracks"
  @Test
  void keepsATransceiverAddTransceiverCreated() throws Exception {
    RTCRtpTransceiver t = pc2.addTransceiver("audio");
    Wpt.await(pc2.setRemoteDescription(audioOffer()));
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    assertThat(pc2.getTransceivers()).containsExactly(t);
    assertThat(t.mid()).isNull();
  }

  // "rollback of a remote offer should remove a track from its stream" (the WPT's removetrack
  // expectation for a track the rolled-back offer added)
  @Test
  void aRemoteTrackOfTheOfferLeavesItsStreamAndMutes() throws Exception {
    // A transceiver of pc2's addTrack, which the offer's m-section reuses and the rollback keeps.
    pc2.addTrack(media.track("audio"));
    AtomicReference<RTCTrackEvent> track = new AtomicReference<>();
    pc2.ontrack(track::set);
    Wpt.await(pc2.setRemoteDescription(audioOffer()));
    await().atMost(Duration.ofSeconds(5)).until(() -> track.get() != null);
    MediaStream stream = track.get().streams().get(0);
    MediaStreamTrack remote = track.get().track();
    assertThat(stream.getTracks()).containsExactly(remote);
    List<String> events = new CopyOnWriteArrayList<>();
    stream.onremovetrack(e -> events.add("removetrack " + e.track().id()));
    // No media flowed (no connection): the remote track is still muted, as every remote track
    // starts, so the rollback's mute step has nothing to fire; it must stay muted.
    assertThat(remote.muted()).isTrue();
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(events).containsExactly("removetrack " + remote.id()));
    assertThat(stream.getTracks()).isEmpty();
    assertThat(remote.muted()).isTrue();
  }

  // The transceiver the offer created goes; its track leaves the stream all the same.
  @Test
  void aRemovedTransceiversTrackLeavesItsStream() throws Exception {
    AtomicReference<RTCTrackEvent> track = new AtomicReference<>();
    pc2.ontrack(track::set);
    Wpt.await(pc2.setRemoteDescription(audioOffer()));
    await().atMost(Duration.ofSeconds(5)).until(() -> track.get() != null);
    MediaStream stream = track.get().streams().get(0);
    List<String> events = new CopyOnWriteArrayList<>();
    stream.onremovetrack(e -> events.add("removetrack"));
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("removetrack"));
    assertThat(stream.getTracks()).isEmpty();
    assertThat(pc2.getTransceivers()).isEmpty();
  }

  // After the rollback the same offer applies again and the track event fires again.
  @Test
  void theOfferAppliesAgainAfterTheRollback() throws Exception {
    RTCSessionDescriptionInit offer = audioOffer();
    List<RTCTrackEvent> events = new CopyOnWriteArrayList<>();
    pc2.ontrack(events::add);
    Wpt.await(pc2.setRemoteDescription(offer));
    Wpt.await(pc2.setRemoteDescription(ROLLBACK));
    Wpt.await(pc2.setRemoteDescription(offer));
    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
    assertThat(pc2.getTransceivers()).hasSize(1);
    assertThat(events.get(1).track()).isSameAs(pc2.getTransceivers().get(0).receiver().track());
    assertThat(events.get(1).track().readyState()).isEqualTo(MediaStreamTrackState.LIVE);
  }
}
