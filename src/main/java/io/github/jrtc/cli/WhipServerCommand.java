package io.github.jrtc.cli;

import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.whip.server.SessionInfo;
import io.github.jrtc.whip.server.WhipServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jrtc whip-server}: a WHIP ingest endpoint that records, with WHEP playback. */
@Command(
    name = "whip-server",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a WHIP endpoint (RFC 9725) at http://HOST:PORT/whip: any WHIP publisher (OBS,"
          + " FFmpeg's whip muxer, GStreamer, browsers, jrtc's WhipClient) streams into it, each"
          + " session recorded to DIR/<session id>.webm (or .mp4). Each session can be played"
          + " over WHEP at http://HOST:PORT/whep/<session id>. Runs until Ctrl-C."
    })
final class WhipServerCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 = all interfaces).")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--token",
      paramLabel = "T",
      description = "Require Authorization: Bearer T on every request (except CORS preflights).")
  String token;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      required = true,
      description = "Directory for the recordings (created if missing).")
  Path recordDir;

  @Option(
      names = "--format",
      paramLabel = "webm|mp4",
      description = "Recording container (default: ${DEFAULT-VALUE}).")
  String format = "webm";

  @Option(
      names = "--max-sessions",
      paramLabel = "N",
      description = "Live WHIP sessions at most; more get 503 (default: ${DEFAULT-VALUE}).")
  int maxSessions = 32;

  @Option(
      names = "--max-viewers",
      paramLabel = "N",
      description = "WHEP viewers per session at most; more get 503 (default: ${DEFAULT-VALUE}).")
  int maxViewers = 8;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("webm") && !format.equals("mp4")) {
      Status.line("--format must be webm or mp4, not %s", format);
      return 2;
    }
    // A recording service that cannot record refuses to start rather than run writing nothing.
    String problem = RecorderFactory.problem(format.equals("mp4") ? "video/mp4" : "video/webm");
    if (problem != null) {
      Status.line("cannot record --format %s (--record): %s", format, problem);
      return Main.BAD_COMMAND_LINE;
    }
    WhipServer.Builder b =
        WhipServer.builder()
            .host(host)
            .port(port)
            .token(token)
            .maxSessions(maxSessions)
            .maxViewers(maxViewers);
    b.record(recordDir, format, announcingFinish(StreamRecorder.mediaRecorder()));
    WhipServer server = b.build();
    try {
      server.start();
    } catch (IOException e) {
      Status.line("cannot listen on %s:%d: %s", host, port, e.getMessage());
      server.close();
      return Main.NO_SERVER;
    }
    Status.line("WHIP endpoint: %s%s", server.whipUri(), token == null ? "" : " (bearer token)");
    Status.line("WHEP playback: %s<session id>", server.whipUri().resolve("/whep/").toString());
    Status.line("recording each session to %s/<session id>.%s", recordDir, format);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Status.line("stopping (finishing recordings)");
                  server.close(); // returns once every recording is finished
                  Status.line("stopped");
                  stop.countDown();
                },
                "jrtc-whip-server-stop"));
    Map<String, SessionInfo> known = new HashMap<>();
    while (!stop.await(1, TimeUnit.SECONDS)) {
      report(server.sessions(), known);
    }
    return 0;
  }

  /** Prints a line when a session's file is complete (on DELETE and when the server stops). */
  private static StreamRecorder announcingFinish(StreamRecorder recorder) {
    return (stream, file) -> {
      StreamRecorder.Recording r = recorder.start(stream, file);
      return () ->
          r.finish()
              .whenComplete(
                  (x, err) -> {
                    if (err == null) {
                      Status.line("recording finished: %s", file);
                    } else {
                      Status.line("recording %s did not finish: %s", file, err);
                    }
                  });
    };
  }

  /** One line per change: a session created, connected, its viewers, ended. */
  private static void report(List<SessionInfo> now, Map<String, SessionInfo> known) {
    Map<String, SessionInfo> seen = new HashMap<>();
    for (SessionInfo s : now) {
      seen.put(s.id(), s);
      SessionInfo before = known.get(s.id());
      if (before == null) {
        Status.line("[%s] publisher arrived", s.id());
      }
      if (s.connected() && (before == null || !before.connected())) {
        Status.line(
            "[%s] connected in %d ms; WHEP: /whep/%s%s",
            s.id(), s.setupMillis(), s.id(), s.recording() ? "; recording" : "");
      }
      if (before != null && before.viewers() != s.viewers()) {
        Status.line("[%s] %d WHEP viewer(s)", s.id(), s.viewers());
      }
    }
    for (SessionInfo s : known.values()) {
      if (!seen.containsKey(s.id())) {
        Status.line(
            "[%s] ended after %d video frames (%dx%d), %.1f s of audible audio",
            s.id(), s.videoFrames(), s.width(), s.height(), s.audibleChunks() / 100.0);
      }
    }
    known.clear();
    known.putAll(seen);
  }
}
