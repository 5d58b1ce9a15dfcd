package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.media.MediaType;
import io.github.jrtc.RTCRtcpParameters;
import io.github.jrtc.RTCRtpCapabilities;
import io.github.jrtc.RTCRtpCodec;
import io.github.jrtc.RTCRtpCodecParameters;
import io.github.jrtc.RTCRtpEncodingParameters;
import io.github.jrtc.RTCRtpHeaderExtensionCapability;
import io.github.jrtc.RTCRtpHeaderExtensionParameters;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between webrtc-java's RTP types and jrtc's records. */
public final class NativeRtp {
  private NativeRtp() {}

  /**
   * The native pointer behind a webrtc-java wrapper: stable for the object's life, so it identifies
   * a transceiver or sender across the fresh wrappers webrtc-java returns on every call.
   */
  static long handleOf(Object nativeObject) {
    return NativeHandles.of(nativeObject);
  }

  static RTCRtpTransceiverDirection toNative(io.github.jrtc.RTCRtpTransceiverDirection d) {
    return switch (d) {
      case SENDRECV -> RTCRtpTransceiverDirection.SEND_RECV;
      case SENDONLY -> RTCRtpTransceiverDirection.SEND_ONLY;
      case RECVONLY -> RTCRtpTransceiverDirection.RECV_ONLY;
      case INACTIVE -> RTCRtpTransceiverDirection.INACTIVE;
      case STOPPED -> RTCRtpTransceiverDirection.STOPPED;
    };
  }

  static io.github.jrtc.RTCRtpTransceiverDirection fromNative(RTCRtpTransceiverDirection d) {
    if (d == null) {
      return null;
    }
    return switch (d) {
      case SEND_RECV -> io.github.jrtc.RTCRtpTransceiverDirection.SENDRECV;
      case SEND_ONLY -> io.github.jrtc.RTCRtpTransceiverDirection.SENDONLY;
      case RECV_ONLY -> io.github.jrtc.RTCRtpTransceiverDirection.RECVONLY;
      case INACTIVE -> io.github.jrtc.RTCRtpTransceiverDirection.INACTIVE;
      case STOPPED -> io.github.jrtc.RTCRtpTransceiverDirection.STOPPED;
    };
  }

  static MediaType mediaType(String kind) {
    return kind.equals("audio") ? MediaType.AUDIO : MediaType.VIDEO;
  }

  static String fmtpLine(Map<String, String> fmtp) {
    if (fmtp == null || fmtp.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : fmtp.entrySet()) {
      if (b.length() > 0) {
        b.append(';');
      }
      b.append(e.getKey());
      if (e.getValue() != null && !e.getValue().isEmpty()) {
        b.append('=').append(e.getValue());
      }
    }
    return b.toString();
  }

  static Map<String, String> fmtpMap(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    if (line == null || line.isBlank()) {
      return out;
    }
    for (String part : line.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      out.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
    }
    return out;
  }

  static RTCRtpCodec fromNative(RTCRtpCodecCapability c) {
    // getChannels() unboxes a null for video codecs (NPE): ask for audio only.
    Integer channels =
        c.getMediaType() == MediaType.AUDIO && c.getChannels() > 0 ? c.getChannels() : null;
    return new RTCRtpCodec(c.getMimeType(), c.getClockRate(), channels, fmtpLine(c.getSDPFmtp()));
  }

  static RTCRtpCodecCapability toNative(String kind, RTCRtpCodec c) {
    String name = c.mimeType().substring(c.mimeType().indexOf('/') + 1);
    Integer channels = c.channels() == null ? (kind.equals("audio") ? 1 : null) : c.channels();
    return new RTCRtpCodecCapability(
        mediaType(kind), name, c.clockRate(), channels, fmtpMap(c.sdpFmtpLine()));
  }

  /** The capabilities of the shared engine (sender side when {@code sender}). */
  public static RTCRtpCapabilities capabilities(String kind, boolean sender) {
    NativeEngine engine = NativeEngine.shared();
    dev.onvoid.webrtc.RTCRtpCapabilities caps;
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      caps =
          sender
              ? engine.factory().getRtpSenderCapabilities(mediaType(kind))
              : engine.factory().getRtpReceiverCapabilities(mediaType(kind));
    }
    List<RTCRtpCodec> codecs = new ArrayList<>();
    for (RTCRtpCodecCapability c : caps.getCodecs()) {
      codecs.add(fromNative(c));
    }
    List<RTCRtpHeaderExtensionCapability> ext = new ArrayList<>();
    for (var h : caps.getHeaderExtensions()) {
      ext.add(new RTCRtpHeaderExtensionCapability(h.getUri()));
    }
    return new RTCRtpCapabilities(codecs, ext);
  }

  static RTCRtpCodecParameters fromNative(dev.onvoid.webrtc.RTCRtpCodecParameters c) {
    String type = c.mediaType == MediaType.AUDIO ? "audio/" : "video/";
    return new RTCRtpCodecParameters(
        c.payloadType,
        type + c.codecName,
        c.clockRate == null ? 0 : c.clockRate,
        c.mediaType == MediaType.AUDIO ? c.channels : null,
        fmtpLine(c.parameters));
  }

  static List<RTCRtpCodecParameters> codecs(List<dev.onvoid.webrtc.RTCRtpCodecParameters> in) {
    List<RTCRtpCodecParameters> out = new ArrayList<>();
    if (in != null) {
      in.forEach(c -> out.add(fromNative(c)));
    }
    return out;
  }

  static List<RTCRtpHeaderExtensionParameters> extensions(
      List<dev.onvoid.webrtc.RTCRtpHeaderExtensionParameters> in) {
    List<RTCRtpHeaderExtensionParameters> out = new ArrayList<>();
    if (in != null) {
      in.forEach(h -> out.add(new RTCRtpHeaderExtensionParameters(h.uri, h.id, h.encrypted)));
    }
    return out;
  }

  static RTCRtcpParameters rtcp(dev.onvoid.webrtc.RTCRtcpParameters r) {
    return r == null
        ? new RTCRtcpParameters("", true)
        : new RTCRtcpParameters(r.cName, r.reducedSize);
  }

  static RTCRtpEncodingParameters fromNative(dev.onvoid.webrtc.RTCRtpEncodingParameters e) {
    return new RTCRtpEncodingParameters(
        null, e.active == null || e.active, e.maxBitrate, e.maxFramerate, e.scaleResolutionDownBy);
  }

  static void copyInto(
      RTCRtpEncodingParameters from, dev.onvoid.webrtc.RTCRtpEncodingParameters to) {
    to.active = from.active();
    to.maxBitrate = from.maxBitrate();
    to.maxFramerate = from.maxFramerate();
    to.scaleResolutionDownBy = from.scaleResolutionDownBy();
  }

  static dev.onvoid.webrtc.RTCRtpEncodingParameters toNative(RTCRtpEncodingParameters e) {
    dev.onvoid.webrtc.RTCRtpEncodingParameters n = new dev.onvoid.webrtc.RTCRtpEncodingParameters();
    copyInto(e, n);
    return n;
  }
}
