package io.github.jrtc.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One event dispatched to a jrtc object's handlers, on its connection's event queue. */
@Name("io.github.jrtc.EventDispatch")
@Label("Event Dispatch")
@Category("jrtc")
@Description("An event dispatched on a connection's event queue: queue wait and handler time")
@StackTrace(false)
final class EventDispatchEvent extends Event {
  @Label("Connection")
  @Description("The connection's per-JVM id (0: a queue of no connection, e.g. a MediaRecorder's)")
  long connection;

  @Label("Event Type")
  String eventType;

  @Label("Target")
  String target;

  @Label("Queue Wait")
  @Description("From the task being queued until it ran (0 when dispatched outside a queue task)")
  @Timespan(Timespan.NANOSECONDS)
  long queueWait;

  @Label("Handler Time")
  @Timespan(Timespan.NANOSECONDS)
  long handlerTime;

  @Label("Listeners")
  int listeners;
}
