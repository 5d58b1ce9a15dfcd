package io.github.jrtc.internal.sdp;

import io.github.jrtc.RTCSessionDescription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A connection's four session descriptions as the spec exposes them, and what is derived from them:
 * the a=end-of-candidates markers (local gathering finished, remote end-of-candidates added),
 * remote candidates added by addIceCandidate, the remote's trickle support and the largest message
 * a data channel may send.
 *
 * <p>Snapshots come from libwebrtc (in {@link Descriptions}, ordered by their sequence); the
 * markers and added candidates are kept here and re-applied to every newer snapshot. Reads from any
 * thread; writes from the event queue or a chained operation.
 */
public final class DescriptionState {
  /** libwebrtc's SCTP send limit; the remote's a=max-message-size can only lower it. */
  static final long LOCAL_MAX_MESSAGE_SIZE = 262_144;

  /** The spec's default when the remote description names no a=max-message-size. */
  static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 65_536;

  private final BooleanSupplier closed;
  private final Object lock = new Object();
  private volatile Descriptions descriptions = Descriptions.NONE;
  private long localSequence; // guarded by lock
  private long remoteSequence; // guarded by lock
  private final Set<Integer> remoteEndOfCandidates = ConcurrentHashMap.newKeySet();
  // m-line indexes whose local gathering finished (a=end-of-candidates in the local description).
  private final Set<Integer> localEndOfCandidates = ConcurrentHashMap.newKeySet();

  /** The remote description parsed once per change: asked per candidate and per send. */
  private final SdpModelCache remoteModel = new SdpModelCache();

  private String parsedRemoteSdp;
  private List<MediaSection> parsedRemoteSections = List.of();

  /**
   * @param closed the connection's [[IsClosed]] slot: a closed connection takes no more snapshots
   */
  public DescriptionState(BooleanSupplier closed) {
    this.closed = closed;
  }

  /** The descriptions now (any thread). */
  public Descriptions current() {
    return descriptions;
  }

  /**
   * Takes the parts of a snapshot that are newer than what is kept. Local and remote sides are
   * ordered separately: addIceCandidate only reports the remote side.
   */
  public void take(Descriptions d, boolean takeLocal, boolean takeRemote) {
    if (closed.getAsBoolean()) {
      return;
    }
    synchronized (lock) {
      Descriptions cached = descriptions;
      boolean local = takeLocal && d.sequence() >= localSequence;
      boolean remote = takeRemote && d.sequence() >= remoteSequence;
      if (local) {
        localSequence = d.sequence();
      }
      if (remote) {
        remoteSequence = d.sequence();
      }
      descriptions =
          new Descriptions(
              local ? withLocalEndOfCandidates(d.currentLocal()) : cached.currentLocal(),
              local ? withLocalEndOfCandidates(d.pendingLocal()) : cached.pendingLocal(),
              remote ? withRemoteEndOfCandidates(d.currentRemote()) : cached.currentRemote(),
              remote ? withRemoteEndOfCandidates(d.pendingRemote()) : cached.pendingRemote(),
              Math.max(localSequence, remoteSequence));
    }
  }

  /** A new remote offer or answer is being applied: its end-of-candidates is still to come. */
  public void remoteDescriptionReplaced() {
    remoteEndOfCandidates.clear();
  }

  /** Local gathering started again (ICE restart, new transport). */
  public void localGatheringStarted() {
    localEndOfCandidates.clear();
  }

  /**
   * Local gathering finished: every m-section of the local description gets a=end-of-candidates
   * from now on.
   *
   * @return the sections that announce it with an empty candidate, one per transport: the first
   *     m-section of the BUNDLE group and each m-section outside it; empty without a local
   *     description
   */
  public List<MediaSection> localGatheringFinished() {
    RTCSessionDescription local = descriptions.local();
    if (local == null) {
      return List.of();
    }
    SessionDescriptionModel model = SessionDescriptionModel.parse(local.sdp());
    List<MediaSection> sections = Sdp.mediaSections(model);
    List<String> bundle = model.bundleGroup();
    for (MediaSection s : sections) {
      localEndOfCandidates.add(s.index());
    }
    changeLocal(this::withLocalEndOfCandidates);
    List<MediaSection> transports = new java.util.ArrayList<>();
    boolean bundleAnnounced = false;
    for (MediaSection s : sections) {
      if (s.mid() != null && bundle.contains(s.mid())) {
        if (bundleAnnounced) {
          continue;
        }
        bundleAnnounced = true;
      }
      transports.add(s);
    }
    return transports;
  }

