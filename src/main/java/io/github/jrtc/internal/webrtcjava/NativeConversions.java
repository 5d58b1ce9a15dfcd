package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescription;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.internal.spec.IceServerValidator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies between jrtc's types and webrtc-java's. The only place that maps their enums. */
final class NativeConversions {
  private static final Logger LOG = LoggerFactory.getLogger(NativeConversions.class);

  private NativeConversions() {}

  static dev.onvoid.webrtc.RTCSdpType toNative(RTCSdpType type) {
    return switch (type) {
      case OFFER -> dev.onvoid.webrtc.RTCSdpType.OFFER;
      case PRANSWER -> dev.onvoid.webrtc.RTCSdpType.PR_ANSWER;
      case ANSWER -> dev.onvoid.webrtc.RTCSdpType.ANSWER;
      case ROLLBACK -> dev.onvoid.webrtc.RTCSdpType.ROLLBACK;
    };
  }

  static RTCSdpType fromNative(dev.onvoid.webrtc.RTCSdpType type) {
    return switch (type) {
      case OFFER -> RTCSdpType.OFFER;
      case PR_ANSWER -> RTCSdpType.PRANSWER;
      case ANSWER -> RTCSdpType.ANSWER;
      case ROLLBACK -> RTCSdpType.ROLLBACK;
    };
  }

  static dev.onvoid.webrtc.RTCSessionDescription toNative(RTCSessionDescriptionInit d) {
    return new dev.onvoid.webrtc.RTCSessionDescription(toNative(d.type()), d.sdp());
  }

  static RTCSessionDescriptionInit initFromNative(dev.onvoid.webrtc.RTCSessionDescription d) {
    return new RTCSessionDescriptionInit(fromNative(d.sdpType), d.sdp);
  }

  static RTCSessionDescription fromNative(dev.onvoid.webrtc.RTCSessionDescription d) {
    return d == null ? null : new RTCSessionDescription(fromNative(d.sdpType), d.sdp);
  }

  static dev.onvoid.webrtc.RTCConfiguration toNative(RTCConfiguration config) {
    dev.onvoid.webrtc.RTCConfiguration n = new dev.onvoid.webrtc.RTCConfiguration();
    for (RTCIceServer server : config.iceServers()) {
      List<String> urls = new ArrayList<>();
      for (String url : server.urls()) {
        String nativeUrl = IceServerValidator.forNative(server, url);
        if (nativeUrl == null) {
          LOG.warn(
              "TURN server {} has an empty username: the spec accepts it, libwebrtc refuses it"
                  + " (and webrtc-java 0.14.0 would abort the JVM), so jrtc leaves it out",
              url);
        } else {
          urls.add(nativeUrl);
        }
      }
      if (urls.isEmpty()) {
        continue;
      }
      dev.onvoid.webrtc.RTCIceServer s = new dev.onvoid.webrtc.RTCIceServer();
      s.urls = urls;
      s.username = server.username();
      s.password = server.credential();
      n.iceServers.add(s);
    }
    n.iceTransportPolicy =
        switch (config.iceTransportPolicy()) {
          case RELAY -> dev.onvoid.webrtc.RTCIceTransportPolicy.RELAY;
          case ALL -> dev.onvoid.webrtc.RTCIceTransportPolicy.ALL;
        };
    n.bundlePolicy =
        switch (config.bundlePolicy()) {
          case BALANCED -> dev.onvoid.webrtc.RTCBundlePolicy.BALANCED;
          case MAX_COMPAT -> dev.onvoid.webrtc.RTCBundlePolicy.MAX_COMPAT;
          case MAX_BUNDLE -> dev.onvoid.webrtc.RTCBundlePolicy.MAX_BUNDLE;
        };
    n.rtcpMuxPolicy = dev.onvoid.webrtc.RTCRtcpMuxPolicy.REQUIRE;
    return n;
  }

  static <E extends Enum<E>> E sameName(Class<E> type, Enum<?> nativeValue) {
    return Enum.valueOf(type, nativeValue.name());
  }

  static RTCStatsReport fromNative(dev.onvoid.webrtc.RTCStatsReport report) {
    Map<String, RTCStats> out = new LinkedHashMap<>();
    for (Map.Entry<String, dev.onvoid.webrtc.RTCStats> e : report.getStats().entrySet()) {
      dev.onvoid.webrtc.RTCStats s = e.getValue();
      Map<String, Object> members = new LinkedHashMap<>();
      for (Map.Entry<String, Object> m : s.getAttributes().entrySet()) {
        members.put(m.getKey(), statsValue(m.getValue()));
      }
      out.put(s.getId(), new RTCStats(s.getId(), statsType(s), s.getTimestamp() / 1000.0, members));
    }
    return new RTCStatsReport(out);
  }

  /** webrtc-java maps type strings it knows to an enum and leaves the rest null. */
  private static String statsType(dev.onvoid.webrtc.RTCStats s) {
    if (s.getType() != null) {
      return s.getType().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    // libwebrtc's ids carry a type prefix; "AP" is the one M138 type webrtc-java lacks.
    return s.getId().startsWith("AP") ? "media-playout" : "unknown";
  }

  private static Object statsValue(Object v) {
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Object[] array) {
      List<Object> list = new ArrayList<>(array.length);
      for (Object o : array) {
        list.add(statsValue(o));
      }
      return java.util.Collections.unmodifiableList(list);
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, val) -> copy.put(String.valueOf(k), statsValue(val)));
      return java.util.Collections.unmodifiableMap(copy);
    }
    return v;
  }
}
