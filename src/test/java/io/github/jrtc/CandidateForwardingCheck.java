package io.github.jrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test in which a candidate forwarded by {@link Peers#trickle} was rejected, even when the
 * test itself passed or timed out first (JUnit then reports this failure as suppressed in the
 * timeout). Registered for every test by JUnit's extension auto-detection
 * (src/test/resources/junit-platform.properties), so that no test can forget it. Tests run one at a
 * time per JVM here, so one static list is enough.
 */
public final class CandidateForwardingCheck implements BeforeEachCallback, AfterEachCallback {
  private static final List<CandidateForwarding> WATCHED = new CopyOnWriteArrayList<>();

  /** Checks {@code f} after the running test; returns it. */
  static CandidateForwarding checkAfterTest(CandidateForwarding f) {
    WATCHED.add(f);
    return f;
  }

  /** The newest watched forwarding between these two connections, or null. */
  static CandidateForwarding between(RTCPeerConnection a, RTCPeerConnection b) {
    List<CandidateForwarding> all = new ArrayList<>(WATCHED);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).connects(a, b)) {
        return all.get(i);
      }
    }
    return null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    WATCHED.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<CandidateForwarding> made = new ArrayList<>(WATCHED);
    WATCHED.clear();
    for (CandidateForwarding f : made) {
      f.check();
    }
  }
}
