package io.github.jrtc.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One chained operation (createOffer, createAnswer, setLocalDescription, setRemoteDescription,
 * addIceCandidate, replaceTrack), from the call to its promise settling. Its duration is the sum of
 * the three phases; a rerun of createOffer/createAnswer adds to the native time.
 */
@Name("io.github.jrtc.Operation")
@Label("Operation")
@Category("jrtc")
@Description("A chained RTCPeerConnection operation: chain wait, native time, settle time")
@StackTrace(false)
final class OperationEvent extends Event {
  @Label("Connection")
  @Description("The connection's per-JVM id, as in its toString()")
  long connection;

  @Label("Kind")
  String kind;

  @Label("Chain Wait")
  @Description("From the call until the operation started (operations before it in the chain)")
  @Timespan(Timespan.NANOSECONDS)
  long chainWait;

  @Label("Native Time")
  @Description("From the start until libwebrtc's callback (or jrtc's own decision)")
  @Timespan(Timespan.NANOSECONDS)
  long nativeTime;

  @Label("Settle Time")
  @Description("From libwebrtc's callback until the promise completed on the event queue")
  @Timespan(Timespan.NANOSECONDS)
  long settleTime;

  @Label("Outcome")
  @Description("resolved, the DOMException name, or closed (never settled)")
  String outcome;
}
