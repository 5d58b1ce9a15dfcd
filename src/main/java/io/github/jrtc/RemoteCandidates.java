package io.github.jrtc;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.sdp.CandidateParser;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.MediaSection;
import io.github.jrtc.internal.spec.Errors;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The addIceCandidate operation's body (it runs inside the operations chain): finds the m-section a
 * remote candidate names, refuses what the spec refuses, hands the candidate to libwebrtc and
 * records it (or end-of-candidates) in the remote description.
 */
final class RemoteCandidates {
  private final PeerConnectionBridge bridge;
  private final DescriptionState descriptions;

  RemoteCandidates(PeerConnectionBridge bridge, DescriptionState descriptions) {
    this.bridge = bridge;
    this.descriptions = descriptions;
  }

  /**
   * Adds {@code c}; an empty candidate string is end-of-candidates (for every m-section when it
   * names none).
   *
   * @return completed, or failed with InvalidStateError without a remote description,
   *     OperationError for an unknown mid, an index out of range, a foreign usernameFragment, an
   *     unparsable candidate or one libwebrtc refuses
   */
  CompletableFuture<Void> add(RTCIceCandidateInit c) {
    if (descriptions.current().remote() == null) {
      return failed(
          Errors.invalidState("Cannot add an ICE candidate before a remote description is set"));
    }
    List<MediaSection> sections = descriptions.remoteSections();
    MediaSection target = null;
    if (c.sdpMid() != null) {
      for (MediaSection s : sections) {
        if (c.sdpMid().equals(s.mid())) {
          target = s;
          break;
        }
      }
      if (target == null) {
        return failed(Errors.operation("No m-section with mid '" + c.sdpMid() + "'"));
      }
    } else if (c.sdpMLineIndex() != null) {
      if (c.sdpMLineIndex() < 0 || c.sdpMLineIndex() >= sections.size()) {
        return failed(Errors.operation("sdpMLineIndex " + c.sdpMLineIndex() + " is out of range"));
      }
      target = sections.get(c.sdpMLineIndex());
    }
    String ufrag = c.usernameFragment();
    if (ufrag != null && !ufragKnown(ufrag, target, sections)) {
      return failed(Errors.operation("Unknown usernameFragment '" + ufrag + "'"));
    }
    if (c.candidate().isEmpty()) {
      descriptions.remoteEndOfCandidates(target);
      return CompletableFuture.completedFuture(null);
    }
    if (!CandidateParser.isValid(c.candidate())) {
      return failed(Errors.operation("The ICE candidate could not be parsed: " + c.candidate()));
    }
    try {
      bridge.addIceCandidate(
          new RTCIceCandidateInit(c.candidate(), target.mid(), target.index(), ufrag));
    } catch (DOMException e) {
      return failed(e);
    }
    descriptions.remoteCandidateAdded(target, c.candidate());
    return CompletableFuture.completedFuture(null);
  }

  private static boolean ufragKnown(String ufrag, MediaSection target, List<MediaSection> all) {
    if (target != null) {
      return ufrag.equals(target.iceUfrag());
    }
    for (MediaSection s : all) {
      if (ufrag.equals(s.iceUfrag())) {
        return true;
      }
    }
    return false;
  }

  private static <T> CompletableFuture<T> failed(Throwable error) {
    return CompletableFuture.failedFuture(error);
  }
}
