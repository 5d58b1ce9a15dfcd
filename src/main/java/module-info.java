/**
 * jrtc: the browser's WebRTC API (W3C webrtc-pc, Media Capture and Streams, as MDN documents them)
 * over libwebrtc.
 *
 * <p>Exported: {@code io.github.jrtc} (one type per spec interface, with MDN's names), {@code
 * io.github.jrtc.media} (frames and samples in and out of tracks), {@code io.github.jrtc.signaling}
 * (MDN's signaling server, client and bot, perfect negotiation) and {@code io.github.jrtc.javafx}
 * (the JavaFX video view). Everything under {@code io.github.jrtc.internal}, the command-line app
 * and the desktop app stay inside.
 *
 * <p>Optional features are {@code requires static}: a user of the core needs none of Jetty (the
 * signaling server), picocli (the command-line app), JavaFX (the video view and the desktop app) or
 * FFmpeg (MediaRecorder) on the module path.
 */
module io.github.jrtc {
  exports io.github.jrtc;
  exports io.github.jrtc.media;
  exports io.github.jrtc.signaling;
  exports io.github.jrtc.javafx;
  // WHIP/WHEP clients (JDK HttpClient) and the WHIP ingest server (Jetty, optional).
  exports io.github.jrtc.whip;
  exports io.github.jrtc.whip.server;

  // picocli reads and sets the command classes' annotated fields reflectively.
  opens io.github.jrtc.cli to
      info.picocli;

  requires webrtc.java;
  // webrtc-java's native library for this platform (the jar jrtc's POM depends on). Nothing
  // requires it otherwise, so on the module path it would not be resolved and webrtc-java could
  // not find the library; webrtc-java reads it as a resource of the application class loader.
  requires webrtc.linux.x86_64;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  // SignalingClient: the JDK's WebSocket.
  requires java.net.http;
  requires jdk.jfr;
  requires java.management;
  requires static org.eclipse.jetty.server;
  requires static org.eclipse.jetty.http;
  requires static org.eclipse.jetty.io;
  requires static org.eclipse.jetty.util;
  requires static org.eclipse.jetty.websocket.api;
  requires static org.eclipse.jetty.websocket.server;
  requires static info.picocli;
  requires static javafx.base;
  requires static javafx.graphics;
  requires static javafx.controls;
  // MediaRecorder: FFmpeg through JavaCPP (optional; without it isTypeSupported is false).
  requires static org.bytedeco.ffmpeg;
  requires static org.bytedeco.javacpp;
}
