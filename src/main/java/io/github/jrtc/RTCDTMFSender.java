package io.github.jrtc;

import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.spec.Errors;

/**
 * Sends DTMF tones (RFC 4733 telephone-events) on an audio sender, as MDN documents {@code
 * RTCDTMFSender}; {@code sender.dtmf()}. libwebrtc plays the tones and paces them; its tone changes
 * become "tonechange" events on the connection's event queue, ending with an empty tone.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFSender">MDN</a>.
 */
public final class RTCDTMFSender extends EventTarget {
  private static final String VALID = "0123456789ABCD#*,";

  private final RTCPeerConnection pc;
  private final RTCRtpSender sender;
  private final TransceiverBridge bridge;
  // Written by insertDTMF (any thread) and by tone changes (event queue); read anywhere.
  private volatile String toneBuffer = "";
  // A non-empty insert is playing until libwebrtc reports the final empty tone.
  private volatile boolean playing;

  RTCDTMFSender(RTCPeerConnection pc, RTCRtpSender sender, TransceiverBridge bridge) {
    this.pc = pc;
    this.sender = sender;
    this.bridge = bridge;
  }

  /**
   * The tones still to play (the one playing already removed).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFSender/toneBuffer">MDN</a>.
   *
   * @return the tones still to play
   */
  public String toneBuffer() {
    return toneBuffer;
  }

  /**
   * The spec's "determine if DTMF can be sent": the connection is open, the transceiver is neither
   * stopping nor without a track, its currentDirection is sendrecv or sendonly, and libwebrtc
   * negotiated telephone-event for sending.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFSender/canInsertDTMF">MDN</a>.
   *
   * @return whether insertDTMF may be called
   */
  public boolean canInsertDTMF() {
    if (pc.isClosedInternal()) {
      return false;
    }
    RTCRtpTransceiver t = sender.transceiver();
    if (t == null || t.stoppingInternal() || sender.track() == null) {
      return false;
    }
    RTCRtpTransceiverDirection current = t.currentDirection();
    if (current != RTCRtpTransceiverDirection.SENDRECV
        && current != RTCRtpTransceiverDirection.SENDONLY) {
      return false;
    }
    try {
      return bridge.canInsertDtmf();
    } catch (DOMException e) {
      // The connection closed (or the engine shut down) meanwhile.
      return false;
    }
  }

  /**
   * {@code insertDTMF(tones)}: 100 ms per tone, 70 ms between tones.
   *
   * @param tones 0-9, A-D, #, * and commas (pauses)
   */
  public void insertDTMF(String tones) {
    insertDTMF(tones, 100, 70);
  }

  /**
   * {@code insertDTMF(tones, duration)} with the default 70 ms gap.
   *
   * @param tones 0-9, A-D, #, * and commas (pauses)
   * @param duration each tone's length in milliseconds
   */
  public void insertDTMF(String tones, long duration) {
    insertDTMF(tones, duration, 70);
  }

  /**
   * Replaces the tone buffer with {@code tones} (0-9, A-D, a-d, #, * and "," for a 2 s pause).
   * {@code duration} is clamped to 40–6000 ms and {@code interToneGap} to 30–6000 ms; both are JS
   * {@code unsigned long}s, so a negative value wraps as it would there. "" clears the buffer.
   *
   * @throws DOMException InvalidStateError when DTMF cannot be sent ({@link #canInsertDTMF()}),
   *     InvalidCharacterError for any other character
   *     <p>See <a
   *     href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDTMFSender/insertDTMF">MDN</a>.
   * @param tones 0-9, A-D, #, * and commas (pauses)
   * @param duration each tone's length in milliseconds
   * @param interToneGap the gap after each tone in milliseconds
   */
  public void insertDTMF(String tones, long duration, long interToneGap) {
    if (!canInsertDTMF()) {
      throw Errors.invalidState(
          "DTMF cannot be sent: the sender needs an audio track on a transceiver that is not"
              + " stopped, whose currentDirection is sendrecv or sendonly, with telephone-event"
              + " negotiated");
    }
    String given = tones == null ? "null" : tones;
    StringBuilder normalized = new StringBuilder(given.length());
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      // Only a-d are normalized; toUpperCase would also map other letters (and may change length).
      char upper = c >= 'a' && c <= 'd' ? (char) (c - 'a' + 'A') : c;
      if (VALID.indexOf(upper) < 0) {
        throw new DOMException(
            "'" + c + "' is not a DTMF tone (0-9, A-D, #, *, ',')", "InvalidCharacterError");
      }
      normalized.append(upper);
    }
    int d = (int) Math.max(40, Math.min(6000, duration & 0xFFFF_FFFFL));
    int gap = (int) Math.max(30, Math.min(6000, interToneGap & 0xFFFF_FFFFL));
    String buffer = normalized.toString();
    toneBuffer = buffer;
    if (buffer.isEmpty() && !playing) {
      // Nothing is scheduled: the spec aborts here, without a tonechange.
      return;
    }
    playing = true;
    boolean queued;
    try {
      queued = bridge.insertDtmf(buffer, d, gap, this::onNativeToneChange);
    } catch (DOMException e) {
      queued = false;
    }
    if (!queued) {
      playing = false;
      throw Errors.invalidState("libwebrtc refused to send DTMF now");
    }
  }

  /**
   * On a native thread: hand off to the event queue. A change that does not continue the current
   * buffer is a leftover of tones replaced meanwhile (libwebrtc's report raced the new insert) and
   * is dropped: a tone must be the buffer's head, the end comes only once the buffer is empty.
   */
  private void onNativeToneChange(String tone, String buffer) {
    pc.post(
        () -> {
          String current = toneBuffer;
          if (!playing) {
            return;
          }
          if (tone.isEmpty()) {
            if (!current.isEmpty()) {
              return;
            }
            playing = false;
          } else if (current.equals(tone + buffer)) {
            toneBuffer = buffer;
          } else {
            return;
          }
          dispatchEvent(new RTCDTMFToneChangeEvent("tonechange", tone));
        });
  }

  /**
   * Sets the {@code ontonechange} handler: it runs for each {@code "tonechange"} event, never on a
   * native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void ontonechange(EventHandler<RTCDTMFToneChangeEvent> handler) {
    setEventHandler("tonechange", handler);
  }

  @Override
  public String toString() {
    return "RTCDTMFSender[toneBuffer=" + toneBuffer + "]";
  }
}
