package io.github.jrtc;

/**
 * The parts of JS's {@code navigator} that WebRTC uses: {@code navigator.mediaDevices}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Navigator">MDN</a>.
 */
public final class Navigator {
  private Navigator() {}

  /**
   * JS {@code navigator.mediaDevices}: the one {@link MediaDevices} of this JVM.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/Navigator/mediaDevices">MDN</a>.
   *
   * @return the media devices
   */
  public static MediaDevices mediaDevices() {
    return MediaDevices.shared();
  }
}
