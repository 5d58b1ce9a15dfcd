package io.github.jrtc.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A change of one of a connection's four states. */
@Name("io.github.jrtc.StateChange")
@Label("State Change")
@Category("jrtc")
@Description("signalingState, iceConnectionState, iceGatheringState or connectionState changed")
@StackTrace(false)
final class StateChangeEvent extends Event {
  @Label("Connection")
  long connection;

  @Label("State")
  @Description("signaling, iceConnection, iceGathering or connection")
  String state;

  @Label("Old Value")
  String oldValue;

  @Label("New Value")
  String newValue;
}
