package io.github.jrtc;

/**
 * The spec's {@code MediaRecorderOptions} dictionary; absent members are null (mimeType "" and
 * audioBitrateMode {@link BitrateMode#VARIABLE} are the spec's defaults).
 *
 * <pre>{@code
 * MediaRecorderOptions.builder().mimeType("video/webm;codecs=vp8,opus").videoBitsPerSecond(1_000_000L).build()
 * }</pre>
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaRecorder/MediaRecorder#options">MDN</a>.
 *
 * @param mimeType the container and codecs to record, e.g. {@code "video/webm;codecs=vp8,opus"};
 *     {@code ""} lets the recorder choose
 * @param audioBitsPerSecond target audio bitrate in bits per second, or null
 * @param videoBitsPerSecond target video bitrate in bits per second, or null
 * @param bitsPerSecond target bitrate for audio and video together in bits per second, shared
 *     between them in place of the two specific bitrates, or null
 * @param audioBitrateMode constant or variable audio bitrate; {@link BitrateMode#VARIABLE} when
 *     absent
 * @param videoKeyFrameIntervalDuration milliseconds between key frames
 * @param videoKeyFrameIntervalCount frames between key frames (not together with the duration)
 */
public record MediaRecorderOptions(
    String mimeType,
    Long audioBitsPerSecond,
    Long videoBitsPerSecond,
    Long bitsPerSecond,
    BitrateMode audioBitrateMode,
    Double videoKeyFrameIntervalDuration,
    Long videoKeyFrameIntervalCount) {

  /**
   * Checks the members as WebIDL converts the dictionary: a null {@code mimeType} becomes {@code
   * ""} and a null {@code audioBitrateMode} {@link BitrateMode#VARIABLE}.
   *
   * @param mimeType the MIME type to record; null or {@code ""} lets the recorder choose
   * @param audioBitsPerSecond target audio bitrate in bits per second, or null
   * @param videoBitsPerSecond target video bitrate in bits per second, or null
   * @param bitsPerSecond combined target bitrate in bits per second, or null
   * @param audioBitrateMode constant or variable audio bitrate; null means variable
   * @param videoKeyFrameIntervalDuration milliseconds between key frames, or null
   * @param videoKeyFrameIntervalCount frames between key frames, or null
   * @throws TypeError if a bitrate or the key-frame count is not an unsigned long (0 to 2^32-1), or
   *     the key-frame duration is negative, infinite or NaN
   */
  public MediaRecorderOptions {
    mimeType = mimeType == null ? "" : mimeType;
    audioBitrateMode = audioBitrateMode == null ? BitrateMode.VARIABLE : audioBitrateMode;
    checkUnsigned("audioBitsPerSecond", audioBitsPerSecond);
    checkUnsigned("videoBitsPerSecond", videoBitsPerSecond);
    checkUnsigned("bitsPerSecond", bitsPerSecond);
    checkUnsigned("videoKeyFrameIntervalCount", videoKeyFrameIntervalCount);
    if (videoKeyFrameIntervalDuration != null
        && !(videoKeyFrameIntervalDuration >= 0 && !videoKeyFrameIntervalDuration.isInfinite())) {
      throw new TypeError("videoKeyFrameIntervalDuration must be a finite non-negative number");
    }
  }

  /**
   * All members absent: the recorder picks the type and the bitrates.
   *
   * @return options with every member at its default
   */
  public static MediaRecorderOptions defaults() {
    return new MediaRecorderOptions("", null, null, null, null, null, null);
  }

  /**
   * Starts a builder with every member absent.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkUnsigned(String name, Long value) {
    // WebIDL's unsigned long: 0 .. 2^32-1.
    if (value != null && (value < 0 || value > 0xFFFF_FFFFL)) {
      throw new TypeError(name + " must be an unsigned long, not " + value);
    }
  }

  /** Builds the dictionary member by member. */
  public static final class Builder {
    private String mimeType = "";
    private Long audioBitsPerSecond;
    private Long videoBitsPerSecond;
    private Long bitsPerSecond;
    private BitrateMode audioBitrateMode = BitrateMode.VARIABLE;
    private Double videoKeyFrameIntervalDuration;
    private Long videoKeyFrameIntervalCount;

    private Builder() {}

    /**
     * Sets the MIME type to record; null or {@code ""} lets the recorder choose.
     *
     * @param value e.g. {@code "video/mp4"} or {@code "video/webm;codecs=vp8,opus"}
     * @return this builder
     */
    public Builder mimeType(String value) {
      this.mimeType = value;
      return this;
    }

    /**
     * Sets the target audio bitrate.
     *
     * @param value bits per second, or null for the recorder's choice
     * @return this builder
     */
    public Builder audioBitsPerSecond(Long value) {
      this.audioBitsPerSecond = value;
      return this;
    }

    /**
     * Sets the target video bitrate.
     *
     * @param value bits per second, or null for the recorder's choice
     * @return this builder
     */
    public Builder videoBitsPerSecond(Long value) {
      this.videoBitsPerSecond = value;
      return this;
    }

    /**
     * Sets the combined bitrate, shared between audio and video in place of their own bitrates.
     *
     * @param value bits per second, or null
     * @return this builder
     */
    public Builder bitsPerSecond(Long value) {
      this.bitsPerSecond = value;
      return this;
    }

    /**
     * Sets whether audio is encoded at a constant or variable bitrate.
     *
     * @param value the mode; null means {@link BitrateMode#VARIABLE}
     * @return this builder
     */
    public Builder audioBitrateMode(BitrateMode value) {
      this.audioBitrateMode = value;
      return this;
    }

    /**
     * Sets the time between video key frames.
     *
     * @param millis milliseconds between key frames, or null
     * @return this builder
     */
    public Builder videoKeyFrameIntervalDuration(Double millis) {
      this.videoKeyFrameIntervalDuration = millis;
      return this;
    }

    /**
     * Sets the number of frames between video key frames.
     *
     * @param frames frames between key frames, or null
     * @return this builder
     */
    public Builder videoKeyFrameIntervalCount(Long frames) {
      this.videoKeyFrameIntervalCount = frames;
      return this;
    }

    /**
     * Builds the options, checking them as the record's constructor does.
     *
     * @return the options
     * @throws TypeError if a member is out of range
     */
    public MediaRecorderOptions build() {
      return new MediaRecorderOptions(
          mimeType,
          audioBitsPerSecond,
          videoBitsPerSecond,
          bitsPerSecond,
          audioBitrateMode,
          videoKeyFrameIntervalDuration,
          videoKeyFrameIntervalCount);
    }
  }
}
