package io.github.jrtc.internal.spec;

import io.github.jrtc.DOMException;
import io.github.jrtc.RTCError;
import io.github.jrtc.RTCErrorDetailType;
import io.github.jrtc.RTCErrorInit;
import io.github.jrtc.TypeError;

/** Builds the spec's errors, and translates webrtc-java's failure strings into them. */
public final class Errors {
  private Errors() {}

  public static DOMException invalidState(String message) {
    return new DOMException(message, "InvalidStateError");
  }

  public static DOMException invalidModification(String message) {
    return new DOMException(message, "InvalidModificationError");
  }

  public static DOMException invalidAccess(String message) {
    return new DOMException(message, "InvalidAccessError");
  }

  public static DOMException operation(String message) {
    return new DOMException(message, "OperationError");
  }

  public static DOMException syntax(String message) {
    return new DOMException(message, "SyntaxError");
  }

  public static DOMException notFound(String message) {
    return new DOMException(message, "NotFoundError");
  }

  public static DOMException notReadable(String message) {
    return new DOMException(message, "NotReadableError");
  }

  public static DOMException notAllowed(String message) {
    return new DOMException(message, "NotAllowedError");
  }

  public static DOMException abort(String message) {
    return new DOMException(message, "AbortError");
  }

  public static TypeError typeError(String message) {
    return new TypeError(message);
  }

  /**
   * webrtc-java reports libwebrtc failures as {@code "[TYPE] message"} with an RTCErrorType name.
   */
  public static DOMException fromNative(String nativeMessage) {
    if (nativeMessage == null || nativeMessage.isBlank()) {
      return operation("libwebrtc reported a failure without a message");
    }
    String type = "";
    String message = nativeMessage.trim();
    if (message.startsWith("[")) {
      int end = message.indexOf(']');
      if (end > 0) {
        type = message.substring(1, end);
        message = message.substring(end + 1).trim();
      }
    }
    if (message.isEmpty()) {
      message = "libwebrtc reported " + (type.isEmpty() ? "a failure" : type);
    }
    return switch (type) {
      case "INVALID_STATE" -> invalidState(message);
      case "INVALID_PARAMETER" -> invalidAccess(message);
      case "INVALID_MODIFICATION" -> invalidModification(message);
      case "SYNTAX_ERROR" ->
          new RTCError(new RTCErrorInit(RTCErrorDetailType.SDP_SYNTAX_ERROR), message);
      default -> operation(message);
    };
  }

  /**
   * webrtc-java throws {@code java.lang.Error("Create session description failed: <why> [<line>]")}
   * for SDP it cannot parse.
   */
  public static RTCError sdpSyntax(String nativeMessage, String sdp) {
    String why = nativeMessage == null ? "" : nativeMessage;
    String prefix = "Create session description failed:";
    if (why.startsWith(prefix)) {
      why = why.substring(prefix.length()).trim();
    }
    String line = null;
    int open = why.lastIndexOf('[');
    if (open >= 0 && why.endsWith("]")) {
      line = why.substring(open + 1, why.length() - 1);
      why = why.substring(0, open).trim();
    }
    Integer lineNumber = null;
    if (line != null && !line.isEmpty() && sdp != null) {
      String[] lines = sdp.split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].equals(line)) {
          lineNumber = i + 1;
          break;
        }
      }
    }
    String message =
        "Failed to parse SessionDescription. " + why + (line == null ? "" : ": " + line);
    return new RTCError(
        new RTCErrorInit(RTCErrorDetailType.SDP_SYNTAX_ERROR, lineNumber, null, null, null, null),
        message);
  }
}
