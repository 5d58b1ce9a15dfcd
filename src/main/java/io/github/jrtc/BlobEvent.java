package io.github.jrtc;

/**
 * The {@code dataavailable} event of a {@link MediaRecorder}: a chunk of the recording.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/BlobEvent">MDN</a>.
 */
public class BlobEvent extends Event {
  private final Blob data;
  private final double timecode;

  /**
   * As JS's {@code new BlobEvent(type, {data, timecode})}; {@code data} is required.
   *
   * @param type the event type, normally {@code "dataavailable"}
   * @param data the recorded bytes; not null
   * @param timecode milliseconds from the recording's first blob to this one, as {@link
   *     #timecode()}
   * @throws TypeError if {@code data} is null
   */
  public BlobEvent(String type, Blob data, double timecode) {
    super(type);
    if (data == null) {
      throw new TypeError("BlobEvent needs data");
    }
    this.data = data;
    this.timecode = timecode;
  }

  /**
   * The recorded bytes; the blobs of one recording concatenated are the whole file.
   *
   * @return this chunk's data, never null
   */
  public Blob data() {
    return data;
  }

  /**
   * Milliseconds from the first chunk of the recording's first blob to the first chunk of this one
   * (0 for the first blob).
   *
   * @return the chunk's offset in milliseconds
   */
  public double timecode() {
    return timecode;
  }
}
