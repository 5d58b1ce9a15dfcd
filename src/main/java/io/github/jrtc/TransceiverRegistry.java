package io.github.jrtc;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.sdp.RemoteMediaSections;
import io.github.jrtc.internal.sdp.SessionDescriptionModel;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.MediaArrival;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's set of transceivers: one Java object per native transceiver, the spec's
 * addTrack/removeTrack/addTransceiver checks, and the remote-track processing at the end of
 * setRemoteDescription (track events, mute, stream membership). Runs its description steps on the
 * connection's event queue.
 */
final class TransceiverRegistry {
  private final RTCPeerConnection pc;
  private final PeerConnectionBridge bridge;
  private final Map<Long, RTCRtpTransceiver> byKey = new HashMap<>(); // guarded by this
  private List<RTCRtpTransceiver> ordered = List.of(); // guarded by this
  private final Map<String, MediaStream> remoteStreams = new HashMap<>(); // event queue only

  TransceiverRegistry(RTCPeerConnection pc, PeerConnectionBridge bridge) {
    this.pc = pc;
    this.bridge = bridge;
  }

  private synchronized RTCRtpTransceiver wrap(TransceiverBridge b, RTCRtpTransceiverDirection d) {
    RTCRtpTransceiver t = byKey.get(b.key());
    if (t == null) {
      MediaStreamTrack remote = new MediaStreamTrack(b.receiverTrack());
      remote.setMuted(true, false);
      t =
          new RTCRtpTransceiver(
              pc, b, new RTCRtpSender(pc, b), new RTCRtpReceiver(pc, b, remote), d);
      byKey.put(b.key(), t);
      List<RTCRtpTransceiver> next = new ArrayList<>(ordered);
      next.add(t);
      ordered = List.copyOf(next);
    }
    return t;
  }

  /**
   * True when libwebrtc holds no transceiver for sure: none known here (every one jrtc creates, and
   * every one a description created, was listed by the refresh that followed it) and no description
   * has an audio or video section that could create one. Then the native list query — a blocking
   * hop onto the signaling thread that every connection shares — is skipped (data-channel-only
   * negotiations). A rollback always re-reads.
   */
  private synchronized boolean cannotHaveTransceivers(
      RTCSdpType type, RTCSessionDescription local, RTCSessionDescription remote) {
    return ordered.isEmpty()
        && type != RTCSdpType.ROLLBACK
        && !hasMediaSection(local)
        && !hasMediaSection(remote);
  }

  private static boolean hasMediaSection(RTCSessionDescription d) {
    if (d == null) {
      return false;
    }
    return SessionDescriptionModel.hasAudioOrVideo(d.sdp());
  }

  /** Re-reads libwebrtc's list: new remote-created transceivers appear, negotiated-away go. */
  private synchronized void refresh() {
    if (pc.isClosedInternal()) {
      return;
    }
    List<RTCRtpTransceiver> next = new ArrayList<>();
    Map<Long, RTCRtpTransceiver> present = new LinkedHashMap<>();
    for (TransceiverBridge b : bridge.transceivers()) {
      RTCRtpTransceiver t = wrap(b, b.direction());
      present.put(b.key(), t);
      next.add(t);
    }
    for (RTCRtpTransceiver t : ordered) {
      if (!present.containsKey(t.bridge().key())) {
        t.markStopped();
        // Gone from the connection (a rolled-back remote offer created it): its track leaves
        // the streams it was announced in, as a removal of a remote track does, then ends.
        setStreams(t, List.of(), true);
        t.receiver().track().endedBySource(false);
        // Its native side is gone and the address may be reused by a new transceiver.
        byKey.remove(t.bridge().key(), t);
      }
    }
    ordered = List.copyOf(next);
  }

  synchronized List<RTCRtpTransceiver> transceivers() {
    return ordered;
  }

  synchronized List<RTCRtpSender> senders() {
    List<RTCRtpSender> out = new ArrayList<>();
    for (RTCRtpTransceiver t : ordered) {
      if (!t.stoppedInternal()) {
        out.add(t.sender());
      }
    }
    return List.copyOf(out);
  }

