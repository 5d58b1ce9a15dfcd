package io.github.jrtc.signaling;

import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCSessionDescriptionInit;
import java.util.List;
import java.util.Objects;

/**
 * One message of MDN's "Signaling and video calling" protocol (JSON over WebSocket, one object per
 * text frame, told apart by {@code type}). {@link SignalingCodec} turns them into the exact JSON
 * shapes the MDN sample sends and back.
 *
 * <p>Fields the server fills in from the sender's session ({@code name}, {@code id}) may be null
 * when a client builds a message: the server overwrites them anyway, so they cannot be spoofed.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling">MDN</a>.
 */
public sealed interface SignalingMessage
    permits SignalingMessage.Id,
        SignalingMessage.Username,
        SignalingMessage.RejectUsername,
        SignalingMessage.UserList,
        SignalingMessage.ChatMessage,
        SignalingMessage.VideoOffer,
        SignalingMessage.VideoAnswer,
        SignalingMessage.NewIceCandidate,
        SignalingMessage.HangUp,
        SignalingMessage.Error,
        SignalingMessage.Other {

  /**
   * The protocol's {@code type} string.
   *
   * @return the type
   */
  String type();

  /**
   * The user this message is addressed to, or null for a broadcast / server message.
   *
   * @return the target user, or null
   */
  default String target() {
    return null;
  }

  /** {@code {type:"id", id}}: the server's greeting with this session's id. */
  record Id(long id) implements SignalingMessage {
    @Override
    public String type() {
      return "id";
    }
  }

  /** {@code {name, date, id, type:"username"}}: the client asks for a name. */
  record Username(String name, Long date, Long id) implements SignalingMessage {
    /**
     * The message; {@code name} is required.
     *
     * @param name the name asked for
     * @param date the client's time, or null
     * @param id the session id, or null
     */
    public Username {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String type() {
      return "username";
    }
  }

  /** {@code {id, type:"rejectusername", name}}: the name was taken; {@code name} is the new one. */
  record RejectUsername(Long id, String name) implements SignalingMessage {
    @Override
    public String type() {
      return "rejectusername";
    }
  }

  /** {@code {type:"userlist", users:[names]}}: everyone signed in, sent to all on every change. */
  record UserList(List<String> users) implements SignalingMessage {
    /**
     * The message; the list is copied.
     *
     * @param users the user names
     */
    public UserList {
      users = List.copyOf(users);
    }

    @Override
    public String type() {
      return "userlist";
    }
  }

  /** {@code {text, type:"message", id, date, name}}: public chat; the server strips HTML. */
  record ChatMessage(String text, String name, Long id, Long date) implements SignalingMessage {
    /**
     * The message; {@code text} is required.
     *
     * @param text the text
     * @param name the sender (set by the server), or null
     * @param id the sender's id, or null
     * @param date the time, or null
     */
    public ChatMessage {
      Objects.requireNonNull(text, "text");
    }

    /**
     * A chat message with only its text (the server fills in the rest).
     *
     * @param text the text
     */
    public ChatMessage(String text) {
      this(text, null, null, System.currentTimeMillis());
    }

    @Override
    public String type() {
      return "message";
    }
  }

  /** {@code {name, target, type:"video-offer", sdp:{type, sdp}}}. */
  record VideoOffer(String name, String target, RTCSessionDescriptionInit sdp)
      implements SignalingMessage {
    /**
     * The message; {@code sdp} is required.
     *
     * @param name the caller
     * @param target the user called
     * @param sdp the offer
     */
    public VideoOffer {
      Objects.requireNonNull(sdp, "sdp");
    }

    @Override
    public String type() {
      return "video-offer";
    }
  }

  /** {@code {name, target, type:"video-answer", sdp:{type, sdp}}}. */
  record VideoAnswer(String name, String target, RTCSessionDescriptionInit sdp)
      implements SignalingMessage {
    /**
     * The message; {@code sdp} is required.
     *
     * @param name the callee
     * @param target the caller
     * @param sdp the answer
     */
    public VideoAnswer {
      Objects.requireNonNull(sdp, "sdp");
    }

    @Override
    public String type() {
      return "video-answer";
    }
  }

  /**
   * {@code {type:"new-ice-candidate", target, candidate:{candidate, sdpMid, sdpMLineIndex,
   * usernameFragment}}}. MDN's sample sends no {@code name}; jrtc's server adds the sender's name
   * so that a peer in several calls knows which call a candidate belongs to.
   */
  record NewIceCandidate(String name, String target, RTCIceCandidateInit candidate)
      implements SignalingMessage {
    /**
     * The message; {@code candidate} is required.
     *
     * @param name the sender
     * @param target the other peer
     * @param candidate the candidate
     */
    public NewIceCandidate {
      Objects.requireNonNull(candidate, "candidate");
    }

    @Override
    public String type() {
      return "new-ice-candidate";
    }
  }

  /** {@code {name, target, type:"hang-up"}}. */
  record HangUp(String name, String target) implements SignalingMessage {
    @Override
    public String type() {
      return "hang-up";
    }
  }

  /**
   * {@code {type:"error", error, message}}: jrtc's server answers a message it refused with this
   * (not in MDN's sample, whose server just drops or crashes). {@code error} is a stable code such
   * as {@code "malformed-json"}, {@code "unknown-target"}, {@code "rate-limited"}.
   */
  record Error(String error, String message) implements SignalingMessage {
    @Override
    public String type() {
      return "error";
    }
  }

  /** Any other type: the protocol passes unknown types through unchanged (MDN's sample does). */
  record Other(String type, String name, String target, String json) implements SignalingMessage {}
}
