package io.github.jrtc.whip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/** The external WHIP publishers the tests start: FFmpeg's whip muxer and simple-whip-client. */
final class Publishers {
  static final Path WHIP_CLIENT = Path.of("/usr/bin/whip-client");

  private Publishers() {}

  /** FFmpeg 8.1 from org.bytedeco:ffmpeg (extracted by javacpp into its cache). */
  static String ffmpeg() {
    return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
  }

  static String ffprobe() {
    return Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
  }

  /**
   * A test pattern and a 440 Hz tone for {@code seconds}, H.264 baseline (OpenH264, the build has
   * no libx264) and Opus, published with FFmpeg's own whip muxer (no trickle; DELETE on exit).
   */
  static Process ffmpegPublish(String url, String token, int seconds, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            ffmpeg(),
            "-hide_banner",
            "-nostdin",
            "-re",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=30",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=48000",
            "-t",
            Integer.toString(seconds),
            "-c:v",
            "libopenh264",
            "-g",
            "15",
            "-bf",
            "0",
            "-c:a",
            "libopus",
            "-ac",
            "2",
            "-ar",
            "48000",
            "-f",
            "whip"));
    if (token != null) {
      cmd.addAll(List.of("-authorization", token));
    }
    cmd.add(url);
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * GStreamer's simple-whip-client (Debian {@code simple-whip-client}): trickles by PATCH with
   * If-Match; SIGINT sends DELETE.
   */
  static Process whipClientPublish(String url, String token, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            WHIP_CLIENT.toString(),
            "-u",
            url,
            "-A",
            "audiotestsrc is-live=true wave=sine freq=440 ! audioconvert ! audioresample !"
                + " queue ! opusenc ! rtpopuspay pt=100 ssrc=1 ! queue !"
                + " application/x-rtp,media=audio,encoding-name=OPUS,payload=100",
            "-V",
            "videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,"
                + "framerate=30/1 ! videoconvert ! queue ! vp8enc deadline=1 cpu-used=8 !"
                + " rtpvp8pay pt=96 ssrc=2 ! queue !"
                + " application/x-rtp,media=video,encoding-name=VP8,payload=96"));
    if (token != null) {
      cmd.addAll(List.of("-t", token));
    }
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LD_LIBRARY_PATH", gupnpIgdStub().toString());
    return pb.redirectOutput(log.toFile()).start();
  }

  /**
   * Builds src/test/resources/whip/gupnp-igd-stub.c (see there why whip-client needs it on
   * bookworm) into target/whip-stub/libgupnp-igd-1.0.so.4; returns its directory.
   */
  static synchronized Path gupnpIgdStub() throws IOException {
    Path dir = Path.of("target/whip-stub").toAbsolutePath();
    Path lib = dir.resolve("libgupnp-igd-1.0.so.4");
    if (Files.exists(lib)) {
      return dir;
    }
    Files.createDirectories(dir);
    Process p =
        new ProcessBuilder(
                "g++",
                "-x",
                "c++",
                "-shared",
                "-fPIC",
                "-o",
                lib.toString(),
                Path.of("src/test/resources/whip/gupnp-igd-stub.c").toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("g++ failed to build the gupnp-igd stub: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return dir;
  }
}