  synchronized List<RTCRtpReceiver> receivers() {
    List<RTCRtpReceiver> out = new ArrayList<>();
    for (RTCRtpTransceiver t : ordered) {
      if (!t.stoppedInternal()) {
        out.add(t.receiver());
      }
    }
    return List.copyOf(out);
  }

  RTCRtpSender addTrack(MediaStreamTrack track, MediaStream... streams) {
    if (track == null) {
      throw new TypeError("addTrack needs a track");
    }
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    synchronized (this) {
      for (RTCRtpSender s : senders()) {
        if (s.track() == track) {
          throw Errors.invalidAccess("The track already has a sender on this connection");
        }
      }
      List<String> ids = streamIds(streams);
      pc.noteChange();
      TransceiverBridge b = bridge.addTrack(track.source(), ids);
      RTCRtpTransceiver t = wrap(b, b.direction());
      t.sender().track(track);
      t.sender().streamIds(ids);
      t.refreshDirection();
      refresh();
      pc.negotiationChanged();
      return t.sender();
    }
  }

  RTCRtpTransceiver addTransceiver(
      String kind, MediaStreamTrack track, RTCRtpTransceiverInit init) {
    RTCRtpTransceiverInit options = init == null ? new RTCRtpTransceiverInit() : init;
    if (!"audio".equals(kind) && !"video".equals(kind)) {
      throw new TypeError("addTransceiver needs \"audio\" or \"video\", got " + kind);
    }
    if (options.direction() == RTCRtpTransceiverDirection.STOPPED) {
      throw new TypeError("A transceiver cannot be added as stopped");
    }
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    if (options.sendEncodings().size() > 1) {
      throw Errors.operation("Simulcast (more than one send encoding) is not supported");
    }
    for (RTCRtpEncodingParameters e : options.sendEncodings()) {
      if (e.rid() != null && !e.rid().matches("[A-Za-z0-9]{1,16}")) {
        throw new TypeError("A rid is 1 to 16 letters or digits, got '" + e.rid() + "'");
      }
      if (e.scaleResolutionDownBy() != null && e.scaleResolutionDownBy() < 1.0) {
        throw new DOMException("scaleResolutionDownBy must be >= 1", "RangeError");
      }
      if (e.maxFramerate() != null && e.maxFramerate() < 0) {
        throw new DOMException("maxFramerate must be >= 0", "RangeError");
      }
    }
    List<String> ids = streamIds(options.streams().toArray(new MediaStream[0]));
    synchronized (this) {
      pc.noteChange();
      TransceiverBridge b =
          bridge.addTransceiver(
              kind,
              track == null ? null : track.source(),
              options.direction(),
              ids,
              options.sendEncodings());
      RTCRtpTransceiver t = wrap(b, options.direction());
      t.sender().track(track);
      t.sender().streamIds(ids);
      pc.negotiationChanged();
      return t;
    }
  }

  void removeTrack(RTCRtpSender sender) {
    if (sender == null) {
      throw new TypeError("removeTrack needs a sender");
    }
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    synchronized (this) {
      RTCRtpTransceiver t = sender.transceiver();
      if (t == null || byKey.get(t.bridge().key()) != t) {
        throw Errors.invalidAccess("The sender was not created by this connection");
      }
      if (t.stoppingInternal() || sender.track() == null) {
        return;
      }
      pc.noteChange();
      bridge.removeTrack(t.bridge());
      sender.track(null);
      t.refreshDirection();
      pc.negotiationChanged();
    }
  }

  private static List<String> streamIds(MediaStream... streams) {
    List<String> ids = new ArrayList<>();
    for (MediaStream s : streams) {
      if (s != null && !ids.contains(s.id())) {
        ids.add(s.id());
      }
    }
    return ids;
  }

