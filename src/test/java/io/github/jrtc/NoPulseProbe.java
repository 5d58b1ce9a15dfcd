package io.github.jrtc;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Enumerates devices and asks for a microphone in a JVM that sees no PulseAudio server. Run as a
 * child JVM by {@link EnumerateWithoutPulseIT}; prints what happened.
 */
public final class NoPulseProbe {
  private NoPulseProbe() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    var list = Navigator.mediaDevices().enumerateDevices().get(30, TimeUnit.SECONDS);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.println("devices " + list.size() + " in " + ms + " ms");
    start = System.nanoTime();
    var again = Navigator.mediaDevices().enumerateDevices().get(30, TimeUnit.SECONDS);
    ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.println("again " + again.size() + " in " + ms + " ms");
    try {
      Navigator.mediaDevices()
          .getUserMedia(new MediaStreamConstraints(true, false))
          .get(30, TimeUnit.SECONDS);
      System.out.println("audio opened");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c =
          e.getCause() instanceof CompletionException ? e.getCause().getCause() : e.getCause();
      System.out.println(
          "audio "
              + (c instanceof DOMException d ? d.name() : c.getClass().getName())
              + ": "
              + c.getMessage());
    }
    System.out.println("main returns");
    System.out.flush();
  }
}
