package io.github.jrtc;

/** The {@code dataavailable} event of a {@link MediaRecorder}: a chunk of the recording. */
public class BlobEvent extends Event {
  private final Blob data;
  private final double timecode;

  /** As JS's {@code new BlobEvent(type, {data, timecode})}; {@code data} is required. */
  public BlobEvent(String type, Blob data, double timecode) {
    super(type);
    if (data == null) {
      throw new TypeError("BlobEvent needs data");
    }
    this.data = data;
    this.timecode = timecode;
  }

  /** The recorded bytes; the blobs of one recording concatenated are the whole file. */
  public Blob data() {
    return data;
  }

  /**
   * Milliseconds from the first chunk of the recording's first blob to the first chunk of this one
   * (0 for the first blob).
   */
  public double timecode() {
    return timecode;
  }
}
