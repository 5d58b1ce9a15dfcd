package io.github.jrtc.bench;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import java.util.*;
import java.util.concurrent.TimeUnit;

/** TEMPORARY. */
public final class TmpCompare {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    JrtcSide jrtc = new JrtcSide();
    RawSide raw = new RawSide();
    if (mode.equals("connect")) {
      for (int i = 0; i < 100; i++) {
        jrtc.connect().close();
        raw.connect().close();
        raw.connectHandingOff().close();
      }
      Samples j = new Samples(), r = new Samples(), h = new Samples();
      for (int i = 0; i < n; i++) {
        try (BenchPair p = jrtc.connect()) {
          j.add(p.connectNanos() / 1e6);
        }
        try (BenchPair p = raw.connect()) {
          r.add(p.connectNanos() / 1e6);
        }
        try (BenchPair p = raw.connectHandingOff()) {
          h.add(p.connectNanos() / 1e6);
        }
      }
      System.out.printf(
          "connect p50 jrtc %.2f raw %.2f rawHandOff %.2f%n", j.median(), r.median(), h.median());
    } else {
      String offer = raw.dataChannelOffer();
      long sleepUs = Long.parseLong(args[2]);
      for (int i = 0; i < 1500; i++) {
        answer(jrtc, raw, offer, 0, true);
        answer(jrtc, raw, offer, 0, false);
      }
      Samples d = new Samples(), j = new Samples(), r = new Samples();
      for (int i = 0; i < n; i++) {
        double a = answer(jrtc, raw, offer, sleepUs, i % 2 == 0);
        double b = answer(jrtc, raw, offer, sleepUs, i % 2 != 0);
        double jv = i % 2 == 0 ? a : b, rv = i % 2 == 0 ? b : a;
        j.add(jv);
        r.add(rv);
        d.add(jv - rv);
      }
      double[] ci = d.medianInterval95();
      System.out.printf(
          "answer sleep %d us: jrtc %.0f raw %.0f diff %+.0f (%+.0f..%+.0f)%n",
          sleepUs, j.median(), r.median(), d.median(), ci[0], ci[1]);
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  static double answer(JrtcSide jrtc, RawSide raw, String offer, long sleepUs, boolean isJrtc)
      throws Exception {
    if (isJrtc) {
      try (RTCPeerConnection pc = new RTCPeerConnection()) {
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, offer))
            .get(10, TimeUnit.SECONDS);
        if (sleepUs > 0) Thread.sleep(0, 0);
        if (sleepUs > 0) java.util.concurrent.locks.LockSupport.parkNanos(sleepUs * 1000);
        long t0 = System.nanoTime();
        pc.createAnswer().get(10, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        return (t1 - t0) / 1e3;
      }
    }
    dev.onvoid.webrtc.RTCPeerConnection pc =
        raw.factory().createPeerConnection(new dev.onvoid.webrtc.RTCConfiguration(), c -> {});
    try {
      RawFutures.setRemote(
              pc,
              new dev.onvoid.webrtc.RTCSessionDescription(
                  dev.onvoid.webrtc.RTCSdpType.OFFER, offer))
          .get(10, TimeUnit.SECONDS);
      if (sleepUs > 0) java.util.concurrent.locks.LockSupport.parkNanos(sleepUs * 1000);
      long t0 = System.nanoTime();
      RawFutures.createAnswer(pc, new dev.onvoid.webrtc.RTCAnswerOptions())
          .get(10, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      return (t1 - t0) / 1e3;
    } finally {
      pc.close();
    }
  }
}
