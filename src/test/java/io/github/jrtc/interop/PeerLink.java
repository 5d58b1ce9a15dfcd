package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The signaling path to one foreign WebRTC stack. Every peer speaks the same small protocol, so one
 * {@link InteropCase} drives them all. To the peer: {@code start {role: "offer"|"answer"}}, {@code
 * description {description}}, {@code candidate {candidate|null}}, {@code stats}, {@code bye}. From
 * the peer: {@code description}, {@code candidate}, {@code state {connectionState}}, {@code channel
 * {state, label}}, {@code message {data}}, {@code stats {dataChannel}}, {@code closed}, {@code
 * error {message}}.
 */
interface PeerLink extends AutoCloseable {
  /** Short peer name for the summary ("chromium", "aiortc", ...). */
  String peer();

  String version();

  Inbox inbox();

  void send(ObjectNode message);

  /** After {@code bye}: waits until the peer has closed its connection and ended cleanly. */
  void awaitHangUp(Duration timeout) throws Exception;

  @Override
  void close();
}