  /**
   * On the event queue, after the descriptions and signaling state were updated and
   * signalingstatechange fired: the spec's remote track processing, then track events.
   */
  void afterDescription(
      RTCSdpType type,
      boolean local,
      RTCSessionDescription localDescription,
      RTCSessionDescription remote) {
    if (cannotHaveTransceivers(type, localDescription, remote)) {
      // No transceiver can exist, but a data-only negotiation still creates the SCTP transport.
      pc.transportsInternal()
          .afterDescription(type, local, pc.localDescription(), remote, List.of());
      return;
    }
    refresh();
    List<RTCRtpTransceiver> list = transceivers();
    for (RTCRtpTransceiver t : list) {
      t.refreshFromNative();
    }
    pc.transportsInternal().afterDescription(type, local, pc.localDescription(), remote, list);
    if (local || type == RTCSdpType.ROLLBACK || remote == null) {
      if (type == RTCSdpType.ROLLBACK) {
        // A transceiver that stays but whose mid the rolled-back offer set: the spec's "process
        // the removal of a remote track" for the track that offer announced (mute, then it
        // leaves its streams with removetrack).
        for (RTCRtpTransceiver t : list) {
          if (t.receiving && t.mid() == null) {
            t.receiving = false;
            MediaStreamTrack track = t.receiver().track();
            track.setMuted(true, true);
            setStreams(t, List.of(), true);
          }
        }
      }
      return;
    }
    Map<String, RemoteMediaSections.Section> sections = RemoteMediaSections.parse(remote.sdp());
    // Only streams the current remote description names stay known by id: a peer that keeps
    // renegotiating with new stream ids (or hostile, 1 MB ones) must not grow this map forever
    // (SdpFuzzIT ran out of heap on one long-lived connection). Tracks keep their streams.
    java.util.Set<String> named = new java.util.HashSet<>();
    for (RemoteMediaSections.Section m : sections.values()) {
      named.addAll(m.streamIds());
    }
    remoteStreams.keySet().retainAll(named);
    List<RTCTrackEvent> events = new ArrayList<>();
    List<Runnable> removals = new ArrayList<>();
    for (RTCRtpTransceiver t : list) {
      RemoteMediaSections.Section m = t.mid() == null ? null : sections.get(t.mid());
      if (m == null) {
        continue;
      }
      MediaStreamTrack track = t.receiver().track();
      if (m.rejected()) {
        if (!t.stoppedInternal()) {
          t.markStopped();
        }
        if (track.readyState() == MediaStreamTrackState.LIVE) {
          track.endedBySource(true);
        }
        continue;
      }
      boolean remoteSends = m.direction().equals("sendrecv") || m.direction().equals("sendonly");
      if (remoteSends) {
        List<MediaStream> streams = new ArrayList<>();
        for (String id : m.streamIds()) {
          streams.add(remoteStreams.computeIfAbsent(id, k -> new MediaStream(k, List.of())));
        }
        if (!t.receiving) {
          t.receiving = true;
          setStreams(t, streams, true);
          events.add(new RTCTrackEvent("track", t.receiver(), track, List.copyOf(streams), t));
          MediaArrival.watch(track.source(), () -> pc.post(() -> track.setMuted(false, true)));
        } else {
          setStreams(t, streams, true);
        }
      } else if (t.receiving) {
        t.receiving = false;
        removals.add(
            () -> {
              track.setMuted(true, true);
              setStreams(t, List.of(), true);
            });
      }
    }
    // Spec order: track mute, stream removetrack/addtrack (done above), then track events.
    removals.forEach(Runnable::run);
    for (RTCTrackEvent e : events) {
      pc.dispatchEvent(e);
    }
  }

  private static void setStreams(RTCRtpTransceiver t, List<MediaStream> streams, boolean fire) {
    MediaStreamTrack track = t.receiver().track();
    for (MediaStream old : List.copyOf(t.remoteStreams)) {
      if (!streams.contains(old)) {
        t.remoteStreams.remove(old);
        if (fire) {
          old.removeTrackAndFire(track);
        }
      }
    }
    for (MediaStream s : streams) {
      if (!t.remoteStreams.contains(s)) {
        t.remoteStreams.add(s);
        if (fire) {
          s.addTrackAndFire(track);
        }
      }
    }
  }

  /** close(): every transceiver stops and remote tracks end, without events. */
  synchronized void closeAll() {
    for (RTCRtpTransceiver t : ordered) {
      t.closeWithConnection();
    }
  }
}