  /** The m-sections of the remote description; empty before one. */
  public List<MediaSection> remoteSections() {
    RTCSessionDescription remote = descriptions.remote();
    if (remote == null) {
      return List.of();
    }
    String sdp = remote.sdp();
    if (!sdp.equals(parsedRemoteSdp)) {
      parsedRemoteSections = Sdp.mediaSections(remoteModel.of(sdp));
      parsedRemoteSdp = sdp;
    }
    return parsedRemoteSections;
  }

  /** End-of-candidates from the remote peer for {@code target}, or for every m-section (null). */
  public void remoteEndOfCandidates(MediaSection target) {
    if (target == null) {
      for (MediaSection s : remoteSections()) {
        remoteEndOfCandidates.add(s.index());
      }
    } else {
      remoteEndOfCandidates.add(target.index());
    }
    changeRemote(this::withRemoteEndOfCandidates);
  }

  /**
   * The spec adds an accepted candidate to [[CurrentRemoteDescription]] and
   * [[PendingRemoteDescription]]: as its {@code a=} line in the m-section it names, kept here
   * rather than read back from libwebrtc (two more blocking signaling-thread calls per candidate,
   * on the connect's critical path). The next description libwebrtc reports replaces both.
   */
  public void remoteCandidateAdded(MediaSection target, String candidate) {
    changeRemote(d -> withCandidate(d, target, candidate));
  }

  /**
   * Whether the remote peer can take trickled candidates: null before a remote description, else
   * whether it announced {@code a=ice-options:trickle}.
   */
  public Boolean canTrickleIceCandidates() {
    RTCSessionDescription remote = descriptions.remote();
    if (remote == null) {
      return null;
    }
    return remoteModel.of(remote.sdp()).offersTrickle();
  }

  /** The largest message a data channel may send; the remote's 0 ("no limit") means ours. */
  public long maxMessageSize() {
    RTCSessionDescription remote = descriptions.remote();
    long remoteMax = DEFAULT_REMOTE_MAX_MESSAGE_SIZE;
    if (remote != null) {
      Long announced = remoteModel.of(remote.sdp()).maxMessageSize();
      if (announced != null) {
        remoteMax = announced;
      }
    }
    return remoteMax == 0 ? LOCAL_MAX_MESSAGE_SIZE : Math.min(remoteMax, LOCAL_MAX_MESSAGE_SIZE);
  }

  private void changeRemote(UnaryOperator<RTCSessionDescription> change) {
    synchronized (lock) {
      Descriptions c = descriptions;
      descriptions =
          new Descriptions(
              c.currentLocal(),
              c.pendingLocal(),
              change.apply(c.currentRemote()),
              change.apply(c.pendingRemote()),
              c.sequence());
    }
  }

  private void changeLocal(UnaryOperator<RTCSessionDescription> change) {
    synchronized (lock) {
      Descriptions c = descriptions;
      descriptions =
          new Descriptions(
              change.apply(c.currentLocal()),
              change.apply(c.pendingLocal()),
              c.currentRemote(),
              c.pendingRemote(),
              c.sequence());
    }
  }

  private RTCSessionDescription withLocalEndOfCandidates(RTCSessionDescription d) {
    return d == null || localEndOfCandidates.isEmpty()
        ? d
        : new RTCSessionDescription(
            d.type(), Sdp.withEndOfCandidates(d.sdp(), localEndOfCandidates));
  }

  private RTCSessionDescription withRemoteEndOfCandidates(RTCSessionDescription d) {
    return d == null || remoteEndOfCandidates.isEmpty()
        ? d
        : new RTCSessionDescription(
            d.type(), Sdp.withEndOfCandidates(d.sdp(), remoteEndOfCandidates));
  }

  private static RTCSessionDescription withCandidate(
      RTCSessionDescription d, MediaSection target, String candidate) {
    if (d == null) {
      return null;
    }
    String sdp = Sdp.withCandidate(d.sdp(), target.mid(), target.index(), candidate);
    return sdp.equals(d.sdp()) ? d : new RTCSessionDescription(d.type(), sdp);
  }
}
