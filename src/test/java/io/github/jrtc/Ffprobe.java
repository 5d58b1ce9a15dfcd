package io.github.jrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The ffprobe and ffmpeg executables bundled in FFmpeg's natives jar (extracted by JavaCPP's Loader
 * into its cache), to check recordings: streams, durations, frame counts, audio level.
 */
public final class Ffprobe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Ffprobe() {}

  static String ffprobe() {
    return Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
  }

  static String ffmpeg() {
    return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
  }

  /** One stream of a probed file. */
  public record Stream(String type, String codec, double startTime, double duration, long frames) {}

  public record Result(double duration, List<Stream> streams, String raw) {
    public Stream video() {
      return streams.stream().filter(s -> s.type().equals("video")).findFirst().orElse(null);
    }

    public Stream audio() {
      return streams.stream().filter(s -> s.type().equals("audio")).findFirst().orElse(null);
    }
  }

  /** Probes {@code file}, counting the frames of each stream by decoding it. */
  public static Result probe(Path file) throws IOException, InterruptedException {
    String out =
        run(
            ffprobe(),
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name,start_time,duration,nb_read_frames",
            "-of",
            "json",
            file.toString());
    JsonNode root = JSON.readTree(out);
    List<Stream> streams = new ArrayList<>();
    for (JsonNode s : root.path("streams")) {
      streams.add(
          new Stream(
              s.path("codec_type").asText(),
              s.path("codec_name").asText(),
              s.path("start_time").asDouble(Double.NaN),
              s.path("duration").asDouble(Double.NaN),
              s.path("nb_read_frames").asLong(-1)));
    }
    return new Result(root.path("format").path("duration").asDouble(Double.NaN), streams, out);
  }

  /** Presentation times (s) of a stream's packets: "v" or "a". */
  static List<Double> packetTimes(Path file, String stream)
      throws IOException, InterruptedException {
    String out =
        run(
            ffprobe(),
            "-v",
            "error",
            "-select_streams",
            stream,
            "-show_entries",
            "packet=pts_time",
            "-of",
            "csv=p=0",
            file.toString());
    List<Double> times = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank() && !line.trim().equals("N/A")) {
        times.add(Double.parseDouble(line.trim().replace(",", "")));
      }
    }
    return times;
  }

  /** The file's first audio stream decoded to 48 kHz mono 16-bit PCM. */
  static short[] decodeAudio(Path file) throws IOException, InterruptedException {
    byte[] pcm =
        runBytes(
            ffmpeg(),
            "-v",
            "error",
            "-i",
            file.toString(),
            "-map",
            "0:a:0",
            "-ac",
            "1",
            "-ar",
            "48000",
            "-f",
            "s16le",
            "-");
    short[] s = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }

  /** Mean luma of each decoded video frame, scaled down to 16x12 (one value per frame). */
  static List<Double> frameLuma(Path file) throws IOException, InterruptedException {
    byte[] raw =
        runBytes(
            ffmpeg(),
            "-v",
            "error",
            "-i",
            file.toString(),
            "-map",
            "0:v:0",
            "-fps_mode",
            "passthrough", // one output frame per packet: no frames duplicated to a fixed rate
            "-vf",
            "scale=16:12",
            "-pix_fmt",
            "gray",
            "-f",
            "rawvideo",
            "-");
    List<Double> out = new ArrayList<>();
    for (int f = 0; f + 192 <= raw.length; f += 192) {
      double sum = 0;
      for (int i = 0; i < 192; i++) {
        sum += raw[f + i] & 0xff;
      }
      out.add(sum / 192);
    }
    return out;
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    return new String(runBytes(cmd), java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] runBytes(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IOException("Exit " + p.exitValue() + ": " + String.join(" ", cmd));
    }
    return out.toByteArray();
  }
}
