package io.github.jrtc;

/**
 * The "tonechange" event of an {@link RTCDTMFSender}, as MDN documents {@code
 * RTCDTMFToneChangeEvent}: the tone that started playing, or "" once the tone buffer ran out.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFToneChangeEvent">MDN</a>.
 */
public class RTCDTMFToneChangeEvent extends Event {
  private final String tone;

  /**
   * A tone change event.
   *
   * @param type "tonechange"
   * @param tone the tone that started, or "" after the last
   */
  public RTCDTMFToneChangeEvent(String type, String tone) {
    super(type);
    this.tone = tone == null ? "" : tone;
  }

  /**
   * One of "0123456789ABCD#*," or "" at the end of the tones.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFToneChangeEvent/tone">MDN</a>.
   *
   * @return the tone, or ""
   */
  public String tone() {
    return tone;
  }

  @Override
  public String toString() {
    return "RTCDTMFToneChangeEvent[tone=" + tone + "]";
  }
}
